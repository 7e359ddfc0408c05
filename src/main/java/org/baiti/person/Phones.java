package org.baiti.person;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/** Mainland mobile numbers: normalizing (the identity of a person) and masking (what the public sees). */
public final class Phones {

    private static final Pattern MOBILE = Pattern.compile("1[3-9][0-9]{9}");

    private Phones() {
    }

    /**
     * The 11-digit number, or empty when the text is not a mainland mobile number. Spaces, dashes and a
     * {@code +86} / {@code 86} / {@code 0086} prefix are stripped (SPEC §2.3).
     */
    public static Optional<String> normalize(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String s = raw.replaceAll("[\\s\\u3000\\-()（）]", "");
        if (s.startsWith("+86")) {
            s = s.substring(3);
        } else if (s.startsWith("0086")) {
            s = s.substring(4);
        } else if (s.length() == 13 && s.startsWith("86")) {
            s = s.substring(2);
        }
        return MOBILE.matcher(s).matches() ? Optional.of(s) : Optional.empty();
    }

    /** {@code 138****5678}: the only form of a phone number any public page or print export shows. */
    public static String mask(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "****" + phone.substring(phone.length() - 4);
    }

    /** A name for public display: its first character and a star per further character (张*, 欧***, 𠀋*). */
    public static String maskName(String name) {
        if (name == null || name.isBlank()) {
            return "*";
        }
        String n = name.strip();
        int first = Character.charCount(n.codePointAt(0));
        char[] masked = new char[first + Math.max(1, n.codePointCount(first, n.length()))];
        n.getChars(0, first, masked, 0);
        Arrays.fill(masked, first, masked.length, '*');
        return new String(masked); // a million per draw: no substring and concatenation
    }
}
