package org.baiti;

import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Identifiers made by the application, not the database, so several nodes can create rows and
 * ids handed to browsers cannot be guessed.
 */
public final class Ids {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    /** A random positive id below 2^53 (exact in JavaScript numbers). */
    public static long next() {
        long v;
        do {
            v = RANDOM.nextLong() >>> 11;
        } while (v == 0);
        return v;
    }

    /** A random 128-bit token as 32 lowercase hex characters. */
    public static String token() {
        byte[] b = new byte[16];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
