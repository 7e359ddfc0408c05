package org.baiti.offline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.baiti.testing.Rows;
import org.baiti.testing.Slice;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A draw's pool as the offline results give it (JdbcPerfectPapers): whole, in byte order of the ticket, as stored. */
interface PerfectPapersContract extends Slice {

    /** Ascending order of the UTF-8 bytes, as the draw's keys are compared (SPEC §5). */
    Comparator<String> BYTE_ORDER = (a, b) -> java.util.Arrays.compareUnsigned(
            a.getBytes(java.nio.charset.StandardCharsets.UTF_8), b.getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private void insert(long contest, List<Object[]> rows) {
        new TransactionTemplate(bean(PlatformTransactionManager.class)).executeWithoutResult(tx ->
                bean(JdbcTemplate.class).batchUpdate("""
                        INSERT INTO offline_result (contest_id, ticket, name, phone, unit_code, top_code, score,
                            max_score, accuracy, perfect, venue, answers, import_id, row_no)
                        VALUES (?, ?, ?, ?, ?, ?, ?, 4, ?, ?, NULL, NULL, 1, 1)
                        """, rows.stream().map(r -> new Object[] {contest, r[0], r[1], "1370000" + r[0].hashCode(),
                        r[2], "U1", (boolean) r[3] ? 4 : 3, (boolean) r[3] ? 1.0 : 0.75, (boolean) r[3] ? 1 : 0})
                        .toList()));
    }

    private static Object[] row(String ticket, String name, String unit, boolean perfect) {
        return new Object[] {ticket, name, unit, perfect};
    }

    private List<PerfectPapers.Paper> read(long contest) {
        List<PerfectPapers.Paper> read = new ArrayList<>();
        bean(PerfectPapers.class).forEach(contest, read::add);
        return read;
    }

    /**
     * Keys outside ASCII and the BMP, characters JSON and PostgreSQL's {@code COPY} escape (tab, line breaks, control
     * characters, backslashes, a backslash before a letter), a quote and SQL: data, as stored, in byte order.
     */
    @Test
    default void thePerfectPapersComeInByteOrderOfTheTicketAsStored() {
        long contest = Rows.contest(jdbc());
        long other = Rows.contest(jdbc());
        insert(contest, List.of(
                row("准考证-甲001", "诸葛亮", "U2-1", true),
                row("\uD83C\uDFB2-7", "\uD840\uDC0B\"名\"", "U1", true),
                row("Ａ-全角", "王\\五\t", "X\\\"Y", true),
                row("C'3) TO STDOUT; --", "丙", "U1", true),
                row("B2", "乙", "U1", false),
                row("a1", "甲", "U1", true),
                row("Z9", "丁\n\r\b\f\u000B\\n\\", "U1", true),
                row("B\\\t3", "戊", "U\\t", true)));
        insert(other, List.<Object[]>of(row("A0", "戊", "U1", true)));

        List<PerfectPapers.Paper> read = read(contest);
        assertThat(read).containsExactly(
                new PerfectPapers.Paper("B\\\t3", "戊", "U\\t"),
                new PerfectPapers.Paper("C'3) TO STDOUT; --", "丙", "U1"),
                new PerfectPapers.Paper("Z9", "丁\n\r\b\f\u000B\\n\\", "U1"),
                new PerfectPapers.Paper("a1", "甲", "U1"),
                new PerfectPapers.Paper("准考证-甲001", "诸葛亮", "U2-1"),
                new PerfectPapers.Paper("Ａ-全角", "王\\五\t", "X\\\"Y"),
                new PerfectPapers.Paper("\uD83C\uDFB2-7", "\uD840\uDC0B\"名\"", "U1"));
        assertThat(read.stream().map(PerfectPapers.Paper::ticket).sorted(BYTE_ORDER).toList())
                .containsExactlyElementsOf(read.stream().map(PerfectPapers.Paper::ticket).toList());
        assertThat(read(Rows.contest(jdbc()))).isEmpty();

        List<String> before = new ArrayList<>();
        assertThatThrownBy(() -> bean(PerfectPapers.class).forEach(contest, p -> {
            if (p.ticket().equals("a1")) {
                throw new IllegalArgumentException("refused " + p.ticket());
            }
            before.add(p.ticket());
        })).as("what the caller throws reaches it, the read ends")
                .isInstanceOf(IllegalArgumentException.class).hasMessage("refused a1");
        assertThat(before).as("the papers before it, in order, nothing after it")
                .containsExactly("B\\\t3", "C'3) TO STDOUT; --", "Z9");
        assertThat(read(contest)).as("a read given up leaves its connection usable").hasSize(7);
    }

    /**
     * A pool read in chunks (SQLite: {@link JdbcPerfectPapers#CHUNK} rows per JSON array) comes whole and in order: a
     * pool of exactly two chunks (the last query finds nothing), then one more row (a chunk of one), results that are
     * not perfect interleaved.
     */
    @Test
    default void aPoolOfSeveralChunksIsReadWholeInByteOrder() {
        long contest = Rows.contest(jdbc());
        List<Object[]> rows = new ArrayList<>();
        for (int i = 1; i <= 2 * JdbcPerfectPapers.CHUNK; i++) {
            rows.add(row("T%05d".formatted(i), "名" + i, "U1", true));
        }
        for (int i = 1; i <= 500; i++) { // T500001.., between T50000 and T50001, none perfect
            rows.add(row("T5%05d".formatted(i), "名", "U1", false));
        }
        insert(contest, rows);
        List<String> keys = read(contest).stream().map(PerfectPapers.Paper::ticket).toList();
        assertThat(keys).hasSize(2 * JdbcPerfectPapers.CHUNK).doesNotHaveDuplicates()
                .startsWith("T00001").endsWith("T99999");
        assertThat(keys.stream().sorted(BYTE_ORDER).toList()).containsExactlyElementsOf(keys);

        insert(contest, List.<Object[]>of(row("U1", "甲", "U1", true)));
        List<String> again = read(contest).stream().map(PerfectPapers.Paper::ticket).toList();
        assertThat(again).hasSize(2 * JdbcPerfectPapers.CHUNK + 1).endsWith("U1");
        assertThat(again.subList(0, 2 * JdbcPerfectPapers.CHUNK)).isEqualTo(keys);
    }
}
