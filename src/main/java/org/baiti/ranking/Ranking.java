package org.baiti.ranking;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.baiti.NodeCache;
import org.baiti.unit.Units;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The online ranking (SPEC §4): what the online channel enters when an attempt counts, and what the
 * ranking API, the ranking page and the result page read. Reads run without a transaction: they are one or
 * two independent statements, and a transaction would add a round trip and nothing else.
 *
 * <p>The public pages of the ranking (the top 100 that everyone refreshes during a contest) are kept in memory for
 * {@code baiti.ranking-cache-millis} (default 1,000, {@link NodeCache}): an entry entered through this node makes its
 * contest's pages old, so whoever submitted here sees themselves at once; other nodes show it within that time. 0 reads
 * every page from the database.
 */
@Service
@EnableConfigurationProperties(RankingSettings.class)
public class Ranking {

    /** Largest page of the ranking one request may ask for. */
    public static final int MAX_LIMIT = 1000;

    private static final int MAX_CACHED_PAGES = 256;

    private final RankingEntries entries;
    private final Units units;
    /** Pages by contest, offset and limit; forgotten by contest. */
    private final NodeCache<PageKey, List<RankingRow>> pages;

    private record PageKey(long contestId, int offset, int limit) {
    }

    Ranking(RankingEntries entries, Units units, RankingSettings settings) {
        this.entries = entries;
        this.units = units;
        this.pages = NodeCache.keptFor(settings.rankingCache(), MAX_CACHED_PAGES, PageKey::contestId);
    }

    /**
     * Enters a submitted, in-time attempt. The person's first entry stays unless {@code keepBest} (a contest
     * allowing several attempts), in which case the entry that ranks first by {@link RankingOrder} stays.
     *
     * @return whether the person's entry now holds this attempt
     */
    @Transactional
    public boolean enter(RankingEntry entry, boolean keepBest) {
        changed(entry.contestId());
        while (true) {
            Optional<RankingEntry> current = entries.find(entry.contestId(), entry.phone());
            if (current.isEmpty()) {
                if (entries.insertIfAbsent(entry)) {
                    return true;
                }
                continue; // someone entered first: look again
            }
            if (current.get().attemptId().equals(entry.attemptId())) {
                return true;
            }
            if (!keepBest || !RankingOrder.better(entry.key(), current.get().key())) {
                return false;
            }
            if (entries.replace(entry, current.get())) {
                return true;
            }
        }
    }

    /**
     * {@link #enter} for many attempts at once (the online channel's group commit): one batched insert for the
     * people entering for the first time, {@link #enter} for the rest.
     *
     * @param keepBest per entry, whether its contest allows several attempts and keeps the best
     * @return per entry, whether the person's entry now holds this attempt
     */
    @Transactional
    public List<Boolean> enterAll(List<RankingEntry> all, List<Boolean> keepBest) {
        all.stream().map(RankingEntry::contestId).distinct().forEach(this::changed);
        List<Boolean> inserted = entries.insertAllIfAbsent(all);
        List<Boolean> out = new ArrayList<>(all.size());
        for (int i = 0; i < all.size(); i++) {
            out.add(inserted.get(i) || enter(all.get(i), keepBest.get(i)));
        }
        return out;
    }

    /** The person's counted entry and its rank, in one statement ("my rank"); empty when they are not ranked. */
    public Optional<Standing> standingOf(long contestId, String phone) {
        return entries.standing(contestId, phone);
    }

    /** The rank an entry has now: 1 + the number of entries strictly before it (SPEC §4). */
    public long rankOf(RankingEntry entry) {
        return 1 + entries.countBefore(entry);
    }

    /**
     * Ranks {@code offset + 1 ...} in SPEC §4 order; the limit is clamped to 1..{@value #MAX_LIMIT}. Units by name, a
     * code without a unit by its code; the names of the page's units are one more statement ({@link Units#names}).
     */
    public List<RankingRow> page(long contestId, int offset, int limit) {
        PageKey key = new PageKey(contestId, Math.max(0, offset), Math.max(1, Math.min(limit, MAX_LIMIT)));
        return pages.get(key, k -> rows(k.contestId(), entries.page(k.contestId(), k.offset(), k.limit())));
    }

    private List<RankingRow> rows(long contestId, List<RankingEntries.Line> lines) {
        if (lines.isEmpty()) {
            return List.of();
        }
        Map<String, String> names = units.names(contestId, lines.stream().map(RankingEntries.Line::unitCode)
                .collect(Collectors.toSet()));
        return lines.stream().map(l -> new RankingRow(l.rank(), l.name(), names.getOrDefault(l.unitCode(), l.unitCode()),
                l.accuracy(), l.durationMs())).toList();
    }

    /** Makes the contest's pages in memory old now and when the surrounding transaction ends. */
    private void changed(long contestId) {
        pages.forget(contestId);
    }

    public long count(long contestId) {
        return entries.count(contestId);
    }
}
