package org.baiti.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.apache.tomcat.util.http.fileupload.FileUploadException;
import org.baiti.refusal.Refusal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.i18n.FixedLocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one mapping from a failure to what the client is told: a 4xx with a stable {@code error} code and a
 * {@code message} in the request's language for every client mistake (media type, multipart, parse, range, a
 * firewall rejection, a domain refusal), a 500 only for Baiti's own faults, which are logged. Used by the API's
 * advice, the {@code /error} page and the filters that answer before Spring MVC (rate limits, login throttle).
 */
@Component
public class ApiErrors {

    /** Fields a refused form does not keep for the page ({@link #entered}). */
    private static final Set<String> NOT_KEPT = Set.of("_csrf", "password", "phone", "code", "resumeCode");

    private static final Logger log = LoggerFactory.getLogger(ApiErrors.class);
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** A field as the API names it: {@code name}, {@code seed[0]}, {@code tiers[1].count}. */
    private static final Pattern FIELD = Pattern.compile("(\\w+)(?:\\[(\\d{1,6})])?(?:\\.(\\w+))?");

    private final MessageSource messages;
    private static final LocaleResolver CHINESE = new FixedLocaleResolver(Locale.SIMPLIFIED_CHINESE);

    /** Looked up when needed: Spring MVC's resolver is made with the MVC configuration, which uses this class. */
    private final ObjectProvider<LocaleResolver> locales;

    ApiErrors(MessageSource messages, ObjectProvider<LocaleResolver> locales) {
        this.messages = messages;
        this.locales = locales;
    }

    /** What the client is told: status and body. */
    public record Problem(HttpStatus status, ApiError body) {
    }

