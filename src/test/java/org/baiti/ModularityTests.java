package org.baiti;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/** The feature packages as Spring Modulith modules, and which feature's SQL names which feature's tables (docs/modules.md). */
class ModularityTests {

    static final ApplicationModules MODULES = ApplicationModules.of(Application.class);

    /** Every table the migrations leave, and the feature that owns it (writes it, and answers others about it). */
    static final Map<String, String> OWNER = Map.ofEntries(
            entry("contest", "contest"), entry("import_log", "contest"),
            entry("unit", "unit"),
            entry("question", "bank"), entry("question_bank_version", "bank"),
            entry("attempt", "online"),
            entry("attempt_signal", "anticheat"), entry("attempt_address_unit_count", "anticheat"),
            entry("offline_result", "offline"), entry("offline_import_job", "offline"),
            entry("ranking_entry", "ranking"), entry("ranking_count_by_accuracy", "ranking"),
            entry("ranking_count_by_second", "ranking"),
            entry("draw", "draw"), entry("draw_pool", "draw"),
            entry("audit_entry", "audit"),
            entry("account", "security"), entry("login_throttle", "security"), entry("spring_session", "security"),
            entry("spring_session_attributes", "security"),
            entry("roster_entry", "identity"), entry("one_time_code", "identity"),
            entry("contest_privacy", "privacy"),
            entry("certificate_setting", "report"),
            entry("rate_limit_bucket", "limits"));

    /**
     * The SQL that still names another feature's table, each with its reason in docs/modules.md ("Exceptions"). A new
     * one fails this test until it goes through the owner's interface or is written down there.
     */
    static final Set<String> CROSS_FEATURE_SQL = Set.of(
            "online -> contest",
            "privacy -> attempt", "privacy -> offline_result", "privacy -> roster_entry", "privacy -> unit");

    private static final Pattern TABLE_IN_SQL = Pattern.compile("\\b(?:FROM|JOIN|INTO|UPDATE|TABLE)\\s+([a-z_]+)\\b",
            Pattern.CASE_INSENSITIVE);

    @Test
    void featurePackagesFormAModuleStructureWithoutCyclesOrInternalAccess() {
        assertThat(MODULES.stream().map(m -> m.getBasePackage().getName()))
                .contains("org.baiti.contest", "org.baiti.bank", "org.baiti.unit", "org.baiti.sheet", "org.baiti.identity");
        MODULES.verify();
    }

    /** The internal package is the module's own: another feature reaching into it fails verify() above. */
    @Test
    void identityKeepsItsSmsGatewayInternal() {
        ApplicationModule identity = MODULES.getModuleByName("identity").orElseThrow();
        assertThat(identity.getBasePackage().getName()).isEqualTo("org.baiti.identity");
        assertThat(identity.contains(org.baiti.identity.internal.SmsSender.class)).isTrue();
        assertThat(identity.isExposed(org.baiti.identity.internal.SmsSender.class)).as("not in its API").isFalse();
        assertThat(identity.isExposed(org.baiti.identity.ParticipantIdentity.class)).as("its API").isTrue();
    }

    @Test
    void everyTableOfTheMigrationsHasAnOwningFeature() throws IOException {
        Set<String> tables = new TreeSet<>();
        Pattern create = Pattern.compile("CREATE TABLE (?:IF NOT EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
        Pattern drop = Pattern.compile("DROP TABLE (?:IF EXISTS )?([a-z_]+)", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/db/migration"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".sql")).sorted().toList()) {
                String sql = Files.readString(f);
                create.matcher(sql).results().forEach(m -> tables.add(m.group(1).toLowerCase(Locale.ROOT)));
                drop.matcher(sql).results().forEach(m -> tables.remove(m.group(1).toLowerCase(Locale.ROOT)));
            }
        }
        assertThat(tables).as("tables of the migrations").contains("contest", "attempt", "audit_entry");
        assertThat(OWNER.keySet()).as("one owner per table, and no owner of a table that is gone")
                .containsExactlyInAnyOrderElementsOf(tables);
        assertThat(OWNER.values().stream().map(m -> "org.baiti." + m).distinct().toList())
                .allSatisfy(p -> assertThat(MODULES.stream().map(m -> m.getBasePackage().getName())).contains(p));
    }

    @Test
    void aFeatureNamesAnotherFeaturesTableOnlyWhereDocsModulesMdSaysWhy() throws IOException {
        Map<String, Set<String>> found = new TreeMap<>();
        Path root = Path.of("src/main/java/org/baiti");
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Path rel = root.relativize(f);
                String feature = rel.getNameCount() > 1 ? rel.getName(0).toString() : "(root)";
                Matcher m = TABLE_IN_SQL.matcher(Files.readString(f));
                while (m.find()) {
                    String owner = OWNER.get(m.group(1).toLowerCase(Locale.ROOT));
                    if (owner != null && !owner.equals(feature)) {
                        found.computeIfAbsent(feature + " -> " + m.group(1).toLowerCase(Locale.ROOT), k -> new TreeSet<>())
                                .add(rel.toString());
                    }
                }
            }
        }
        assertThat(found).as("the scan sees the SQL of the features").containsKey("privacy -> offline_result");
        assertThat(found.keySet()).as("cross-feature SQL (where: %s)", found).isSubsetOf(CROSS_FEATURE_SQL);
        assertThat(found).as("identity asks contest for the roster switch; privacy asks anticheat to forget addresses;"
                        + " the draw and the ranking page ask unit for the unit names, the draw asks offline for its pool;"
                        + " the review list asks online (through anticheat's SignalledAttempts) for its attempts")
                .doesNotContainKeys("identity -> contest", "privacy -> attempt_signal",
                        "privacy -> attempt_address_unit_count", "draw -> unit", "draw -> offline_result",
                        "ranking -> unit", "anticheat -> attempt");
        assertThat(found.keySet()).as("report and orgaward ask the owners (ranking, offline, online, draw, unit)")
                .noneMatch(k -> k.startsWith("report -> ") || k.startsWith("orgaward -> "));
    }
}
