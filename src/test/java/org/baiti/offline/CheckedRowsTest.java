package org.baiti.offline;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedRowsTest {

    @Test
    void rowsComeBackEqualAndInOrderAsOftenAsRead() {
        List<OfflineResult> rows = List.of(
                new OfflineResult("T1", "张三", "13800000001", "U1-1", "U1", 6, 6, 1.0, true, "一号考场", "A|ACD|B|B|A", 2),
                new OfflineResult("T2", "O'Brien \"Bob\"\t\n", "13800000002", "U2", "U2", 0, 6, 0.0, false, null, null, 3),
                new OfflineResult("T3", "𠀀𠀁 emoji 😀", "13800000003", "U2-1", "U2", 5, 7, 5.0 / 7, false, "", "", 4),
                new OfflineResult("T4", "x".repeat(70_000), "13800000004", "U1", "U1", 3, 6, 0.5, false, "v", "A||B", 100));
        List<OfflineResult> back = new ArrayList<>();
        try (CheckedRows checked = CheckedRows.create()) {
            rows.forEach(checked::add);
            assertThat(checked.count()).isEqualTo(4);
            checked.read(back::add);
            List<OfflineResult> again = new ArrayList<>();
            checked.read(again::add);
            assertThat(again).isEqualTo(back);
        }
        assertThat(back).isEqualTo(rows);
    }

    @Test
    void anEmptyFileReadsNothing() {
        try (CheckedRows checked = CheckedRows.create()) {
            List<OfflineResult> back = new ArrayList<>();
            checked.read(back::add);
            assertThat(back).isEmpty();
        }
    }
}