    /** The problem for a failure; {@code status} is what the container already decided when there is no failure. */
    public Problem of(HttpServletRequest request, Throwable failure, int status) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Problem p = known(request, t);
            if (p != null) {
                return p;
            }
        }
        if (failure != null) {
            log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), failure);
            return problem(request, HttpStatus.INTERNAL_SERVER_ERROR, "internal_error");
        }
        HttpStatus s = HttpStatus.resolve(status);
        return problem(request, s == null ? HttpStatus.INTERNAL_SERVER_ERROR : s, codeOf(s));
    }

    private Problem known(HttpServletRequest request, Throwable t) {
        if (t instanceof TooManyRequests e) {
            return problem(request, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", e.seconds());
        }
        if (t instanceof Refusal r) {
            return refused(request, r);
        }
        if (t instanceof InvalidParameterException e) { // a form body or query Tomcat cannot decode: a=%ZZ, a&&=b
            HttpStatus s = HttpStatus.resolve(e.getErrorCode());
            return s != null && s.is4xxClientError() && s != HttpStatus.BAD_REQUEST ? problem(request, s, codeOf(s))
                    : problem(request, HttpStatus.BAD_REQUEST, "malformed_parameters"); // 413: too many parameters
        }
        if (t instanceof RequestRejectedException) {
            return problem(request, HttpStatus.BAD_REQUEST, "rejected_request");
        }
        if (t instanceof MaxUploadSizeExceededException) {
            return problem(request, HttpStatus.PAYLOAD_TOO_LARGE, "too_large");
        }
        if (t instanceof MultipartException || t instanceof FileUploadException) {
            return problem(request, HttpStatus.BAD_REQUEST, "not_multipart");
        }
        if (t instanceof TypeMismatchException) { // a path or query value of the wrong type: /contests/abc
            return problem(request, HttpStatus.BAD_REQUEST, "bad_request");
        }
        if (t instanceof HttpMessageNotReadableException) {
            return problem(request, HttpStatus.BAD_REQUEST, "malformed_body");
        }
        if (t instanceof MethodArgumentNotValidException e) {
            List<Map<String, String>> details = e.getBindingResult().getFieldErrors().stream()
                    .map(f -> Map.of("field", f.getField(), "reason", String.valueOf(f.getDefaultMessage())))
                    .toList();
            return new Problem(HttpStatus.BAD_REQUEST,
                    new ApiError("invalid_field", message(request, "error.invalid_field"), details));
        }
        if (t instanceof HttpMediaTypeNotSupportedException || t instanceof InvalidMediaTypeException) {
            return problem(request, HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type");
        }
        if (t instanceof ErrorResponse e) {
            HttpStatus s = HttpStatus.resolve(e.getStatusCode().value());
            if (s != null && s.is4xxClientError()) {
                return problem(request, s, codeOf(s));
            }
        }
        return null;
    }

    /** A domain refusal as the client is told it: its kind's status, its words and details in the request's language. */
    public Problem refused(HttpServletRequest request, Refusal r) {
        return new Problem(status(r.kind()), words(r, locale(request)));
    }

    /** The HTTP status of a kind of refusal. */
    public static HttpStatus status(Refusal.Kind kind) {
        return switch (kind) {
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FORBIDDEN -> HttpStatus.FORBIDDEN;
            case CONFLICT -> HttpStatus.CONFLICT;
            case UNAUTHENTICATED -> HttpStatus.UNAUTHORIZED;
            case TOO_MANY -> HttpStatus.TOO_MANY_REQUESTS;
            case UNAVAILABLE -> HttpStatus.SERVICE_UNAVAILABLE;
        };
    }

    /** A refusal as the API's error body in {@code locale}: its message and details worded in that language. */
    public ApiError words(Refusal r, Locale locale) {
        List<?> details = r.details().stream()
                .map(d -> d instanceof Refusal.Detail detail ? detail.shown(w -> messages.getMessage(w, locale)) : d)
                .toList();
        return new ApiError(r.code(), messages.getMessage(r.wording(), locale), details);
    }

    /**
     * A refusal on a server-rendered page (no such contest, not one of your units): the error page with the refusal's
     * status and its message in the request's language. For the pages' {@code @ExceptionHandler(Refusal.class)}.
     */
    public String page(HttpServletRequest request, HttpServletResponse response, Model model, Refusal r) {
        Problem p = refused(request, r);
        response.setStatus(p.status().value());
        model.addAttribute("status", p.status().value());
        model.addAttribute("message", p.body().message());
        return "error";
    }

    /**
     * A refusal of a form, shown on the page it redirects to: its message as {@code error} and its details (a file's
     * rows, a form's fields) as {@code details}, the rows of the pages' {@code messages} fragment, in the request's
     * language, and what the form held as {@code form}, for a page that fills the form again. Returns what was shown,
     * for a page that words the message in its own sentence.
     */
    public ApiError flash(HttpServletRequest request, RedirectAttributes flash, Refusal r) {
        ApiError shown = refused(request, r).body();
        Locale locale = locale(request);
        flash.addFlashAttribute("error", shown.message());
        flash.addFlashAttribute("details", shown.details().stream().filter(Map.class::isInstance)
                .map(d -> labelled((Map<?, ?>) d, locale)).toList());
        flash.addFlashAttribute("form", entered(request));
        return shown;
    }

    /**
     * What the refused form held, for the page to show again; not the CSRF token, a password, a phone number or a
     * code (the flash lives in the session table until the next page).
     */
    private static Map<String, String> entered(HttpServletRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        request.getParameterMap().forEach((name, values) -> {
            if (values.length > 0 && !NOT_KEPT.contains(name)) {
                form.put(name, values[0]);
            }
        });
        return form;
    }

    /** A detail row; one that names a form's field gets the field's label as the page shows it ({@code label}). */
    private Map<String, Object> labelled(Map<?, ?> detail, Locale locale) {
        Map<String, Object> row = new LinkedHashMap<>();
        detail.forEach((k, v) -> row.put(String.valueOf(k), v));
        if (detail.get("field") instanceof String field) {
            row.put("label", fieldLabel(field, locale));
        }
        return row;
    }

    /**
     * The label of a field the API names ({@code field.*} in the bundles), for people: {@code seedSources} is 种子来源,
     * {@code tiers[1].count} 奖项 第 2 项 人数; a field without a label keeps its name.
     */
    String fieldLabel(String field, Locale locale) {
        Matcher m = FIELD.matcher(field);
        if (!m.matches()) {
            return field;
        }
        StringBuilder label = new StringBuilder(messages.getMessage("field." + m.group(1), null, m.group(1), locale));
        if (m.group(2) != null) {
            label.append(' ').append(messages.getMessage("field.item",
                    new Object[] {Integer.parseInt(m.group(2)) + 1}, locale));
        }
        if (m.group(3) != null) {
            label.append(' ').append(messages.getMessage("field." + m.group(3), null, m.group(3), locale));
        }
        return label.toString();
    }

    /** A problem with the bundle's message for {@code code} ({@code error.<code>}). */
    public Problem problem(HttpServletRequest request, HttpStatus status, String code, Object... args) {
        return new Problem(status, new ApiError(code, message(request, "error." + code, args), List.of()));
    }

    /** A message from the bundles in the request's language (Chinese unless it asks for English). */
    public String message(HttpServletRequest request, String key, Object... args) {
        return messages.getMessage(key, args, key, locale(request));
    }

    /** The request's language (Chinese without a request: the command line has no web context). */
    public Locale locale(HttpServletRequest request) {
        return request == null ? Locale.SIMPLIFIED_CHINESE : locales.getIfAvailable(() -> CHINESE).resolveLocale(request);
    }

    /** Answers {@code 429 rate_limited} with {@code Retry-After}, for filters and interceptors. */
    public void writeRateLimited(HttpServletRequest request, HttpServletResponse response, long seconds)
            throws IOException {
        response.setHeader("Retry-After", Long.toString(seconds));
        write(response, problem(request, HttpStatus.TOO_MANY_REQUESTS, "rate_limited", seconds));
    }

    /** Writes the problem as the API's JSON error, for filters that answer before Spring MVC. */
    public void write(HttpServletResponse response, Problem p) throws IOException {
        response.setStatus(p.status().value());
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getOutputStream().write(JSON.writeValueAsBytes(p.body()));
    }

    static String codeOf(HttpStatusCode status) {
        if (status == null) {
            return "internal_error";
        }
        return switch (status.value()) {
            case 400 -> "bad_request";
            case 401 -> "unauthorized";
            case 403 -> "forbidden";
            case 404 -> "not_found";
            case 405 -> "method_not_allowed";
            case 406 -> "not_acceptable";
            case 413 -> "too_large";
            case 415 -> "unsupported_media_type";
            case 429 -> "rate_limited";
            default -> status.is4xxClientError() ? "bad_request" : "internal_error";
        };
    }
}
