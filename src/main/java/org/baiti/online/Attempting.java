package org.baiti.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

import org.baiti.GroupCommit;
import org.baiti.Ids;
import org.baiti.anticheat.Signal;
import org.baiti.anticheat.Signals;
import org.baiti.bank.Marking;
import org.baiti.bank.Question;
import org.baiti.bank.Questions;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.identity.ParticipantIdentity;
import org.baiti.online.AttemptViews.AttemptView;
import org.baiti.online.AttemptViews.ContestInfo;
import org.baiti.online.AttemptViews.DraftSaved;
import org.baiti.online.AttemptViews.Resumed;
import org.baiti.online.AttemptViews.OptionView;
import org.baiti.online.AttemptViews.QuestionView;
import org.baiti.online.AttemptViews.Result;
import org.baiti.online.AttemptViews.Review;
import org.baiti.online.AttemptViews.Started;
import org.baiti.person.Phones;
import org.baiti.settings.SiteSettings;
import org.baiti.text.TextInput;
import org.baiti.privacy.PersonalData;
import org.baiti.ranking.Ranking;
import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.baiti.ranking.RankingEntry;
import org.baiti.ranking.Standing;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;

/**
 * The online channel's use cases: start an attempt (issue a paper), submit it (marked, timed by the server),
 * read it again. Every time comes from the injected clock; nothing the browser says about time is read.
 */
@Service
public class Attempting {

    static final int MAX_NAME = 50;
    private static final java.security.SecureRandom RESUME_CODES = new java.security.SecureRandom();
    private static final Pattern ATTEMPT_ID = Pattern.compile("[0-9a-f]{32}");

    private final Attempts attempts;
    private final Contesting contesting;
    private final Questions questions;
    private final Units units;
    private final Ranking ranking;
    private final Clock clock;
    private final OnlineWrites writes;
    private final Duration grace;
    private final DateTimeFormatter local;

    private final ParticipantIdentity identity;
    private final Signals signals;
    private org.baiti.ops.ContestMetrics metrics; // set by metrics(...), below
    private final ParticipantLimits limits;
    private final org.springframework.beans.factory.ObjectProvider<org.baiti.identity.OneTimeCodes> smsCodes;
    private final PersonalData personalData;
    private final MessageSource messages;

    Attempting(Attempts attempts, Contesting contesting, Questions questions, Units units, Ranking ranking,
               Clock clock, OnlineWrites writes, ParticipantIdentity identity, Signals signals, ParticipantLimits limits,
               org.springframework.beans.factory.ObjectProvider<org.baiti.identity.OneTimeCodes> smsCodes,
               PersonalData personalData, MessageSource messages,
               SiteSettings site) {
        this.messages = messages;
        this.identity = identity;
        this.signals = signals;
        this.limits = limits;
        this.smsCodes = smsCodes;
        this.personalData = personalData;
        this.attempts = attempts;
        this.contesting = contesting;
        this.questions = questions;
        this.units = units;
        this.ranking = ranking;
        this.clock = clock;
        this.writes = writes;
        this.grace = Duration.ofSeconds(site.online().graceSeconds());
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(site.timeZone());
    }

    /** What a participant types in: name, phone, unit code, and the one-time code when codes are switched on. */
    public record StartCommand(String name, String phone, String unit, String code, Boolean consent) {
        public StartCommand(String name, String phone, String unit) {
            this(name, phone, unit, null, null);
        }
    }

    /** Public facts about a contest, for the page before the start. */
    public ContestInfo info(long contestId) {
        Contest c = contesting.get(contestId);
        Instant now = now();
        return new ContestInfo(c.id(), c.name(), c.opensAt(), c.closesAt(), c.questionsPerPaper(),
                c.timeLimitSeconds(), c.attemptsAllowed(), c.isOpenAt(now), now);
    }

