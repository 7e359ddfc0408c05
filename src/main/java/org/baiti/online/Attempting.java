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
import org.baiti.online.AttemptViews.OptionView;
import org.baiti.online.AttemptViews.QuestionView;
import org.baiti.online.AttemptViews.Result;
import org.baiti.online.AttemptViews.Review;
import org.baiti.online.AttemptViews.Started;
import org.baiti.person.Phones;
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
    private final PersonalData personalData;

    Attempting(Attempts attempts, Contesting contesting, Questions questions, Units units, Ranking ranking,
               Clock clock, OnlineWrites writes, ParticipantIdentity identity, Signals signals, PersonalData personalData,
               @Value("${baiti.online.grace-seconds:15}") int graceSeconds,
               @Value("${baiti.time-zone:Asia/Shanghai}") String zone) {
        this.identity = identity;
        this.signals = signals;
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
        String name = cmd == null || cmd.name() == null ? "" : cmd.name().strip();
        Optional<String> phone = Phones.normalize(cmd == null ? null : cmd.phone());
        String unitCode = cmd == null || cmd.unit() == null ? "" : cmd.unit().strip();
        List<Map<String, String>> errors = new ArrayList<>();
        if (name.isEmpty()) {
            errors.add(field("name", "请填写姓名", "required"));
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
        Instant expiresAt = SubmitTiming.expiresAt(now, contest.timeLimitSeconds(), contest.closesAt());
        // Number 1 first: most starts are a person's first, and UNIQUE (contest_id, phone, attempt_no) refuses it
        // otherwise. Only then is the person's last number looked up (on a PostgreSQL table not yet analyzed that
        // look-up can read the whole contest: docs/performance.md, V54), and the next one tried.
        int next = 1;
        for (int tries = 0; tries <= contest.attemptsAllowed(); tries++) {
            if (tries > 0) {
                next = attempts.lastAttemptNo(contestId, phone.get()) + 1;
            }
            if (next > contest.attemptsAllowed()) {
                break;
            }
            Attempt a = new Attempt(Ids.token(), contestId, phone.get(), name, unit.code(), unit.topCode(), next,
                    sha256(token), paper, now, expiresAt, null, null, null, null, null, false, Map.of(), clientIp);
            Signal raised = signal(() -> signals.onStart(a.id(), contestId, clientIp));
            if (stored(() -> writes.start(new OnlineWrites.Start(a, raised)))) {
                return new Started(a.id(), token, now, expiresAt, now, views(paper, byKey(chosen)));
            }
        }
        throw alreadyAttempted(contest, phone.get());
    }

    /**
     * Marks and stores a submission once; the answers are read from the body only after the token and the time
     * were checked. A second submission of the same attempt, even racing the first,
     * changes nothing and answers the stored result.
     */
    public Result submit(String attemptId, String bearerToken, Supplier<Map<String, List<String>>> answersOfBody) {
        Instant received = now();
        Attempt attempt = authorized(attemptId, bearerToken);
        Contest contest = contesting.get(attempt.contestId());
        if (attempt.submitted()) {
            return result(attempt, contest);
        }
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
            throw new ApiException(HttpStatus.BAD_REQUEST, "invalid_answers",
                    "答案中有本答卷没有的题目或选项 / The answers name questions or options not on this paper", problems);
        }
        PaperMarking.Marked marked = PaperMarking.mark(attempt.paper(), answers, paperQuestions, contest.partialCredit());
        long durationMs = received.toEpochMilli() - attempt.issuedAt().toEpochMilli();
        boolean late = verdict == SubmitTiming.Verdict.LATE;
        // answered once committed, with the other submissions of the moment (group commit)
        Signal raised = signal(() -> signals.onSubmit(attempt.id(), contest.id(), durationMs, keys.size()));
        OnlineWrites.Outcome outcome = stored(() -> writes.submit(new OnlineWrites.Submission(attempt, received,
                durationMs, marked, late, contest.attemptsAllowed() > 1, raised)));
        if (!outcome.stored()) { // a racing submission of the same attempt was stored first: answer that one
            return result(attempts.find(attempt.id()).orElseThrow(), contest);
        }
        if (outcome.counted()) { // the usual case: this attempt is the person's ranked one, its rank is all to read
            long rank = ranking.rankOf(new RankingEntry(contest.id(), attempt.phone(), attempt.id(), attempt.name(),
                    attempt.unitCode(), attempt.topCode(), marked.accuracy(), durationMs, received));
            return new Result(marked.score(), marked.maxScore(), marked.accuracy(), durationMs, received, false, true,
                    rank, null);
        }
        return result(new Attempt(attempt.id(), attempt.contestId(), attempt.phone(), attempt.name(),
                attempt.unitCode(), attempt.topCode(), attempt.attemptNo(), attempt.tokenHash(), attempt.paper(),
                attempt.issuedAt(), attempt.expiresAt(), received, durationMs, marked.score(), marked.maxScore(),
                marked.accuracy(), late, marked.letters(), attempt.clientIp()), contest);
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
                a.submitted(), views(a.paper(), qs), a.submitted() ? result(a, contest) : null, review);
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
                rank, message);
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

    private Attempt authorized(String attemptId, String bearerToken) {
        Attempt a = (attemptId != null && ATTEMPT_ID.matcher(attemptId).matches()
                ? attempts.find(attemptId) : Optional.<Attempt>empty())
                .orElseThrow(() -> ApiException.notFound("答卷不存在", "No such attempt"));
        if (bearerToken == null || bearerToken.isBlank()) {
            throw new ApiException(HttpStatus.UNAUTHORIZED, "unauthorized",
                    "缺少答题凭证（Authorization: Bearer） / The attempt token is missing (Authorization: Bearer)", List.of());
        }
        if (!MessageDigest.isEqual(a.tokenHash().getBytes(StandardCharsets.US_ASCII),
                sha256(bearerToken.strip()).getBytes(StandardCharsets.US_ASCII))) {
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
                    "这个手机号已经开始答题，请在开始答题的手机上继续",
                    "This phone number has an attempt in progress; continue on the phone where it started");
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
}
