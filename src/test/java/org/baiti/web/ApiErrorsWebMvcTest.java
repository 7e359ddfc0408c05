package org.baiti.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.baiti.refusal.Reason;
import org.baiti.refusal.Refusal;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The error contract of the JSON API as a web slice (Spring MVC, the one advice, the messages and the language
 * resolver; no database): a controller that fails in each way a real one can, and what a client is told. The
 * journeys through the real controllers are in the full-application contracts ({@code HostileInputContract},
 * {@code RefusalLanguageContract}).
 */
@WebMvcTest(useDefaultFilters = false) // only what is imported: the web components of the features need their services
@AutoConfigureMockMvc(addFilters = false)
@Import({ApiErrors.class, ApiExceptionHandler.class, Languages.class, ApiErrorsWebMvcTest.Failing.class})
class ApiErrorsWebMvcTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    MockMvcTester mvc;

    /** Fails as a controller of the API can: a service's refusal, a body or path it cannot read, its own fault. */
    @RestController
    static class Failing {

        @GetMapping("/t/refused")
        void refused() {
            throw Refusal.invalid("invalid_field", "refusal.contest.invalid")
                    .withDetails(List.of(Reason.field("name", "refusal.field.required")));
        }

        @GetMapping("/t/locked")
        void locked() {
            throw Refusal.conflict("locked", "admin.edit.refused", Reason.words("admin.state.OPEN"))
                    .withDetails(List.of(Reason.field("questionsPerPaper", "admin.edit.locked.OPEN")));
        }

        @PostMapping("/t/body")
        Map<String, Object> body(@RequestBody Map<String, Object> body) {
            return body;
        }

        @GetMapping("/t/number/{n}")
        long number(@PathVariable long n) {
            return n;
        }

        @GetMapping("/t/limited")
        void limited() {
            throw new TooManyRequests(7);
        }

        @GetMapping("/t/broken")
        void broken() {
            throw new IllegalStateException("secret: jdbc:postgresql://db/baiti");
        }
    }

    private static JsonNode json(MvcTestResult r) throws Exception {
        return JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void aRefusalIsItsStatusCodeAndWordsInChineseUnlessEnglishIsAsked() throws Exception {
        MvcTestResult zh = mvc.get().uri("/t/refused").exchange();
        assertThat(zh).hasStatus(400);
        JsonNode body = json(zh);
        assertThat(body.get("error").asString()).isEqualTo("invalid_field");
        assertThat(body.get("message").asString()).isEqualTo("竞赛设置有误");
        assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("name");
        assertThat(body.get("details").get(0).get("reason").asString()).isEqualTo("必填");

        MvcTestResult en = mvc.get().uri("/t/refused").header("Accept-Language", "en-US,en;q=0.9").exchange();
        assertThat(en).hasStatus(400);
        assertThat(json(en).get("message").asString()).isEqualTo("Invalid contest settings");
        assertThat(json(en).get("details").get(0).get("reason").asString()).isEqualTo("required");
        assertThat(json(en).get("error").asString()).as("the code is the same in every language").isEqualTo("invalid_field");

        MvcTestResult fr = mvc.get().uri("/t/refused").header("Accept-Language", "fr-FR").exchange();
        assertThat(json(fr).get("message").asString()).as("any other language: Chinese").isEqualTo("竞赛设置有误");
    }

    @Test
    void aConflictNamesEachLockedFieldInWords() throws Exception {
        MvcTestResult r = mvc.get().uri("/t/locked").exchange();
        assertThat(r).hasStatus(409);
        JsonNode body = json(r);
        assertThat(body.get("error").asString()).isEqualTo("locked");
        assertThat(body.get("message").asString()).startsWith("没有保存：竞赛").doesNotContain("{0}");
        assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("questionsPerPaper");
    }

    @Test
    void whatCannotBeReadIsAClientMistakeWithAStableCode() throws Exception {
        MvcTestResult broken = mvc.post().uri("/t/body").contentType(MediaType.APPLICATION_JSON).content("{not json")
                .exchange();
        assertThat(broken).hasStatus(400);
        assertThat(json(broken).get("error").asString()).isEqualTo("malformed_body");

        MvcTestResult text = mvc.post().uri("/t/body").contentType(MediaType.TEXT_PLAIN).content("a=b").exchange();
        assertThat(text).hasStatus(415);
        assertThat(json(text).get("error").asString()).isEqualTo("unsupported_media_type");

        MvcTestResult number = mvc.get().uri("/t/number/abc").exchange();
        assertThat(number).hasStatus(400);
        assertThat(json(number).get("error").asString()).isEqualTo("bad_request");

        MvcTestResult fine = mvc.post().uri("/t/body").contentType(MediaType.APPLICATION_JSON).content("{\"a\":1}")
                .exchange();
        assertThat(fine).hasStatus(200);
    }

    @Test
    void aLimitSaysWhenToComeBack() throws Exception {
        MvcTestResult r = mvc.get().uri("/t/limited").exchange();
        assertThat(r).hasStatus(429);
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("7");
        assertThat(json(r).get("error").asString()).isEqualTo("rate_limited");
        assertThat(json(r).get("message").asString()).contains("7");
    }

    @Test
    void baitisOwnFaultIsA500WithoutItsDetails() throws Exception {
        MvcTestResult r = mvc.get().uri("/t/broken").exchange();
        assertThat(r).hasStatus(500);
        String body = r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(JSON.readTree(body).get("error").asString()).isEqualTo("internal_error");
        assertThat(body).doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("jdbc:");
    }
}