    /** Issues a paper: checks the window and the person, draws the questions, shuffles the options. */
    public Started start(long contestId, StartCommand cmd, String clientIp) {
        Instant now = now();
        Contest contest = contesting.get(contestId);
        requireOpen(contest, now);
        personalData.requireConsent(contestId, cmd == null ? null : cmd.consent()); // SPEC §8, docs/privacy.md
        String name = cmd == null || cmd.name() == null ? "" : TextInput.clean(cmd.name());
        Optional<String> phone = Phones.normalize(cmd == null ? null : cmd.phone());
        String unitCode = cmd == null || cmd.unit() == null ? "" : cmd.unit().strip();
        List<Reason> errors = new ArrayList<>();
        Optional<TextInput.Problem> nameProblem = TextInput.problemOfLine(name);
        if (name.isEmpty()) {
            errors.add(Reason.field("name", "refusal.attempt.nameRequired"));
        } else if (nameProblem.isPresent()) {
            errors.add(Reason.field("name", "refusal.attempt.nameText",
                    Reason.words(nameProblem.get().key())));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(Reason.field("name", "refusal.attempt.nameTooLong", MAX_NAME));
        }
        if (phone.isEmpty()) {
            errors.add(Reason.field("phone", "refusal.phone"));
        }
        Unit unit = null;
        if (unitCode.isEmpty()) {
            errors.add(Reason.field("unit", "refusal.attempt.chooseUnit"));
        } else {
            unit = units.find(contestId, unitCode).orElse(null);
            if (unit == null) {
                errors.add(Reason.field("unit", "refusal.attempt.unknownUnit"));
            }
        }
        if (!errors.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.attempt.checkFields").withDetails(errors);
        }
        // the roster and the one-time code, when the contest uses them (docs/security.md)
        identity.requireAllowed(contestId, name, phone.get(), unit.code(), cmd.code());
        List<Question> bank = contest.paperMode() == Contest.PaperMode.FIXED
                ? questions.firstN(contestId, contest.questionsPerPaper())
                : questions.all(contestId);
        if (bank.isEmpty()) {
            throw Refusal.conflict("empty_bank", "refusal.attempt.emptyBank");
        }
        RandomGenerator random = Ids.paperRandom();
        List<Question> chosen = PaperDraw.choose(bank, contest.paperMode(), contest.questionsPerPaper(), random);
        Paper paper = PaperDraw.shuffle(chosen, random);
        String token = Ids.token();
        String resumeCode = resumeCode();
        Instant expiresAt = SubmitTiming.expiresAt(now, contest.timeLimitSeconds(), contest.closesAt());
        // Number 1 first: most starts are a person's first, and UNIQUE (contest_id, phone, attempt_no) refuses it
        // otherwise. Only then is the person's last number looked up (on a PostgreSQL table not yet analyzed that
        // look-up can read the whole contest: docs/performance.md, V54), and the next one tried.
        Unit top = unit.code().equals(unit.topCode()) ? unit : units.find(contestId, unit.topCode()).orElse(null);
        Integer expected = top == null ? null : top.headcount();
        int next = 1;
        for (int tries = 0; tries <= contest.attemptsAllowed(); tries++) {
            if (tries > 0) {
                next = attempts.lastAttemptNo(contestId, phone.get()) + 1;
            }
            if (next > contest.attemptsAllowed()) {
                break;
            }
            String id = Ids.token();
            Attempt a = new Attempt(id, contestId, phone.get(), name, unit.code(), unit.topCode(), next,
                    sha256(token), paper, now, expiresAt, null, null, null, null, null, false, Map.of(), clientIp,
                    Map.of(), sha256(id + ":" + resumeCode), null);
            Integer headcount = expected;
            Signal raised = signal(() -> signals.onStart(a.id(), contestId, clientIp, a.topCode(), headcount));
            if (stored(() -> writes.start(new OnlineWrites.Start(a, raised)))) {
                return new Started(a.id(), token, now, expiresAt, now, views(paper, byKey(chosen)), resumeCode);
            }
        }
        throw alreadyAttempted(contest, phone.get());
    }

