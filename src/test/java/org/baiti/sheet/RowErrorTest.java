package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.baiti.testing.Words.EN;
import static org.baiti.testing.Words.ZH;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.messages;
import static org.baiti.testing.Words.zh;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

class RowErrorTest {

    @Test
    void commonReasonsAreKeysWordedInOneLanguageAndNameTheColumnByItsLabel() {
        assertThat(RowError.required(3, Fixtures.TICKET)).isEqualTo(new RowError(3, "准考证号", Reason.of("row.required")));
        assertThat(RowError.invalid(4, Fixtures.PHONE, "row.phone.invalid"))
                .isEqualTo(RowError.of(4, "手机号", "row.phone.invalid"));
        assertThat(zh(RowError.required(3, Fixtures.TICKET))).isEqualTo("必填");
        assertThat(en(RowError.required(3, Fixtures.TICKET))).isEqualTo("required");
        assertThat(zh(RowError.duplicate(9, Fixtures.TICKET, 2))).isEqualTo("与第 2 行重复");
        assertThat(en(RowError.duplicate(12000, Fixtures.TICKET, 10234))).as("row numbers without grouping")
                .isEqualTo("duplicates row 10234");
        assertThat(zh(RowError.tooLong(5, Fixtures.NAME, 20))).isEqualTo("不能超过 20 个字符");
        assertThat(en(RowError.tooLong(5, Fixtures.NAME, 20))).isEqualTo("at most 20 characters");
    }

    @Test
    void aReasonMayHoldReasonsWordedInTheSameLanguage() {
        Reason two = Reason.all(List.of(Reason.of("row.answers.no_option", "1", "E"),
                Reason.of("row.answers.not_understood", "3", "?")));

        assertThat(zh(two)).isEqualTo("第 1 题没有选项 E；第 3 题的答案“?”无法识别");
        assertThat(en(two)).isEqualTo("question 1 has no option E; answer \"?\" of question 3 is not understood");
        assertThat(Reason.all(List.of(Reason.of("row.required")))).isEqualTo(Reason.of("row.required"));
    }

    @Test
    void describeAndExceptionMessage() {
        RowError cell = RowError.required(3, Fixtures.TICKET);
        RowError row = RowError.of(4, "", "row.encoding.not_utf8");
        RowError file = RowError.file("row.file.empty");

        assertThat(cell.describe(messages(), ZH)).isEqualTo("第 3 行，准考证号：必填");
        assertThat(cell.describe(messages(), EN)).isEqualTo("row 3, 准考证号: required");
        assertThat(row.describe(messages(), EN)).startsWith("row 4: this row has bytes that are not UTF-8");
        assertThat(file.describe(messages(), ZH)).isEqualTo("文件是空的");
        assertThat(file.worded(messages(), EN)).isEqualTo(new RowError.Worded(0, "", "the file is empty"));
        assertThat(new SheetException(List.of(cell, file)))
                .hasMessage("row 3, 准考证号: row.required; row.file.empty");
    }

    @Test
    void shownAsTheApiListsABadRow() {
        RowError e = RowError.of(7, "答案", "row.answers.count", 5, 3);

        Map<String, Object> zh = e.shown(w -> messages().getMessage(w, ZH));
        Map<String, Object> en = e.shown((MessageSourceResolvable w) -> messages().getMessage(w, EN));

        assertThat(zh).containsExactly(Map.entry("row", 7), Map.entry("column", "答案"),
                Map.entry("reason", "应有 5 个答案，实际 3 个"));
        assertThat(en.get("reason")).isEqualTo("expected 5 answers, found 3");
        assertThat(RowError.of(2, "", "no.such.key").shown(w -> messages().getMessage(w, ZH)).get("reason"))
                .as("a missing key shows itself rather than failing").isEqualTo("no.such.key");
    }
}
