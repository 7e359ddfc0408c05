package org.baiti.text;

import java.text.Normalizer;
import java.util.Optional;

/**
 * Cleans and checks one piece of text a person or a file gave: {@link #clean} normalises it (NFC, outer space
 * trimmed), {@link #problem} says what is wrong with it, if anything. A name that is only zero-width characters, a
 * bidi override that turns {@code 0031} into {@code 1300} on a ranking, a NUL that PostgreSQL refuses, a lone
 * surrogate that no encoder can write, the U+FFFD left where a decoder met bytes it could not read: all refused with
 * a reason, in every place text enters.
 */
public final class TextInput {

    /**
     * What may be wrong with a text; the reasons are shown next to the field or row, worded from the bundles by
     * {@link #key()} ({@code messages*.properties}).
     */
    public enum Problem {
        CONTROL("row.text.control"),
        BIDI("row.text.bidi"),
        UNPAIRED("row.text.unpaired"),
        UNDECODABLE("row.text.undecodable"),
        INVISIBLE("row.text.invisible"),
        LINE_BREAK("row.text.line_break");

        private final String key;

        Problem(String key) {
            this.key = key;
        }

        /** The message key of the reason, e.g. {@code row.text.control}: "含有控制字符（如 NUL、退格）". */
        public String key() {
            return key;
        }
    }

    private TextInput() {
    }

    /** NFC, without leading and trailing white space; {@code null} stays {@code null}. */
    public static String clean(String text) {
        if (text == null) {
            return null;
        }
        String s = text;
        if (!Normalizer.isNormalized(s, Normalizer.Form.NFC)) {
            s = Normalizer.normalize(s, Normalizer.Form.NFC);
        }
        return s.strip();
    }

    /** The problem of a one-line text (a name, a code, a title); empty text is the caller's "required". */
    public static Optional<Problem> problemOfLine(String text) {
        return problem(text, false);
    }

    /** The problem of a text that may hold line breaks and tabs (a question, an explanation, a notice). */
    public static Optional<Problem> problemOfText(String text) {
        return problem(text, true);
    }

    private static Optional<Problem> problem(String text, boolean multiLine) {
        if (text == null || text.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                    visible = true;
                    continue;
                }
                return Optional.of(Problem.UNPAIRED);
            }
            if (Character.isLowSurrogate(c)) {
                return Optional.of(Problem.UNPAIRED);
            }
            if (c == '\n' || c == '\r' || c == '\t') {
                if (!multiLine && c != '\t') {
                    return Optional.of(Problem.LINE_BREAK);
                }
                continue;
            }
            if (Character.getType(c) == Character.CONTROL) {
                return Optional.of(Problem.CONTROL);
            }
            if (isBidiControl(c)) {
                return Optional.of(Problem.BIDI);
            }
            if (c == '\uFFFD') {
                return Optional.of(Problem.UNDECODABLE);
            }
            if (!visible && isVisible(c)) {
                visible = true;
            }
        }
        return visible ? Optional.empty() : Optional.of(Problem.INVISIBLE);
    }

    /** Embeddings, overrides, isolates and the marks (U+200E, U+200F, U+061C). */
    static boolean isBidiControl(char c) {
        return (c >= '\u202A' && c <= '\u202E') || (c >= '\u2066' && c <= '\u2069')
                || c == '\u200E' || c == '\u200F' || c == '\u061C';
    }

    private static boolean isVisible(char c) {
        if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return false;
        }
        int type = Character.getType(c);
        // Format characters (zero-width space and joiners, word joiner, BOM, soft hyphen) show nothing by themselves.
        return type != Character.FORMAT && type != Character.UNASSIGNED && type != Character.CONTROL;
    }
}
