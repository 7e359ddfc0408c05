package org.baiti.privacy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.baiti.person.PersonalDataKey;
import org.baiti.person.Phones;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What a purged number becomes: the same mask, the same order, no phone-like digits, one person one pseudonym. */
class PseudonymTest {

    private static final Pattern ELEVEN_DIGITS = Pattern.compile("[0-9]{11}");
    private final PersonalDataKey key = PersonalDataKey.of("test-key");

    private String pseudonym(String phone, long ordinal) {
        return Pseudonym.of(phone, ordinal, Pseudonym.shortHash(key.hash(PersonalData.PHONE_PURPOSE, phone)));
    }

    @Test
    void keepsTheMaskAndTheOrderOfTheNumbers() {
        Random random = new Random(15);
        List<String> phones = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            phones.add("1" + (3 + random.nextInt(7)) + String.format("%09d", random.nextInt(1_000_000_000)));
        }
        List<String> sorted = phones.stream().distinct().sorted().toList();
        List<String> pseudonyms = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            String p = pseudonym(sorted.get(i), i + 1);
            assertThat(Phones.mask(p)).isEqualTo(Phones.mask(sorted.get(i)));
            assertThat(ELEVEN_DIGITS.matcher(p).find()).as(p).isFalse();
            assertThat(Pseudonym.is(p)).isTrue();
            assertThat(Pseudonym.ordinal(p)).isEqualTo(i + 1);
            pseudonyms.add(p);
        }
        assertThat(pseudonyms).as("the ranking's last tie-break keeps its order").isSorted();
        assertThat(Pseudonym.is(sorted.get(0))).isFalse();
    }

    @Test
    void theHashDependsOnTheKeyAndTheNumber() {
        String a = Pseudonym.hashOf(pseudonym("13800001234", 1));
        assertThat(a).hasSize(32).matches("[a-p]{32}");
        assertThat(Pseudonym.hashOf(pseudonym("13800001235", 1))).isNotEqualTo(a);
        assertThat(Pseudonym.shortHash(PersonalDataKey.of("other-key").hash(PersonalData.PHONE_PURPOSE, "13800001234")))
                .isNotEqualTo(a);
        assertThat(Pseudonym.shortHash(key.hash(PersonalData.PHONE_PURPOSE, "13800001234"))).isEqualTo(a);
    }
}
