package org.baiti.online;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
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
import org.baiti.text.TextInput;
import org.baiti.privacy.PersonalData;
import org.baiti.ranking.Ranking;
import org.baiti.ranking.RankingEntry;
import org.baiti.ranking.Standing;
import org.baiti.unit.Unit;
import org.baiti.unit.Units;
import org.baiti.web.ApiException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
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

    Attempting(Attempts attempts, Contesting contesting, Questions questions, Units units, Ranking ranking,
               Clock clock, OnlineWrites writes, ParticipantIdentity identity, Signals signals, ParticipantLimits limits,
               org.springframework.beans.factory.ObjectProvider<org.baiti.identity.OneTimeCodes> smsCodes,
               PersonalData personalData,
               @Value("${baiti.online.grace-seconds:15}") int graceSeconds,
               @Value("${baiti.time-zone:Asia/Shanghai}") String zone) {
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
        this.grace = Duration.ofSeconds(graceSeconds);
        this.local = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of(zone));
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
        List<Map<String, String>> errors = new ArrayList<>();
        Optional<TextInput.Problem> nameProblem = TextInput.problemOfLine(name);
        if (name.isEmpty()) {
            errors.add(field("name", "请填写姓名", "required"));
        } else if (nameProblem.isPresent()) {
            errors.add(field("name", "姓名" + nameProblem.get().zh(), nameProblem.get().en()));
        } else if (name.codePointCount(0, name.length()) > MAX_NAME) {
            errors.add(field("name", "姓名最多 " + MAX_NAME + " 个字", "at most " + MAX_NAME + " characters"));
        }
        if (phone.isEmpty()) {
            errors.add(field("phone", "请填写 11 位手机号码", "an 11-digit mainland mobile number is required"));
        }
        Unit unit = null;
        if (unitCode.isEmpty()) {
            errors.add(field("unit", "请选择单位", "choose a unit"));
        } else {
            unit = units.find(contestId, unitCode).orElse(null);
            if (unit == null) {
                errors.add(field("unit", "没有这个单位，请从列表中选择", "unknown unit code; choose one from the list"));
            }
        }
        if (!errors.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_field", "请检查填写的信息 / Please check the fields", errors);
        }
        // the roster and the one-time code, when the contest uses them (docs/security.md)
        identity.requireAllowed(contestId, name, phone.get(), unit.code(), cmd.code());
        List<Question> bank = contest.paperMode() == Contest.PaperMode.FIXED
                ? questions.firstN(contestId, contest.questionsPerPaper())
                : questions.all(contestId);
        if (bank.isEmpty()) {
            throw ApiException.conflict("empty_bank", "本竞赛还没有题目，请稍后再来", "The contest has no questions yet");
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
            throw ApiException.conflict("window_closed", "竞赛结果已冻结，不再接收答卷",
                    "The contest is frozen; no more submissions are accepted");
        }
        SubmitTiming.Verdict verdict =
                SubmitTiming.judge(attempt.issuedAt(), contest.timeLimitSeconds(), contest.closesAt(), grace, received);
        if (verdict == SubmitTiming.Verdict.CLOSED) {
            throw ApiException.conflict("window_closed",
                    "竞赛已于 " + local.format(contest.closesAt()) + " 截止答题，本次提交未被接收",
                    "The contest closed at " + contest.closesAt() + "; this submission was not accepted");
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
            throw ApiException.conflict("window_closed", "竞赛结果已冻结，不再接收答卷",
                    "The contest is frozen; no more submissions are accepted");
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
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "busy",
                    "服务器繁忙，请稍后再试一次 / The server is busy; please try again in a moment", List.of());
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
        String phone = Phones.normalize(cmd == null ? null : cmd.phone()).orElseThrow(() -> new ApiException(
                HttpStatus.BAD_REQUEST, "invalid_field", "请填写 11 位手机号码 / An 11-digit mainland mobile number is required",
                List.of(field("phone", "请填写 11 位手机号码", "an 11-digit mainland mobile number is required"))));
        String resumeCode = cmd.resumeCode() == null ? "" : cmd.resumeCode().replaceAll("[\\s-]", "");
        String smsCode = cmd.code() == null ? "" : cmd.code().strip();
        if (resumeCode.isEmpty() && smsCode.isEmpty()) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_field", "请填写续答码 / Enter the resume code",
                    List.of(field("resumeCode", "必填", "required")));
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
            throw new ApiException(HttpStatus.FORBIDDEN, "invalid_resume_code",
                    "手机号或续答码不正确 / The phone number or the resume code is wrong", List.of());
        }
        Attempt a = found.get();
        String token = Ids.token();
        String previous = a.previousTokens() == null ? a.tokenHash() : a.tokenHash() + " " + a.previousTokens();
        String[] kept = previous.split(" ");
        previous = String.join(" ", java.util.Arrays.copyOf(kept, Math.min(kept.length, 8)));
        if (!attempts.replaceToken(a.id(), a.tokenHash(), sha256(token), previous)) {
            throw ApiException.conflict("busy", "另一台设备正在同时续答，请稍后再试",
                    "Another device is resuming this attempt at the same moment; try again");
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

    private static ApiException alreadySubmitted() {
        return ApiException.conflict("already_submitted", "答卷已提交，不能再修改", "This attempt is already submitted");
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
            message = "超过答题时限才提交：成绩已记录，但不计入排名 / Submitted after the time limit: the score is recorded but not ranked";
        } else {
            Optional<Standing> standing = ranking.standingOf(contest.id(), a.phone()); // entry and rank, one read
            counted = standing.isPresent() && standing.get().entry().attemptId().equals(a.id());
            rank = standing.map(Standing::rank).orElse(null);
            if (!counted && rank != null) {
                message = "排名按您成绩最好的一次计算 / The ranking counts your best attempt";
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
                .orElseThrow(() -> ApiException.notFound("答卷不存在", "No such attempt"));
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "缺少答题凭证（Authorization: Bearer） / The attempt token is missing (Authorization: Bearer)", List.of());
        }
        String given = sha256(bearerToken.strip());
        if (!MessageDigest.isEqual(a.tokenHash().getBytes(StandardCharsets.US_ASCII),
                given.getBytes(StandardCharsets.US_ASCII))) {
            if (a.replaced(given)) {
                throw ApiException.conflict("taken_over", "已在另一台设备上继续答题，本页不再保存答案",
                        "This attempt continues on another device; this page no longer saves answers");
            }
            throw ApiException.forbidden("答题凭证与这份答卷不符", "This token does not belong to this attempt");
        }
        return a;
    }

    private void requireOpen(Contest c, Instant now) {
        if (c.isOpenAt(now)) {
            return;
        }
        if (!c.frozen() && now.isBefore(c.opensAt())) {
            throw ApiException.conflict("not_open", "竞赛尚未开始，将于 " + local.format(c.opensAt()) + " 开始",
                    "The contest opens at " + c.opensAt());
        }
        throw ApiException.conflict("not_open", "竞赛已于 " + local.format(c.closesAt()) + " 结束",
                "The contest closed at " + c.closesAt());
    }

    private ApiException alreadyAttempted(Contest contest, String phone) {
        if (attempts.hasUnsubmitted(contest.id(), phone)) {
            return ApiException.conflict("already_attempted",
                    "这个手机号已经开始答题：请点“在另一台设备继续”，用开始时显示的续答码接着答",
                    "This phone number has an attempt in progress: choose \"continue on another device\" and enter its resume code");
        }
        if (contest.attemptsAllowed() == 1) {
            return ApiException.conflict("already_attempted", "这个手机号已经参加过本次竞赛，每人只能答题一次",
                    "This phone number has already taken part; one attempt per person");
        }
        return ApiException.conflict("already_attempted",
                "这个手机号已用完 " + contest.attemptsAllowed() + " 次答题机会",
                "This phone number has used all " + contest.attemptsAllowed() + " attempts");
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

    private static Map<String, String> field(String name, String zh, String en) {
        return Map.of("field", name, "reason", zh + " / " + en);
    }

    /** The contest-day meters (docs/operations.md); set apart from the constructor to keep it as it is. */
    @org.springframework.beans.factory.annotation.Autowired
    void metrics(org.baiti.ops.ContestMetrics metrics) {
        this.metrics = metrics;
    }
}