    /**
     * Marks and stores a submission once; the answers are read from the body only after the token and the time
     * were checked. A second submission of the same attempt, even racing the first,
     * changes nothing and answers the stored result.
     */
    public Result submit(String attemptId, String bearerToken, Supplier<Map<String, List<String>>> answersOfBody,
                         String clientIp) {
        Instant received = now();
        Attempt attempt = authorized(attemptId, bearerToken);
        Contest contest = contesting.get(attempt.contestId());
        if (attempt.submitted()) {
            return result(attempt, contest);
        }
        limits.requireSubmit(contest, clientIp);
        if (contest.frozen()) {
            throw Refusal.conflict("window_closed", "refusal.attempt.frozen");
        }
        SubmitTiming.Verdict verdict =
                SubmitTiming.judge(attempt.issuedAt(), contest.timeLimitSeconds(), contest.closesAt(), grace, received);
        if (verdict == SubmitTiming.Verdict.CLOSED) {
            throw Refusal.conflict("window_closed", "refusal.attempt.closedBeforeSubmit", local.format(contest.closesAt()));
        }
        Map<String, List<String>> answers = answersOfBody.get();
        List<String> keys = attempt.paper().keys();
        Map<String, Question> paperQuestions = questions.byKeys(contest.id(), keys);
        List<PaperMarking.Problem> problems = PaperMarking.check(attempt.paper(), answers, paperQuestions);
        if (!problems.isEmpty()) {
            throw AnswerProblems.refusal(problems);
        }
        PaperMarking.Marked marked = PaperMarking.mark(attempt.paper(), answers, paperQuestions, contest.partialCredit());
        long durationMs = received.toEpochMilli() - attempt.issuedAt().toEpochMilli();
        boolean late = verdict == SubmitTiming.Verdict.LATE;
        // answered once committed, with the other submissions of the moment (group commit)
        Signal raised = signal(() -> signals.onSubmit(attempt.id(), contest.id(), durationMs, keys.size()));
        OnlineWrites.Outcome outcome = stored(() -> writes.submit(new OnlineWrites.Submission(attempt, received,
                durationMs, marked, late, contest.attemptsAllowed() > 1, raised)));
        if (outcome.frozen()) { // frozen through another node meanwhile: its copy in memory had not seen it yet
            throw Refusal.conflict("window_closed", "refusal.attempt.frozen");
        }
        if (!outcome.stored()) { // a racing submission of the same attempt was stored first: answer that one
            return result(attempts.find(attempt.id()).orElseThrow(), contest);
        }
        metrics.submitted(late);
        if (outcome.counted()) { // the usual case: this attempt is the person's ranked one, its rank is all to read
            long rank = ranking.rankOf(new RankingEntry(contest.id(), attempt.phone(), attempt.id(), attempt.name(),
                    attempt.unitCode(), attempt.topCode(), marked.accuracy(), durationMs, received));
            return new Result(marked.score(), marked.maxScore(), marked.accuracy(), durationMs, received, false, true,
                    rank, null, !received.isBefore(attempt.expiresAt()));
        }
        return result(new Attempt(attempt.id(), attempt.contestId(), attempt.phone(), attempt.name(),
                attempt.unitCode(), attempt.topCode(), attempt.attemptNo(), attempt.tokenHash(), attempt.paper(),
                attempt.issuedAt(), attempt.expiresAt(), received, durationMs, marked.score(), marked.maxScore(),
                marked.accuracy(), late, marked.letters(), attempt.clientIp(), attempt.draft(), attempt.resumeHash(),
                attempt.previousTokens()), contest);
    }

    /** Runs a grouped write; a commit that takes too long is a 503 (starting and submitting may be retried). */
    private static <T> T stored(Supplier<T> write) {
        try {
            return write.get();
        } catch (GroupCommit.TimedOut e) {
            throw Refusal.of(Refusal.Kind.UNAVAILABLE, "busy", "refusal.busy");
        }
    }

    /**
     * The page reports that it was hidden {@code count} times while the paper was open (Page Visibility API). Only a
     * signal for the review list; reports after the submission are ignored.
     */
    public void reportPageHidden(String attemptId, String bearerToken, int count) {
        Attempt a = authorized(attemptId, bearerToken);
        if (!a.submitted()) {
            signals.pageHidden(a.id(), a.contestId(), count);
        }
    }

