package org.baiti.online;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.baiti.contest.Contest;
import org.baiti.contest.Contesting;
import org.baiti.limits.Limits;
import org.baiti.limits.Limits.Rate;
import org.baiti.limits.RateLimitSettings;
import org.baiti.refusal.Refusal;
import org.baiti.web.ApiErrors;
import org.baiti.web.TooManyRequests;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The rate limits of the participant endpoints (docs/security.md, "Rate limits"). They stop abuse, not crowds: a
 * whole unit answering behind one NAT address fits the per-address limits (600 a minute by default, a contest setting),
 * while what one person or one bot can do is limited per attempt, per phone and on failures.
 *
 * <p>As a Spring MVC interceptor it sees the handler that was matched and its path variables, decoded and normalised
 * as Spring MVC decodes them: {@code /api/contests/1/%61ttempts} is the start handler and limited as one (issue 19).
 * Limits that need the attempt or the phone are taken by {@link Attempting} itself through this class.
 */
@Configuration(proxyBeanMethods = false)
class ParticipantLimits implements HandlerInterceptor, WebMvcConfigurer {

    private static final String FAILURE_KEY = ParticipantLimits.class.getName() + ".failureKey";
    private static final String FAILURE_RATE = ParticipantLimits.class.getName() + ".failureRate";

    private final Limits limits;
    private final ApiErrors errors;
    private final RateLimitSettings settings;
    private final Contesting contesting;

    ParticipantLimits(Limits limits, RateLimitSettings settings, Contesting contesting, ApiErrors errors) {
        this.errors = errors;
        this.limits = limits;
        this.settings = settings;
        this.contesting = contesting;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns("/**");
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws IOException {
        if (!settings.enabled() || !(request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE) instanceof String pattern)) {
            return true;
        }
        @SuppressWarnings("unchecked")
        Map<String, String> vars = (Map<String, String>) request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
        String address = request.getRemoteAddr();
        boolean post = "POST".equals(request.getMethod());
        String kind = switch (pattern) {
            case "/api/contests/{id}/attempts" -> post ? "start" : null;
            case "/api/contests/{id}/attempts/resume" -> post ? "resume" : null;
            case "/api/contests/{id}/codes" -> post ? "code" : null;
            default -> pattern.startsWith("/api/attempts/{attemptId}") ? "attempt" : null;
        };
        if (kind == null || vars == null) {
            return true;
        }
        long wait;
        if (kind.equals("attempt")) {
            String failures = "attempts " + address;
            request.setAttribute(FAILURE_KEY, failures);
            request.setAttribute(FAILURE_RATE, Rate.perMinute(settings.addressFailuresPerMinute()));
            wait = limits.blockedFor(failures);
            if (wait == 0) {
                String attemptId = vars.getOrDefault("attemptId", "");
                wait = limits.take("attempt " + attemptId, Rate.perMinute(settings.attemptRequestsPerMinute()));
            }
        } else {
            Contest contest = contest(vars.get("id"));
            if (contest == null) {
                return true; // the handler answers 404
            }
            String failures = "contest " + contest.id() + " " + address;
            request.setAttribute(FAILURE_KEY, failures);
            request.setAttribute(FAILURE_RATE, failureRate(contest));
            wait = limits.blockedFor(failures);
            if (wait == 0) {
                Rate rate = kind.equals("code")
                        ? rate(contest.addressCodesPerMinute(), settings.addressCodesPerMinute())
                        : rate(contest.addressStartsPerMinute(), settings.addressStartsPerMinute());
                wait = limits.take(kind + " " + contest.id() + " " + address, rate);
            }
        }
        if (wait == 0) {
            return true;
        }
        request.removeAttribute(FAILURE_KEY); // a refusal here is not a failure of the caller's to count again
        errors.writeRateLimited(request, response, wait);
        return false;
    }

    /** Refused requests (bad or replaced tokens, refused starts, unknown attempts) are counted per address. */
    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception ex) {
        if (request.getAttribute(FAILURE_KEY) instanceof String key && request.getAttribute(FAILURE_RATE) instanceof Rate rate) {
            int status = response.getStatus();
            if (status == 401 || status == 403 || status == 404 || status == 409) {
                limits.fail(key, rate);
            }
        }
    }

    /** Submissions of a contest from one address; throws {@code 429} beyond the contest's limit. */
    void requireSubmit(Contest contest, String address) {
        if (!settings.enabled() || address == null) {
            return;
        }
        long wait = limits.take("submit " + contest.id() + " " + address,
                rate(contest.addressSubmitsPerMinute(), settings.addressSubmitsPerMinute()));
        if (wait > 0) {
            throw new TooManyRequests(wait);
        }
    }

    /** Refuses a phone that got its resume code wrong too often (shared by all nodes on PostgreSQL). */
    void requirePhoneNotBlocked(long contestId, String phone) {
        if (!settings.enabled()) {
            return;
        }
        long wait = limits.blockedFor(phoneKey(contestId, phone));
        if (wait > 0) {
            throw new TooManyRequests(wait);
        }
    }

    /** Counts a wrong resume code (or one-time code) for the phone. */
    void phoneFailed(long contestId, String phone) {
        if (settings.enabled()) {
            limits.fail(phoneKey(contestId, phone), Rate.perHour(settings.phoneFailuresPerHour()));
        }
    }

    private static String phoneKey(long contestId, String phone) {
        return "phone " + contestId + " " + phone;
    }

    private Rate failureRate(Contest contest) {
        return rate(contest.addressFailuresPerMinute(), settings.addressFailuresPerMinute());
    }

    private static Rate rate(Integer ofContest, int byDefault) {
        return Rate.perMinute(ofContest != null ? ofContest : byDefault);
    }

    private Contest contest(String id) {
        try {
            return contesting.get(Long.parseLong(id));
        } catch (NumberFormatException | Refusal e) {
            return null;
        }
    }
}
