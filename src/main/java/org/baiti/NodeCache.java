package org.baiti;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What a node keeps in memory of what it read from the database (a contest, its question bank, its consent switch,
 * the public ranking's pages), all under the same three rules (docs/performance.md, "Copies in memory"):
 *
 * <ul>
 * <li>a copy is used for at most {@code keep} after it was read, so a change through another node is seen within that
 * time; a {@code keep} of zero keeps nothing;</li>
 * <li>inside a transaction nothing is read from memory or kept: the transaction reads the database, which may hold
 * its own change, not yet committed and perhaps to be rolled back;</li>
 * <li>a change through this node calls {@link #forget} for what it changed, which makes the copies old at once and
 * again when its transaction ends. A copy carries its group's generation taken <em>before</em> the database was read
 * and is used only while that generation holds: a read on another thread between the change and its commit, which
 * read the old row, is never used after the change has answered, whenever it was put.</li>
 * </ul>
 *
 * <p>The copies are in a Caffeine cache (expire after write, at most {@code maxEntries}). A look-up that finds its copy
 * is a thread-local read, two hash-map reads and a comparison (about 40 ns).
 */
public final class NodeCache<K, V> {

    /** Null when nothing is kept. */
    private final Cache<K, Copy<V>> copies;
    private final Function<? super K, ?> groupOf;
    /** Raised by {@link #forget}, per group; an absent group is at 0. Never evicted: a generation must not go back. */
    private final Map<Object, AtomicLong> generations = new ConcurrentHashMap<>();

    private record Copy<V>(V value, long generation) {
    }

    private NodeCache(Caffeine<Object, Object> builder, Function<? super K, ?> groupOf) {
        this.copies = builder == null ? null : builder.build();
        this.groupOf = groupOf;
    }

    /** Copies used for at most {@code keep} (zero or less: none kept); {@link #forget} names a key. */
    public static <K, V> NodeCache<K, V> keptFor(Duration keep, long maxEntries) {
        return keptFor(keep, maxEntries, key -> key);
    }

    /** Copies used for at most {@code keep}; {@link #forget} names a group and makes all its copies old. */
    public static <K, V> NodeCache<K, V> keptFor(Duration keep, long maxEntries, Function<? super K, ?> groupOf) {
        return new NodeCache<>(keep.isNegative() || keep.isZero() ? null
                : Caffeine.newBuilder().expireAfterWrite(keep).maximumSize(maxEntries), groupOf);
    }

    /** Copies of what never changes under its key (such as a bank of one version), kept until pushed out. */
    public static <K, V> NodeCache<K, V> boundedTo(long maxEntries) {
        return new NodeCache<>(Caffeine.newBuilder().maximumSize(maxEntries), key -> key);
    }

    /** The copy of {@code key} if one holds, else what {@code read} reads from the database (kept outside transactions). */
    public V get(K key, Function<? super K, ? extends V> read) {
        if (copies == null || TransactionSynchronizationManager.isActualTransactionActive()) {
            return read.apply(key);
        }
        AtomicLong group = generations.get(groupOf.apply(key));
        long generation = group == null ? 0 : group.get();
        Copy<V> copy = copies.getIfPresent(key);
        if (copy != null && copy.generation() == generation) {
            return copy.value();
        }
        V value = read.apply(key); // read after the generation was taken: a change meanwhile makes this copy old
        copies.put(key, new Copy<>(value, generation));
        return value;
    }

    /** Makes the copies of {@code group} old now and, inside a transaction, again when it ends (committed or not). */
    public void forget(Object group) {
        if (copies == null) {
            return;
        }
        AtomicLong generation = generations.computeIfAbsent(group, g -> new AtomicLong());
        generation.incrementAndGet();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    generation.incrementAndGet();
                }
            });
        }
    }
}
