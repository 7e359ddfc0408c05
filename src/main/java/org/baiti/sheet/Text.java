package org.baiti.sheet;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

/** Trimming and header normalisation shared by the CSV and XLSX readers. */
final class Text {

    private Text() {
    }

    /**
     * Whether {@code c} counts as space when trimming: Java whitespace, Unicode space separators
     * (no-break space, full-width space U+3000, ...), the byte order mark and the zero-width space.
     */
    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B';
    }

    /** {@code s} without leading and trailing {@link #isSpace space}; {@code null} becomes {@code ""}. */
    static String trim(String s) {
        if (s == null) {
            return "";
        }
        int begin = 0;
        int end = s.length();
        while (begin < end && isSpace(s.charAt(begin))) {
            begin++;
        }
        while (end > begin && isSpace(s.charAt(end - 1))) {
            end--;
        }
        return s.substring(begin, end);
    }

    static boolean isBlank(String s) {
        if (s == null) {
            return true;
        }
        for (int i = 0; i < s.length(); i++) {
            if (!isSpace(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean allBlank(List<String> cells) {
        for (String cell : cells) {
            if (!isBlank(cell)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The form in which header names are compared: NFKC (full-width letters and spaces become
     * ASCII), trimmed, inner runs of space collapsed to one ASCII space, lower case.
     */
    static String headerKey(String s) {
        String n = Normalizer.normalize(trim(s), Normalizer.Form.NFKC);
        StringBuilder sb = new StringBuilder(n.length());
        boolean pendingSpace = false;
        for (int i = 0; i < n.length(); i++) {
            char c = n.charAt(i);
            if (isSpace(c)) {
                pendingSpace = sb.length() > 0;
            } else {
                if (pendingSpace) {
                    sb.append(' ');
                    pendingSpace = false;
                }
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }
}
