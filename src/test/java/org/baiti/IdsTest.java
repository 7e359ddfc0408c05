package org.baiti;

import java.util.HashSet;
import java.util.Set;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The generator papers are drawn with: strong bytes read in blocks, every block fresh, numbers evenly spread. */
class IdsTest {

    @Test
    void aPaperGeneratorKeepsGivingFreshNumbersPastItsBuffer() {
        RandomGenerator random = Ids.paperRandom();
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < 64 * 20; i++) { // 20 buffers of 64 numbers
            seen.add(random.nextLong());
        }
        assertThat(seen).as("no block repeated or left empty").hasSize(64 * 20);
        RandomGenerator other = Ids.paperRandom();
        assertThat(other.nextLong()).as("each paper reads on from the stream").isNotIn(seen);
    }

    @Test
    void boundedNumbersAreEvenlySpread() {
        RandomGenerator random = Ids.paperRandom();
        int[] counts = new int[16];
        int n = 160_000;
        for (int i = 0; i < n; i++) {
            counts[random.nextInt(16)]++;
        }
        double chi = 0;
        for (int c : counts) {
            chi += Math.pow(c - n / 16.0, 2) / (n / 16.0);
        }
        // 15 degrees of freedom: above 44 happens by chance about once in 10,000 runs
        assertThat(chi).isLessThan(44);
    }
}
