package org.baiti.bank;

import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.baiti.Ids;
import org.baiti.audit.AuditLog;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.contest.ImportLog;
import org.baiti.contest.ImportResult;
import org.baiti.refusal.Refusal;
import org.baiti.sheet.Column;
import org.baiti.sheet.RowError;
import org.baiti.sheet.SheetException;
import org.baiti.sheet.SheetReader;
import org.baiti.sheet.Uploads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Imports a question bank (SPEC §2.1): all rows or none; questions are matched by 题号. */
@Service
public class BankImport {

    static final List<Column> COLUMNS;

    static {
        List<Column> c = new ArrayList<>();
        c.add(new Column("id", List.of("题号", "id"), true));
        c.add(new Column("type", List.of("题型", "type"), true));
        c.add(new Column("stem", List.of("题干", "stem"), true));
        for (int i = 0; i < BankRules.MAX_OPTIONS; i++) {
            char l = Question.letter(i);
            c.add(new Column("option" + l, List.of("选项" + l, "option" + l), false));
        }
        c.add(new Column("answer", List.of("答案", "answer"), true));
        c.add(new Column("points", List.of("分值", "points"), false));
        c.add(new Column("category", List.of("分类", "category"), false));
        c.add(new Column("explanation", List.of("解析", "explanation"), false));
        COLUMNS = List.copyOf(c);
    }

    private final Questions questions;
    private final Contesting contesting;
    private final ImportLog importLog;
    private final Clock clock;
    private final AuditLog audit;

    BankImport(Questions questions, Contesting contesting, ImportLog importLog, Clock clock, AuditLog audit) {
        this.questions = questions;
        this.contesting = contesting;
        this.importLog = importLog;
        this.clock = clock;
        this.audit = audit;
    }

    @Transactional
    public ImportResult importFile(long contestId, String fileName, InputStream in, String who) {
        Contest contest = contesting.get(contestId);
        contesting.requireNotFrozen(contest);
        Uploads.Spooled file = Uploads.spool(in);
        List<Question> parsed = new ArrayList<>();
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> firstRow = new HashMap<>();
        try {
            SheetReader.read(file.path(), COLUMNS, r -> {
                BankRules.Parsed p = BankRules.parse(contestId, r.rowNumber(), 0, r.values());
                errors.addAll(p.errors());
                String id = r.get("id");
                if (!id.isEmpty()) {
                    Integer before = firstRow.putIfAbsent(id, r.rowNumber());
                    if (before != null) {
                        errors.add(RowError.of(r.rowNumber(), BankRules.ID, "row.bank.duplicate_id", String.valueOf(before)));
                        return;
                    }
                }
                if (p.question() != null) {
                    parsed.add(p.question());
                }
            });
        } catch (SheetException e) {
            throw Refusal.invalid("invalid_file", "import.cannot_import").withDetails(e.errors());
        } finally {
            file.delete();
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_file", "import.errors", errors.size()).withDetails(errors);
        }
        if (parsed.isEmpty()) {
            throw Refusal.invalid("empty_file", "import.empty_file");
        }
        Map<String, Question> existing = new HashMap<>();
        for (Question q : questions.all(contestId)) {
            existing.put(q.key(), q);
        }
        int nextSeq = existing.values().stream().mapToInt(Question::seq).max().orElse(0) + 1;
        List<Question> added = new ArrayList<>();
        List<Question> changed = new ArrayList<>();
        for (Question q : parsed) {
            Question before = existing.get(q.key());
            if (before == null) {
                added.add(withSeq(q, nextSeq++));
            } else {
                Question after = withSeq(q, before.seq());
                if (!after.equals(before)) {
                    changed.add(after);
                }
            }
        }
        questions.upsert(added, changed);
        if (!added.isEmpty() || !changed.isEmpty()) {
            importLog.record(new ImportLog.Entry(Ids.next(), contestId, "bank", fileName, file.sha256(), parsed.size(),
                    added.size(), changed.size(), who, Instant.now(clock)));
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("sha256", file.sha256());
            detail.put("rows", parsed.size());
            detail.put("added", added.size());
            detail.put("changed", changed.size());
            audit.record(who, "bank.import", contestId, fileName, detail);
        }
        return new ImportResult(parsed.size(), added.size(), changed.size());
    }

    public List<Question> all(long contestId) {
        contesting.get(contestId);
        return questions.all(contestId);
    }

    private static Question withSeq(Question q, int seq) {
        return new Question(q.contestId(), q.key(), seq, q.type(), q.stem(), q.options(), q.answer(), q.points(),
                q.category(), q.explanation());
    }
}
