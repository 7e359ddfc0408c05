package org.baiti.draw;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.LongConsumer;

import org.springframework.stereotype.Component;
import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the published record of a draw (docs/api.md, SPEC §5) as JSON. The pool array is copied from the display blob
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

    /**
     * Writes the record to {@code out}; its length is known before the first byte and is given to {@code length}
     * first (a Content-Length instead of chunks).
     */
    void write(DrawRecord d, String contestName, OutputStream out, LongConsumer length) throws IOException {
        FrozenPool pool = drawing.frozenPool(d);
        // Everything but the pool through the generator, then the pool array as the same generator wrote it at
        // commit, copied.
        ByteArrayOutputStream head = new ByteArrayOutputStream(1024);
        try (JsonGenerator g = json.createGenerator(head)) {
            g.writeStartObject();
            writeHead(d, contestName, g);
            g.writeEndObject();
        }
        byte[] bytes = head.toByteArray();
        byte[] display = pool.displayBlob();
        length.accept((long) bytes.length - 1 + POOL.length + display.length + 1);
        out.write(bytes, 0, bytes.length - 1); // without the closing brace
        out.write(POOL);
        out.write(display);
        out.write('}');
        out.flush();
    }

    private static void writeHead(DrawRecord d, String contestName, JsonGenerator g) {
        g.writeNumberProperty("id", d.id());
        g.writeNumberProperty("contestId", d.contestId());
        g.writeStringProperty("contestName", contestName);
        g.writeStringProperty("name", d.name());
        g.writeStringProperty("algorithm", DrawAlgorithm.ALGORITHM);
        g.writeStringProperty("status", d.status().name());
        g.writeStringProperty("poolKind", d.poolKind());
        g.writeStringProperty("seedSources", d.seedSources());
        g.writeStringProperty("poolDigest", d.poolDigest());
        g.writeNumberProperty("n", d.n());
        g.writeNumberProperty("k", d.k());
        g.writeName("tiers");
        if (d.tiers() == null) {
            g.writeNull();
        } else {
            g.writeStartArray();
            int from = 0;
            for (DrawRecord.Tier t : d.tiers()) {
                g.writeStartObject();
                g.writeStringProperty("name", t.name());
                g.writeNumberProperty("count", t.count());
                g.writeName("winners");
                strings(g, d.winners() == null ? null : d.winners().subList(from, from + t.count()));
                g.writeEndObject();
                from += t.count();
            }
            g.writeEndArray();
        }
        g.writeStringProperty("committedAt", time(d.committedAt()));
        g.writeName("seed");
        strings(g, d.seed());
        g.writeStringProperty("seedDigest", d.seedDigest());
        g.writeName("winners");
        strings(g, d.winners());
        g.writeStringProperty("revealedAt", time(d.revealedAt()));
    }

    private static void strings(JsonGenerator g, List<String> list) {
        if (list == null) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (String s : list) {
            g.writeString(s);
        }
        g.writeEndArray();
    }

    private static String time(Instant t) {
        return t == null ? null : t.toString();
    }
}
