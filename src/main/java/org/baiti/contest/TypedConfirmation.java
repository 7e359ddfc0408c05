package org.baiti.contest;

import java.text.Normalizer;

/**
 * The typed confirmation of an action that cannot be undone (freeze, reveal): the person types the contest's name.
 * Compared after Unicode normalization (NFKC, so full-width and half-width forms match) with spaces removed, so
 * what a Chinese input method types for the name counts; anything else is a refusal.
 */
public final class TypedConfirmation {

    private TypedConfirmation() {
    }

    public static boolean matches(Contest contest, String typed) {
        return typed != null && !typed.isBlank() && normalize(typed).equals(normalize(contest.name()));
    }

    private static String normalize(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFKC).replaceAll("\\s+", "");
    }
}
