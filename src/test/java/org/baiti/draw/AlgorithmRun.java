package org.baiti.draw;

import java.util.Collection;
import java.util.List;

/**
 * A whole draw through the public steps of {@link DrawAlgorithm} (sort, {@code P}, {@code D}, select), for the tests,
 * the known answers and the benchmark: the service runs the same steps on its frozen pool.
 */
public final class AlgorithmRun {

    private AlgorithmRun() {
    }

    /** Everything a draw computes: the sorted pool, {@code P}, {@code D} and the winners in announcement order. */
    public record Result(List<String> sortedPool, byte[] poolDigest, int k, List<String> seed, byte[] seedDigest,
                         List<String> winners) {

        /** Copies the lists and digests, so a result cannot be changed afterwards. */
        public Result {
            sortedPool = List.copyOf(sortedPool);
            poolDigest = poolDigest.clone();
            seed = List.copyOf(seed);
            seedDigest = seedDigest.clone();
            winners = List.copyOf(winners);
        }

        /** The 32 bytes of the pool digest {@code P} (a copy). */
        @Override
        public byte[] poolDigest() {
            return poolDigest.clone();
        }

        /** The 32 bytes of the seed digest {@code D} (a copy). */
        @Override
        public byte[] seedDigest() {
            return seedDigest.clone();
        }

        /** Lowercase hex of the pool digest {@code P}. */
        public String poolDigestHex() {
            return DrawAlgorithm.hex(poolDigest);
        }

        /** Lowercase hex of the seed digest {@code D} (the record's {@code seedDigest}). */
        public String seedDigestHex() {
            return DrawAlgorithm.hex(seedDigest);
        }
    }

    /**
     * Runs the whole draw: sorts and checks the keys, computes {@code P} and {@code D}, selects {@code k} winners.
     *
     * @throws IllegalArgumentException if a key is invalid or duplicated, {@code k} is outside {@code 0..n}, or the seed
     *                                  is invalid
     */
    public static Result draw(Collection<String> keys, int k, List<String> seed) {
        List<String> pool = DrawAlgorithm.sortPool(keys);
        byte[] p = DrawAlgorithm.poolDigest(pool);
        byte[] d = DrawAlgorithm.seedDigest(p, k, seed);
        return new Result(pool, p, k, seed, d, DrawAlgorithm.select(pool, k, d));
    }
}
