package org.baiti.sheet;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class RowErrorTest {

    @Test
    void commonReasonsAreBilingualAndNameTheColumnByItsLabel() {
        assertThat(RowError.required(3, Fixtures.TICKET)).isEqualTo(new RowError(3, "准考证号", "必填 / required"));
        assertThat(RowError.invalid(4, Fixtures.PHONE, "不是有效的手机号", "not a valid phone number"))
                .isEqualTo(new RowError(4, "手机号", "不是有效的手机号 / not a valid phone number"));
        assertThat(RowError.duplicate(9, Fixtures.TICKET, 2).reason()).isEqualTo("与第 2 行重复 / duplicates row 2");
        assertThat(RowError.tooLong(5, Fixtures.NAME, 20).reason()).isEqualTo("不能超过 20 个字符 / at most 20 characters");
    }

    @Test
    void describeAndExceptionMessage() {
        RowError cell = RowError.required(3, Fixtures.TICKET);
        RowError file = RowError.file("文件是空的", "the file is empty");

        assertThat(cell.describe()).isEqualTo("第 3 行 / row 3, 准考证号: 必填 / required");
        assertThat(file.describe()).isEqualTo("文件是空的 / the file is empty");
        assertThat(new SheetException(List.of(cell, file)))
                .hasMessage("第 3 行 / row 3, 准考证号: 必填 / required; 文件是空的 / the file is empty");
    }
}
