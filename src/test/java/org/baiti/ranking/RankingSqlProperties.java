package org.baiti.ranking;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.baiti.testing.Postgres;
import org.baiti.testing.UpgradeCheck;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SQL forms of the ranking order, derived from {@link RankingOrder} ({@link RankingOrder#sqlOrderBy},
 * {@link RankingOrder#sqlBefore}), give what the comparator gives, on SQLite and on PostgreSQL (real Flyway schema):
 * the page order, the plain count of entries before ({@code COUNT_BEFORE}), the rank a submission is answered with
 * ({@code RANK_COUNT}) and "my rank" ({@code STANDING}) from the counts kept by inserts, batches and replacements.
 * Values are drawn from small sets around the whole seconds of the counts, so that every tie-break and bucket edge is
 * used. Each try runs in a transaction that is rolled back.
 */
class RankingSqlProperties {

    private static final long CONTEST = 1;

    private static final Map<String, SingleConnectionDataSource> DATABASES = new LinkedHashMap<>();

    @BeforeContainer
    static void databases() throws IOException, SQLException {
        var file = Files.createTempFile("ranking-sql", ".db");
        file.toFile().deleteOnExit();
        open("sqlite", "jdbc:sqlite:" + file);
        if (Postgres.required() || Postgres.reachable()) {
            open("postgresql", Postgres.freshSchemaUrl());
        }
    }

    private static void open(String name, String url) throws SQLException {
        try (Connection c = UpgradeCheck.before(url, "latest", CONTEST)) {
            assertThat(c.isValid(5)).isTrue();
        }
        DATABASES.put(name, new SingleConnectionDataSource(url, true));
    }

    @AfterContainer
    static void close() {
        DATABASES.values().forEach(SingleConnectionDataSource::destroy);
        DATABASES.clear();
    }

    @Provide
    Arbitrary<RankingOrder.Key> keys() {
        Arbitrary<Double> accuracy = Arbitraries.of(0.0, 0.1, 0.25, 0.3, 0.5, 1.0);
        // the edges of whole seconds (the counts of V50) and a few equal times
        Arbitrary<Long> duration = Arbitraries.of(0L, 1L, 999L, 1_000L, 1_001L, 1_999L, 2_000L, 59_999L, 60_000L,
                60_001L, 61_000L);
        Arbitrary<Long> submitted = Arbitraries.longs().between(1_700_000_000_000L, 1_700_000_000_002L);
        Arbitrary<String> phone = Arbitraries.integers().between(0, 40).map(i -> String.format("138%08d", i));
        return Combinators.combine(accuracy, duration, submitted, phone).as(RankingOrder.Key::new);
    }

    /** One ranking: distinct participants, some entered one by one, some in a batch, some replaced afterwards. */
    record Scenario(List<RankingOrder.Key> first, List<RankingOrder.Key> replacements, int oneByOne,
                    List<RankingOrder.Key> probes) {
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<List<RankingOrder.Key>> first = keys().list().ofMinSize(1).ofMaxSize(25)
                .uniqueElements(RankingOrder.Key::participant);
        return first.flatMap(f -> Combinators.combine(
                keys().list().ofMaxSize(f.size()),
                Arbitraries.integers().between(0, f.size()),
                keys().list().ofMinSize(1).ofMaxSize(5))
                .as((r, n, probes) -> {
                    // a replacement keeps the participant of the entry it replaces
                    List<RankingOrder.Key> replacements = new ArrayList<>();
                    for (int i = 0; i < r.size(); i++) {
                        RankingOrder.Key k = r.get(i);
                        replacements.add(new RankingOrder.Key(k.accuracy(), k.durationMs(), k.submittedAtMs(),
                                f.get(i).participant()));
                    }
                    return new Scenario(f, replacements, n, probes);
                }));
    }

    private static RankingEntry entry(RankingOrder.Key k, String attempt) {
        return new RankingEntry(CONTEST, k.participant(), attempt, k.participant(), "U1", "U1", k.accuracy(),
                k.durationMs(), Instant.ofEpochMilli(k.submittedAtMs()));
    }

    @Property(tries = 150)
    void theSqlFormsRankAsTheComparatorOnBothDatabases(@ForAll("scenarios") Scenario scenario) {
        assertThat(DATABASES).containsKey("sqlite");
        if (Postgres.required()) {
            assertThat(DATABASES).containsKey("postgresql");
        }
        DATABASES.forEach((name, ds) -> new TransactionTemplate(new DataSourceTransactionManager(ds))
                .executeWithoutResult(status -> {
                    check(name, ds, scenario);
                    status.setRollbackOnly();
                }));
    }

    private static void check(String database, DataSource ds, Scenario scenario) {
        JdbcClient jdbc = JdbcClient.create(ds);
        JdbcRankingEntries entries = new JdbcRankingEntries(jdbc, new JdbcTemplate(ds));
        Map<String, RankingEntry> ranked = new LinkedHashMap<>();
        List<RankingEntry> batch = new ArrayList<>();
        for (int i = 0; i < scenario.first().size(); i++) {
            RankingEntry e = entry(scenario.first().get(i), "first" + i);
            ranked.put(e.phone(), e);
            if (i < scenario.oneByOne()) {
                assertThat(entries.insertIfAbsent(e)).isTrue();
            } else {
                batch.add(e);
            }
        }
        assertThat(entries.insertAllIfAbsent(batch)).hasSize(batch.size()).doesNotContain(false);
        for (int i = 0; i < scenario.replacements().size(); i++) {
            RankingEntry e = entry(scenario.replacements().get(i), "again" + i);
            assertThat(entries.replace(e, ranked.get(e.phone()))).isTrue();
            ranked.put(e.phone(), e);
        }
        List<RankingEntry> sorted = new ArrayList<>(ranked.values());
        sorted.sort((a, b) -> RankingOrder.INSTANCE.compare(a.key(), b.key()));

        // the page: ORDER_BY
        assertThat(entries.page(CONTEST, 0, 1000)).as(database)
                .extracting(RankingEntries.Line::name)
                .containsExactlyElementsOf(sorted.stream().map(RankingEntry::name).toList());
        assertThat(entries.count(CONTEST)).as(database).isEqualTo(sorted.size());
        // every entry: the plain count, the submit's count and "my rank" are its place in the comparator's order
        for (int i = 0; i < sorted.size(); i++) {
            RankingEntry e = sorted.get(i);
            assertThat(plainCountBefore(jdbc, e.key())).as("%s %s", database, e).isEqualTo(i);
            assertThat(entries.countBefore(e)).as("%s %s", database, e).isEqualTo(i);
            assertThat(entries.standing(CONTEST, e.phone())).as("%s %s", database, e)
                    .contains(new Standing(e, i + 1L));
        }
        // keys that are not (or not as such) in the ranking: entries the comparator puts before them
        for (RankingOrder.Key probe : scenario.probes()) {
            long before = sorted.stream().filter(e -> RankingOrder.INSTANCE.compare(e.key(), probe) < 0).count();
            assertThat(plainCountBefore(jdbc, probe)).as("%s %s", database, probe).isEqualTo(before);
            assertThat(entries.countBefore(entry(probe, "probe"))).as("%s %s", database, probe).isEqualTo(before);
        }
    }

    private static long plainCountBefore(JdbcClient jdbc, RankingOrder.Key k) {
        return jdbc.sql(JdbcRankingEntries.COUNT_BEFORE).param("c", CONTEST).param("a", k.accuracy())
                .param("d", k.durationMs()).param("s", k.submittedAtMs()).param("p", k.participant())
                .query(Long.class).single();
    }
}