    /** A signal must never cost a participant an accepted start or submission: one that cannot be worked out is none. */
    private static Signal signal(Supplier<Optional<Signal>> check) {
        try {
            return check.get().orElse(null);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Attempting.class).warn("Could not check for an anti-cheat signal", e);
            return null;
        }
    }

    /** The attempt again, for a reload: its paper, the result once submitted, the key once the contest is over. */
    public AttemptView view(String attemptId, String bearerToken) {
        Instant now = now();
        Attempt a = authorized(attemptId, bearerToken);
        Contest contest = contesting.get(a.contestId());
        Map<String, Question> qs = questions.byKeys(contest.id(), a.paper().keys());
        List<Review> review = null;
        if (contest.frozen() || now.isAfter(contest.closesAt().plus(grace))) {
            review = review(a, qs);
        }
        String unit = units.find(contest.id(), a.unitCode()).map(Unit::name).orElse(a.unitCode());
        return new AttemptView(a.id(), contest.id(), contest.name(), a.name(), unit, a.issuedAt(), a.expiresAt(), now,
                a.submitted(), views(a.paper(), qs), a.submitted() ? result(a, contest) : null, review, a.draft());
    }

    /**
     * Stores the answers given so far on the server (the draft), so that nothing is lost with the browser: the
     * body's answers replace those of the same questions (an empty list clears one). Refused once submitted, and for
     * a token that a resume on another device replaced ({@code 409 taken_over}).
     */
    public DraftSaved saveDraft(String attemptId, String bearerToken, Supplier<Map<String, List<String>>> answersOfBody) {
        Attempt attempt = authorized(attemptId, bearerToken);
        if (attempt.submitted()) {
            throw alreadySubmitted();
        }
        Map<String, List<String>> given = answersOfBody.get();
        Map<String, Question> paperQuestions = questions.byKeys(attempt.contestId(), attempt.paper().keys());
        List<PaperMarking.Problem> problems = PaperMarking.check(attempt.paper(), given, paperQuestions);
        if (!problems.isEmpty()) {
            throw AnswerProblems.refusal(problems);
        }
        Map<String, List<String>> draft = new LinkedHashMap<>(attempt.draft());
        given.forEach((q, options) -> {
            if (options == null || options.isEmpty()) {
                draft.remove(q);
            } else {
                draft.put(q, List.copyOf(options));
            }
        });
        Instant at = now();
        if (!stored(() -> writes.draft(new Attempts.Draft(attempt.id(), attempt.tokenHash(), draft, at)))) {
            authorized(attemptId, bearerToken); // replaced meanwhile: taken_over; otherwise submitted
            throw alreadySubmitted();
        }
        return new DraftSaved(true, draft.size(), at);
    }

    /** What a participant types to continue on another device: the phone and the resume code, or an SMS code. */
    public record ResumeCommand(String phone, String resumeCode, String code) {
    }

    /**
     * Continues an attempt on another device (SPEC §9): the phone and its resume code (or, where SMS is on, a one-time
     * code) give the same attempt, its draft and a new token; the previous token is refused from now on. Time still
     * counts from the issue of the paper. Wrong codes are counted per phone (and, as refusals, per address).
     */
    public Resumed resume(long contestId, ResumeCommand cmd) {
        Contest contest = contesting.get(contestId);
        String phone = Phones.normalize(cmd == null ? null : cmd.phone()).orElseThrow(ParticipantIdentity::phoneRequired);
        String resumeCode = cmd.resumeCode() == null ? "" : cmd.resumeCode().replaceAll("[\\s-]", "");
        String smsCode = cmd.code() == null ? "" : cmd.code().strip();
        if (resumeCode.isEmpty() && smsCode.isEmpty()) {
            throw Refusal.invalid("invalid_field", "refusal.attempt.resumeCodeRequired")
                    .withDetails(List.of(Reason.field("resumeCode", "refusal.field.required")));
        }
        limits.requirePhoneNotBlocked(contestId, phone);
        Optional<Attempt> found = attempts.latest(contestId, phone);
        boolean proven = found.isPresent() && (!resumeCode.isEmpty()
                ? MessageDigest.isEqual(found.get().resumeHash() == null ? new byte[0]
                        : found.get().resumeHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(found.get().id() + ":" + resumeCode).getBytes(StandardCharsets.US_ASCII))
                : smsCodes.getIfAvailable() != null && identity.codesRequired()
                        && smsCodes.getIfAvailable().check(phone, smsCode));
        if (!proven) {
            limits.phoneFailed(contestId, phone);
            // the same answer whether the phone has no attempt or the code is wrong: nothing to learn about phones
            throw Refusal.forbidden("invalid_resume_code", "refusal.resumeCode.invalid");
        }
        Attempt a = found.get();
        String token = Ids.token();
        String previous = a.previousTokens() == null ? a.tokenHash() : a.tokenHash() + " " + a.previousTokens();
        String[] kept = previous.split(" ");
        previous = String.join(" ", java.util.Arrays.copyOf(kept, Math.min(kept.length, 8)));
        if (!attempts.replaceToken(a.id(), a.tokenHash(), sha256(token), previous)) {
            throw Refusal.conflict("busy", "refusal.attempt.resumeRace");
        }
        Instant now = now();
        Map<String, Question> qs = questions.byKeys(contest.id(), a.paper().keys());
        String unit = units.find(contest.id(), a.unitCode()).map(Unit::name).orElse(a.unitCode());
        return new Resumed(a.id(), token, a.issuedAt(), a.expiresAt(), now, views(a.paper(), qs), a.draft(),
                a.submitted(), a.submitted() ? result(a, contest) : null, a.name(), unit);
    }

    /**
     * Whether the resume code is the one of the person's latest attempt (the personal-data look-up uses it): the same
     * check and the same per-phone count of wrong codes as {@link #resume}.
     */
    public boolean provenByResumeCode(long contestId, String phone, String resumeCode) {
        String code = resumeCode == null ? "" : resumeCode.replaceAll("[\\s-]", "");
        limits.requirePhoneNotBlocked(contestId, phone);
        Optional<Attempt> found = attempts.latest(contestId, phone);
        boolean proven = !code.isEmpty() && found.isPresent() && found.get().resumeHash() != null
                && MessageDigest.isEqual(found.get().resumeHash().getBytes(StandardCharsets.US_ASCII),
                        sha256(found.get().id() + ":" + code).getBytes(StandardCharsets.US_ASCII));
        if (!proven) {
            limits.phoneFailed(contestId, phone);
        }
        return proven;
    }

    private static Refusal alreadySubmitted() {
        return Refusal.conflict("already_submitted", "refusal.attempt.submitted");
    }

    /** Eight digits: short enough to copy down, and guessing is throttled per phone (docs/online.md). */
    private static String resumeCode() {
        return String.format("%08d", RESUME_CODES.nextInt(100_000_000));
    }

    private Result result(Attempt a, Contest contest) {
        Long rank = null;
        boolean counted = false;
        String message = null;
        if (a.late()) {
            message = words("notice.attempt.late");
        } else {
            Optional<Standing> standing = ranking.standingOf(contest.id(), a.phone()); // entry and rank, one read
            counted = standing.isPresent() && standing.get().entry().attemptId().equals(a.id());
            rank = standing.map(Standing::rank).orElse(null);
            if (!counted && rank != null) {
                message = words("notice.attempt.bestCounts");
            }
        }
        return new Result(a.score(), a.maxScore(), a.accuracy(), a.durationMs(), a.submittedAt(), a.late(), counted,
                rank, message, !a.submittedAt().isBefore(a.expiresAt()));
    }

    private List<Review> review(Attempt a, Map<String, Question> qs) {
        List<Review> out = new ArrayList<>();
        for (Paper.Item item : a.paper().items()) {
            Question q = qs.get(item.questionKey());
            if (q == null) {
                continue;
            }
            String chosenLetters = a.answers().getOrDefault(item.questionKey(), "");
            List<String> correct = new ArrayList<>();
            List<String> chosen = new ArrayList<>();
            for (Paper.Option o : item.options()) {
                if (q.answer().indexOf(o.letter()) >= 0) {
                    correct.add(o.id());
                }
                if (chosenLetters.indexOf(o.letter()) >= 0) {
                    chosen.add(o.id());
                }
            }
            boolean right = Marking.letters(chosenLetters).equals(Marking.letters(q.answer()));
            out.add(new Review(q.key(), correct, chosen, right, q.explanation()));
        }
        return out;
    }

    Attempt authorized(String attemptId, String bearerToken) {
        Attempt a = (attemptId != null && ATTEMPT_ID.matcher(attemptId).matches()
                ? attempts.find(attemptId) : Optional.<Attempt>empty())
                .orElseThrow(() -> Refusal.notFound("not_found", "refusal.attempt.none"));
        if (bearerToken == null || bearerToken.isBlank()) {
            throw Refusal.of(Refusal.Kind.UNAUTHENTICATED, "unauthorized", "refusal.attempt.tokenMissing");
        }
        String given = sha256(bearerToken.strip());
        if (!MessageDigest.isEqual(a.tokenHash().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            if (a.replaced(given)) {
                throw Refusal.conflict("taken_over", "refusal.attempt.takenOver");
            }
            throw Refusal.forbidden("forbidden", "refusal.attempt.wrongToken");
        }
        return a;
    }

    private void requireOpen(Contest c, Instant now) {
        if (c.isOpenAt(now)) {
            return;
        }
        if (!c.frozen() && now.isBefore(c.opensAt())) {
            throw Refusal.conflict("not_open", "refusal.attempt.notYetOpen", local.format(c.opensAt()));
        }
        throw Refusal.conflict("not_open", "refusal.attempt.ended", local.format(c.closesAt()));
    }

    private Refusal alreadyAttempted(Contest contest, String phone) {
        if (attempts.hasUnsubmitted(contest.id(), phone)) {
            return Refusal.conflict("already_attempted", "refusal.attempt.inProgress", Reason.words("online.resume.open"));
        }
        if (contest.attemptsAllowed() == 1) {
            return Refusal.conflict("already_attempted", "refusal.attempt.once");
        }
        return Refusal.conflict("already_attempted", "refusal.attempt.usedAll", contest.attemptsAllowed());
    }

    private static List<QuestionView> views(Paper paper, Map<String, Question> qs) {
        List<QuestionView> out = new ArrayList<>();
        for (Paper.Item item : paper.items()) {
            Question q = qs.get(item.questionKey());
            if (q == null) {
                continue;
            }
            List<OptionView> options = new ArrayList<>();
            for (Paper.Option o : item.options()) {
                int index = o.letter() - 'A';
                if (index < q.options().size()) { // the bank may have lost an option since the paper was issued
                    options.add(new OptionView(o.id(), q.options().get(index)));
                }
            }
            out.add(new QuestionView(q.key(), q.type().apiName(), q.stem(), q.points(), options));
        }
        return out;
    }

    private static Map<String, Question> byKey(List<Question> list) {
        Map<String, Question> m = new LinkedHashMap<>();
        list.forEach(q -> m.put(q.key(), q));
        return m;
    }

    private Instant now() {
        return Instant.ofEpochMilli(clock.millis());
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A message for the participant in the request's language (Chinese outside a request). */
    private String words(String key) {
        LocaleContext context = LocaleContextHolder.getLocaleContext();
        Locale locale = context == null || context.getLocale() == null ? Locale.SIMPLIFIED_CHINESE : context.getLocale();
        return messages.getMessage(key, null, key, locale);
    }

    /** The contest-day meters (docs/operations.md); set apart from the constructor to keep it as it is. */
    @org.springframework.beans.factory.annotation.Autowired
    void metrics(org.baiti.ops.ContestMetrics metrics) {
        this.metrics = metrics;
    }
}
