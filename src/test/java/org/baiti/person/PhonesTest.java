package org.baiti.person;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PhonesTest {

    @Test
    void normalizesSpacesDashesAndTheCountryPrefix() {
        assertThat(Phones.normalize("138 1234 5678")).contains("13812345678");
        assertThat(Phones.normalize("138-1234-5678")).contains("13812345678");
        assertThat(Phones.normalize("+86 13812345678")).contains("13812345678");
        assertThat(Phones.normalize("+86-138-1234-5678")).contains("13812345678");
    }

    @Test
    void rejectsWhatIsNotAMainlandMobileNumber() {
        assertThat(Phones.normalize("1381234567")).isEmpty();
        assertThat(Phones.normalize("23812345678")).isEmpty();
        assertThat(Phones.normalize("12812345678")).isEmpty();
        assertThat(Phones.normalize("010-12345678")).isEmpty();
        assertThat(Phones.normalize("")).isEmpty();
        assertThat(Phones.normalize(null)).isEmpty();
    }

    @Test
    void masksTheMiddleFourDigits() {
        assertThat(Phones.mask("13812345678")).isEqualTo("138****5678");
        assertThat(Phones.maskName("张三")).isEqualTo("张*");
        assertThat(Phones.maskName("欧阳修文")).isEqualTo("欧***");
        assertThat(Phones.maskName(" 李 ")).isEqualTo("李*");
        assertThat(Phones.maskName("\uD840\uDC0B三\uD83C\uDFB2")).as("a star per character, not per UTF-16 unit")
                .isEqualTo("\uD840\uDC0B**");
        assertThat(Phones.maskName("\uD840")).isEqualTo("\uD840*");
        assertThat(Phones.maskName(" ")).isEqualTo("*");
    }
}
