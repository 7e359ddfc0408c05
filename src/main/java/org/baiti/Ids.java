package org.baiti;

import java.nio.ByteBuffer;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.random.RandomGenerator;

/**
 * Identifiers made by the application, not the database, so several nodes can create rows and
 * ids handed to browsers cannot be guessed.
 */
public final class Ids {

    /**
     * One generator per thread: {@code new SecureRandom()} on Linux is NativePRNG, which reads /dev/urandom under one
     * lock for every call, so request threads drawing papers and tokens queued behind each other. DRBG (NIST SP
     * 800-90A, seeded from the operating system) is as unpredictable and needs no lock once per thread.
     */
    private static final ThreadLocal<SecureRandom> RANDOM = ThreadLocal.withInitial(Ids::newGenerator);

    private Ids() {
    }

    /** A random positive id below 2^53 (exact in JavaScript numbers). */
    public static long next() {
        long v;
        do {
            v = RANDOM.get().nextLong() >>> 11;
        } while (v == 0);
        return v;
    }

    /**
     * A generator for one paper (which questions, in which order, the option ids): this thread's strong generator,
     * read 512 bytes at a time. Drawing a paper of 100 questions asks for a few thousand numbers; one
     * {@code SecureRandom} call each (a DRBG generation with its hashing) was a quarter of the CPU of a start.
     */
    public static RandomGenerator paperRandom() {
        SecureRandom source = RANDOM.get();
        return new RandomGenerator() {
            private final ByteBuffer buffer = ByteBuffer.allocate(512).position(512);

            @Override
            public long nextLong() {
                if (buffer.remaining() < Long.BYTES) {
                    source.nextBytes(buffer.array());
                    buffer.clear();
                }
                return buffer.getLong();
            }
        };
    }

    private static SecureRandom newGenerator() {
        try {
            return SecureRandom.getInstance("DRBG");
        } catch (NoSuchAlgorithmException e) {
            return new SecureRandom();
        }
    }

    /** A random 128-bit token as 32 lowercase hex characters. */
    public static String token() {
        byte[] b = new byte[16];
        RANDOM.get().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
