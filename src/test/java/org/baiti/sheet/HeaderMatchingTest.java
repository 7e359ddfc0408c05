package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.baiti.sheet.Fixtures.readAll;
import static org.baiti.sheet.Fixtures.row;
import static org.baiti.sheet.Fixtures.write;
import static org.baiti.testing.Words.en;
import static org.baiti.testing.Words.zh;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HeaderMatchingTest {

    @TempDir
    Path dir;

    private Path csv(String text) {
        return write(dir, "t.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    private static List<RowError> errorsOf(Path file) {
        try {
            readAll(file);
        } catch (SheetException e) {
            return e.errors();
        }
        throw new AssertionError("expected a SheetException");
    }

    @Test
    void aliasesMatchInAnyLanguageCaseOrderAndSpacing() {
        Path file = csv(" SCORE ,\uFEFF\u3000Name\u3000,ＴＩＣＫＥＴ,手机号\n90,Zhang,A1,139\n");

        assertThat(readAll(file)).containsExactly(row(2, "A1", "Zhang", "139", "90"));
    }

    @Test
    void unknownColumnsAreIgnoredAndMissingOptionalOnesReadEmpty() {
        Path file = csv("备注,姓名,,准考证号,班级\nnote,张三,x,A1,三班\n");

        List<SheetRow> rows = readAll(file);

        assertThat(rows).containsExactly(row(2, "A1", "张三", "", ""));
        assertThat(rows.get(0).values()).containsOnlyKeys("ticket", "name", "phone", "score");
    }

    @Test
    void missingRequiredColumnsAreAllReportedAtTheHeaderRow() {
        List<RowError> errors = errorsOf(csv("手机号,成绩\n139,90\n"));

        assertThat(errors).extracting(RowError::row, RowError::column)
                .containsExactly(tuple(1, "准考证号"), tuple(1, "姓名"));
        assertThat(zh(errors.get(0))).isEqualTo("缺少必填列（可用列名：准考证号、ticket）");
        assertThat(en(errors.get(0))).isEqualTo("missing required column (accepted names: 准考证号, ticket)");
    }

    @Test
    void theSameColumnNamedTwiceIsAHeaderError() {
        List<RowError> errors = errorsOf(csv("准考证号,姓名,Ticket\nA1,张三,A1\n"));

        assertThat(errors).extracting(RowError::row, RowError::column).containsExactly(tuple(1, "准考证号"));
        assertThat(zh(errors.get(0))).isEqualTo("列重复：“准考证号”和“Ticket”是同一列");
        assertThat(en(errors.get(0))).isEqualTo("duplicate column: \"准考证号\" and \"Ticket\" are the same column");
    }

    @Test
    void theSameHeaderTextTwiceIsAHeaderError() {
        List<RowError> errors = errorsOf(csv("姓名,准考证号,姓名\n张三,A1,李四\n"));

        assertThat(errors).extracting(RowError::row, RowError::column).containsExactly(tuple(1, "姓名"));
        assertThat(en(errors.get(0))).isEqualTo("column \"姓名\" appears more than once");
    }

    @Test
    void leadingBlankLinesDoNotShiftRowNumbers() {
        Path file = csv("\n,,\n准考证号,姓名\nA1,张三\n");

        assertThat(readAll(file)).containsExactly(row(4, "A1", "张三", "", ""));
    }

    @Test
    void aFileOfOnlyBlankLinesHasNoHeaderRow() {
        assertThat(errorsOf(csv("\r\n  \r\n,,\r\n"))).extracting(RowError::row, RowError::column)
                .containsExactly(tuple(1, ""));
    }

    @Test
    void rowGetRejectsAKeyThatIsNotAColumn() {
        SheetRow row = row(2, "A1", "张三", "", "");

        assertThat(row.get("name")).isEqualTo("张三");
        assertThatThrownBy(() -> row.get("nmae")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badColumnListsAreProgrammingErrors() {
        Path file = csv("a\n1\n");

        assertThatThrownBy(() -> SheetReader.read(file,
                List.of(Column.required("a", "甲"), Column.optional("a", "乙")), r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SheetReader.read(file,
                List.of(Column.required("a", "甲", "x"), Column.optional("b", " X ")), r -> { }))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Column.required("a")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Column.required("a", "\u3000")).isInstanceOf(IllegalArgumentException.class);
    }
}
