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

    /** Asserts the answer's status and error code, and returns its body. */
    private static JsonNode refused(MvcTestResult r, int status, String error) throws Exception {
        assertThat(r).hasStatus(status);
        JsonNode body = JSON.readTree(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(body.get("error").asString()).as("the code, the same in every language").isEqualTo(error);
        return body;
    }

    @Test
    void aRefusalIsItsStatusCodeAndWordsInChineseUnlessEnglishIsAsked() throws Exception {
        JsonNode zh = refused(mvc.get().uri("/t/refused").exchange(), 400, "invalid_field");
        assertThat(zh.get("message").asString()).isEqualTo("竞赛设置有误");
        assertThat(zh.get("details").get(0).get("field").asString()).isEqualTo("name");
        assertThat(zh.get("details").get(0).get("reason").asString()).isEqualTo("必填");

        JsonNode en = refused(mvc.get().uri("/t/refused").header("Accept-Language", "en-US,en;q=0.9").exchange(), 400,
                "invalid_field");
        assertThat(en.get("message").asString()).isEqualTo("Invalid contest settings");
        assertThat(en.get("details").get(0).get("reason").asString()).isEqualTo("required");

        JsonNode fr = refused(mvc.get().uri("/t/refused").header("Accept-Language", "fr-FR").exchange(), 400,
                "invalid_field");
        assertThat(fr.get("message").asString()).as("any other language: Chinese").isEqualTo("竞赛设置有误");
    }

    @Test
    void aConflictNamesEachLockedFieldInWords() throws Exception {
        JsonNode body = refused(mvc.get().uri("/t/locked").exchange(), 409, "locked");
        assertThat(body.get("message").asString()).startsWith("没有保存：竞赛").doesNotContain("{0}");
        assertThat(body.get("details").get(0).get("field").asString()).isEqualTo("questionsPerPaper");
    }

    @Test
    void whatCannotBeReadIsAClientMistakeWithAStableCode() throws Exception {
        refused(mvc.post().uri("/t/body").contentType(MediaType.APPLICATION_JSON).content("{not json").exchange(), 400,
                "malformed_body");
        refused(mvc.post().uri("/t/body").contentType(MediaType.TEXT_PLAIN).content("a=b").exchange(), 415,
                "unsupported_media_type");
        refused(mvc.get().uri("/t/number/abc").exchange(), 400, "bad_request");
        assertThat(mvc.post().uri("/t/body").contentType(MediaType.APPLICATION_JSON).content("{\"a\":1}").exchange())
                .hasStatus(200);
    }

    @Test
    void aLimitSaysWhenToComeBack() throws Exception {
        MvcTestResult r = mvc.get().uri("/t/limited").exchange();
        JsonNode body = refused(r, 429, "rate_limited");
        assertThat(r.getResponse().getHeader("Retry-After")).isEqualTo("7");
        assertThat(body.get("message").asString()).contains("7");
    }

    @Test
    void baitisOwnFaultIsA500WithoutItsDetails() throws Exception {
        MvcTestResult r = mvc.get().uri("/t/broken").exchange();
        refused(r, 500, "internal_error");
        assertThat(r.getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .doesNotContain("secret").doesNotContain("IllegalStateException").doesNotContain("jdbc:");
    }
}
