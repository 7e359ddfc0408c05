package org.baiti.draw;

import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contesting;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The draw API (docs/api.md): commit and reveal for staff; the published record, summaries and pool look-up for all. */
@RestController
class DrawController {

    private final Drawing drawing;
    private final Contesting contesting;
    private final PublishedRecordWriter records;

    DrawController(Drawing drawing, Contesting contesting, PublishedRecordWriter records) {
        this.drawing = drawing;
        this.contesting = contesting;
        this.records = records;
    }

    /** A draw without its pool; {@code winnerEntries} (masked names, units, tiers) only in the summary call. */
    record DrawSummary(long id, long contestId, String name, String algorithm, String status, String poolKind,
                       String seedSources, int n, int k, String poolDigest, List<DrawRecord.Tier> tiers,
                       String committedAt, List<String> seed, String seedDigest, List<String> winners,
                       String revealedAt, String recordUrl, String stageUrl, List<DrawRecord.Winner> winnerEntries) {

        static DrawSummary of(DrawRecord d, List<DrawRecord.Winner> winnerEntries) {
            return new DrawSummary(d.id(), d.contestId(), d.name(), DrawAlgorithm.ALGORITHM, d.status().name(),
                    d.poolKind(), d.seedSources(), d.n(), d.k(), d.poolDigest(), d.tiers(), time(d.committedAt()),
                    d.seed(), d.seedDigest(), d.winners(), time(d.revealedAt()), "/draws/" + d.id(),
                    "/draws/" + d.id() + "/stage", winnerEntries);
        }

        private static String time(Instant t) {
            return t == null ? null : t.toString();
        }
    }

    /** Body of a reveal: the seed strings in order. */
    record RevealRequest(List<String> seed) {
    }

    @PostMapping("/api/admin/contests/{id}/draws")
    ResponseEntity<DrawSummary> commit(@PathVariable long id, @RequestBody Drawing.CommitCommand command,
                                       Principal who) {
        DrawRecord d = drawing.commit(id, command, who.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(DrawSummary.of(d, null));
    }

    /** Reveals and answers the published record; 409 when the draw was sealed before. */
    @PostMapping("/api/admin/draws/{drawId}/reveal")
    void reveal(@PathVariable long drawId, @RequestBody RevealRequest request, Principal who,
                HttpServletResponse response) throws IOException {
        DrawRecord d = drawing.reveal(drawId, request == null ? null : request.seed(), who.getName());
        writeRecord(d, response);
    }

    /** The published record (SPEC §5), streamed. */
    @GetMapping("/api/draws/{drawId}")
    void record(@PathVariable long drawId, HttpServletResponse response) throws IOException {
        writeRecord(drawing.get(drawId), response);
    }

    /** Everything but the pool, plus the winners with masked names, units and tiers (for the stage page). */
    @GetMapping("/api/draws/{drawId}/summary")
    ResponseEntity<DrawSummary> summary(@PathVariable long drawId) {
        DrawRecord d = drawing.get(drawId);
        return ResponseEntity.ok().header("Cache-Control", "no-cache")
                .body(DrawSummary.of(d, d.sealed() ? drawing.winners(d) : null));
    }

    /** Every draw ever committed for the contest, abandoned ones included, in commit order. */
    @GetMapping("/api/contests/{id}/draws")
    List<DrawSummary> forContest(@PathVariable long id) {
        return drawing.forContest(id).stream().map(d -> DrawSummary.of(d, null)).toList();
    }

    /** "Find my ticket": whether the ticket is in the pool (and, once sealed, whether it won). */
    @GetMapping("/api/draws/{drawId}/pool")
    Drawing.PoolHit pool(@PathVariable long drawId, @RequestParam("q") String q) {
        return drawing.findInPool(drawing.get(drawId), q);
    }

    private void writeRecord(DrawRecord d, HttpServletResponse response) throws IOException {
        String contestName = contesting.get(d.contestId()).name();
        response.setStatus(HttpStatus.OK.value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        // A sealed record never changes; a committed one changes once, at the reveal.
        response.setHeader("Cache-Control", d.sealed() ? "public, max-age=300" : "no-cache");
        records.write(d, contestName, response.getOutputStream(), response::setContentLengthLong);
    }
}
