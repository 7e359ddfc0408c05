package org.baiti.online;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.baiti.GroupCommit;
import org.baiti.anticheat.Signal;
import org.baiti.anticheat.Signals;
import org.baiti.contest.Contesting;
import org.baiti.ranking.Ranking;
import org.baiti.ranking.RankingEntry;
import org.springframework.stereotype.Component;

/**
 * The online channel's writes, grouped: many starts and submissions per durable transaction ({@link GroupCommit}).
 * Each caller is answered only once its row is committed.
 */
@Component
class OnlineWrites {

    /** A new attempt, ready to be stored, and the anti-cheat signal its start raised (or null). */
    record Start(Attempt attempt, Signal signal) {
    }

    /** A marked submission, ready to be stored, and the anti-cheat signal it raised (or null). */
    record Submission(Attempt attempt, Instant received, long durationMs, PaperMarking.Marked marked, boolean late,
                      boolean keepBest, Signal signal) {
    }

    /**
     * What storing a submission did: whether this call stored it, whether it is the person's counted attempt, and
     * whether it was refused because the contest is frozen (read in the storing transaction, whichever node froze it).
     */
    record Outcome(boolean stored, boolean counted, boolean frozen) {
    }

    private final GroupCommit groupCommit;
    private final GroupCommit.Writes<Start, Boolean> starts;
    private final GroupCommit.Writes<Submission, Outcome> submits;
    private final GroupCommit.Writes<Attempts.Draft, Boolean> drafts;

    OnlineWrites(GroupCommit groupCommit, Attempts attempts, Ranking ranking, Signals signals, Contesting contesting) {
        this.groupCommit = groupCommit;
        this.drafts = attempts::saveDrafts;
        this.starts = batch -> {
            List<Attempt> rows = new ArrayList<>(batch.size());
            for (Start s : batch) {
                rows.add(s.attempt());
            }
            List<Boolean> inserted = attempts.insertAllIfNew(rows);
            List<Signal> raised = new ArrayList<>();
            List<Signals.StartedFrom> addresses = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (inserted.get(i)) {
                    Attempt a = batch.get(i).attempt();
                    addresses.add(new Signals.StartedFrom(a.contestId(), a.clientIp(), a.topCode()));
                    if (batch.get(i).signal() != null) {
                        raised.add(batch.get(i).signal());
                    }
                }
            }
            signals.recordAll(raised);
            signals.countStarts(addresses);
            return inserted;
        };
        this.submits = whole -> {
            // Nothing that feeds an award is written after a freeze: the batch's contests are read and share-locked
            // first, in this transaction (the marking statement checks again).
            Set<Long> contests = new HashSet<>();
            whole.forEach(s -> contests.add(s.attempt().contestId()));
            Set<Long> frozen = contesting.frozenForWrite(contests);
            List<Submission> batch = whole.stream().filter(s -> !frozen.contains(s.attempt().contestId())).toList();
            List<Attempts.Marks> marks = new ArrayList<>(batch.size());
            for (Submission s : batch) {
                marks.add(new Attempts.Marks(s.attempt().id(), s.received(), s.durationMs(), s.marked().score(),
                        s.marked().maxScore(), s.marked().accuracy(), s.late(), s.marked().letters()));
            }
            List<Boolean> stored = attempts.markAllSubmitted(marks);
            List<RankingEntry> entries = new ArrayList<>();
            List<Boolean> keepBest = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                Submission s = batch.get(i);
                if (stored.get(i) && !s.late()) {
                    Attempt a = s.attempt();
                    entries.add(new RankingEntry(a.contestId(), a.phone(), a.id(), a.name(), a.unitCode(), a.topCode(),
                            s.marked().accuracy(), s.durationMs(), s.received()));
                    keepBest.add(s.keepBest());
                }
            }
            List<Boolean> counted = entries.isEmpty() ? List.of() : ranking.enterAll(entries, keepBest);
            List<Signal> raised = new ArrayList<>();
            for (int i = 0; i < batch.size(); i++) {
                if (stored.get(i) && batch.get(i).signal() != null) {
                    raised.add(batch.get(i).signal());
                }
            }
            signals.recordAll(raised);
            List<Outcome> out = new ArrayList<>(whole.size());
            int e = 0;
            int i = 0;
            for (Submission s : whole) {
                if (frozen.contains(s.attempt().contestId())) {
                    out.add(new Outcome(false, false, true));
                    continue;
                }
                boolean entered = stored.get(i) && !s.late();
                out.add(new Outcome(stored.get(i), entered && counted.get(e++), false));
                i++;
            }
            return out;
        };
    }

    /**
     * Inserts the attempt unless the person already has one with its number, with its signal if any; true when
     * inserted.
     */
    boolean start(Start start) {
        return groupCommit.write(starts, start);
    }

    /** Stores a draft with the other drafts, starts and submissions of the moment; false when it was too late. */
    boolean draft(Attempts.Draft draft) {
        return groupCommit.write(drafts, draft);
    }

    /** Stores the submission once and enters it into the ranking unless it is late. */
    Outcome submit(Submission submission) {
        return groupCommit.write(submits, submission);
    }
}
