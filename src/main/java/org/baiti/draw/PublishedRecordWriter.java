package org.baiti.draw;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the published record of a draw (docs/api.md, SPEC §5) as JSON. The pool array is copied from the stored blob
 * written at commit ({@link FrozenPool}). Before the reveal {@code seed}, {@code seedDigest}, {@code winners} and
 * {@code revealedAt} are null. Names are the masked ones stored at commit; no phone number is ever written.
 */
@Component
class PublishedRecordWriter {

    private static final byte[] POOL = ",\"pool\":".getBytes(StandardCharsets.UTF_8);

    private final Drawing drawing;
    private final JsonMapper json;

    PublishedRecordWriter(Drawing drawing, JsonMapper json) {
        this.drawing = drawing;
        this.json = json;
    }

    /** The record but its pool, in the published order of fields; nulls are written (before the reveal). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Head(long id, long contestId, String contestName, String name, String algorithm, String status,
                String poolKind, String seedSources, String poolDigest, int n, int k, List<TierWinners> tiers,
                String committedAt, List<String> seed, String seedDigest, List<String> winners, String revealedAt) {
    }

    /** A tier with its winners in draw order (null before the reveal). */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record TierWinners(String name, int count, List<String> winners) {
    }

    /**
     * Writes the record to {@code out}; its length is known before the first byte and is given to {@code length}
     * first (a Content-Length instead of chunks).
     */
    void write(DrawRecord d, String contestName, OutputStream out, LongConsumer length) throws IOException {
        FrozenPool pool = drawing.frozenPool(d);
        // Everything but the pool through Jackson, then the pool array as Jackson wrote it at commit, copied.
        byte[] head = json.writeValueAsBytes(head(d, contestName));
        byte[] display = pool.displayBlob();
        length.accept((long) head.length - 1 + POOL.length + display.length + 1);
        out.write(head, 0, head.length - 1); // without the closing brace
        out.write(POOL);
        out.write(display);
        out.write('}');
        out.flush();
    }

    private static Head head(DrawRecord d, String contestName) {
        List<TierWinners> tiers = null;
        if (d.tiers() != null) {
            tiers = new ArrayList<>();
            int from = 0;
            for (DrawRecord.Tier t : d.tiers()) {
                tiers.add(new TierWinners(t.name(), t.count(),
                        d.winners() == null ? null : d.winners().subList(from, from + t.count())));
                from += t.count();
            }
        }
        return new Head(d.id(), d.contestId(), contestName, d.name(), DrawAlgorithm.ALGORITHM, d.status().name(),
                d.poolKind(), d.seedSources(), d.poolDigest(), d.n(), d.k(), tiers, time(d.committedAt()), d.seed(),
                d.seedDigest(), d.winners(), time(d.revealedAt()));
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
