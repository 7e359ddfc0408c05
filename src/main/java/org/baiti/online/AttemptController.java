package org.baiti.online;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.baiti.online.AttemptViews.AttemptView;
import org.baiti.online.AttemptViews.ContestInfo;
import org.baiti.online.AttemptViews.DraftSaved;
import org.baiti.online.AttemptViews.Resumed;
import org.baiti.online.AttemptViews.Result;
import org.baiti.online.AttemptViews.Started;
import org.baiti.refusal.Refusal;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Participant API (docs/api.md): start an attempt, submit it, read it again; no account, a bearer token per attempt. */
@RestController
class AttemptController {

    private final Attempting attempting;

    AttemptController(Attempting attempting) {
        this.attempting = attempting;
    }

    @GetMapping("/api/contests/{id}")
    ContestInfo contest(@PathVariable long id) {
        return attempting.info(id);
    }

    /** Body {@code {"name", "phone", "unit"}}; answers {@code 201} with the paper and the attempt's token. */
    @PostMapping("/api/contests/{id}/attempts")
    @ResponseStatus(HttpStatus.CREATED)
    Started start(@PathVariable long id, @RequestBody(required = false) Attempting.StartCommand body,
                  HttpServletRequest request) {
        return attempting.start(id, body, request.getRemoteAddr());
    }

    /**
     * Body {@code {"answers": {"<questionId>": ["<optionId>", ...]}}}. Only {@code answers} is read: whatever
     * else the browser sends (a time, a score) is ignored.
     */
    @PostMapping("/api/attempts/{attemptId}/submit")
    Result submit(@PathVariable String attemptId,
                  @RequestHeader(value = "Authorization", required = false) String authorization,
                  @RequestBody(required = false) byte[] body, HttpServletRequest request) {
        return attempting.submit(attemptId, bearer(authorization), SubmitBody.parse(body), request.getRemoteAddr());
    }

    /**
     * The page's anti-cheat report, with the attempt's token: {@code {"kind": "page_hidden", "count": N}}, N the
     * times the page was hidden so far. Answers 204; it never changes a score.
     */
    @PostMapping("/api/attempts/{attemptId}/signals")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void signal(@PathVariable String attemptId,
                @RequestHeader(value = "Authorization", required = false) String authorization,
                @RequestBody(required = false) JsonNode body) {
        String kind = body != null && body.isObject() && body.get("kind") != null ? body.get("kind").asString("") : "";
        JsonNode count = body == null || !body.isObject() ? null : body.get("count");
        if (!"page_hidden".equals(kind) || (count != null && (!count.isIntegralNumber() || !count.canConvertToInt() || count.asInt() < 0))) {
            throw Refusal.invalid("malformed_body", "refusal.signal.shape");
        }
        attempting.reportPageHidden(attemptId, bearer(authorization), count == null ? 1 : count.asInt());
    }

    /** Body {@code {"answers": {...}}} as for submit, any subset: the draft on the server (docs/api.md, SPEC §9). */
    @PutMapping("/api/attempts/{attemptId}/answers")
    DraftSaved saveDraft(@PathVariable String attemptId,
                         @RequestHeader(value = "Authorization", required = false) String authorization,
                         @RequestBody(required = false) byte[] body) {
        return attempting.saveDraft(attemptId, bearer(authorization), SubmitBody.parse(body));
    }

    /** Body {@code {"phone", "resumeCode"}} or {@code {"phone", "code"}} (SMS): the attempt again, with a new token. */
    @PostMapping("/api/contests/{id}/attempts/resume")
    Resumed resume(@PathVariable long id, @RequestBody(required = false) Attempting.ResumeCommand body) {
        return attempting.resume(id, body);
    }

    @GetMapping("/api/attempts/{attemptId}")
    AttemptView attempt(@PathVariable String attemptId,
                        @RequestHeader(value = "Authorization", required = false) String authorization) {
        return attempting.view(attemptId, bearer(authorization));
    }

    private static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String a = authorization.strip();
        return a.toLowerCase(Locale.ROOT).startsWith("bearer ") ? a.substring(7).strip() : null;
    }
}
