package org.baiti.web;

import java.io.InputStream;
import java.util.Properties;

import org.baiti.testing.Api;
import org.baiti.testing.SqliteApp;
import org.baiti.testing.WebSession;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/** The API description names Baiti with the build's version, and the site has an icon; both open to anyone. */
class SiteIdentitySqliteTest extends SqliteApp {

    @Test
    void theApiDescriptionHasBaitisNameTheBuildsVersionAndADescriptionInChinese() throws Exception {
        Api.Response r = api().get("/v3/api-docs");
        assertThat(r.status()).as("anonymous").isEqualTo(200);
        JsonNode info = r.json().get("info");
        assertThat(info.get("title").asString()).isEqualTo("百题（Baiti）接口");
        Properties build = new Properties();
        try (InputStream in = getClass().getResourceAsStream("/META-INF/build-info.properties")) {
            assertThat(in).as("the build writes build-info (spring-boot-maven-plugin)").isNotNull();
            build.load(in);
        }
        assertThat(info.get("version").asString()).isEqualTo(build.getProperty("build.version")).isNotBlank();
        assertThat(info.get("description").asString()).contains("知识竞赛").doesNotContain("\n");
        assertThat(r.json().get("paths").has("/api/admin/contests")).isTrue();
        assertThat(api().get("/swagger-ui/index.html").status()).as("Swagger UI, anonymous").isEqualTo(200);
    }

    @Test
    void theIconIsServedToAnyoneAsAnImage() {
        WebSession anonymous = new WebSession(api());
        WebSession.File ico = anonymous.getFile("/favicon.ico");
        assertThat(ico.status()).isEqualTo(200);
        assertThat(ico.header("Content-Type")).startsWith("image/");
        assertThat(ico.body()).startsWith(0, 0, 1, 0); // an ICO header
        WebSession.File svg = anonymous.getFile("/favicon.svg");
        assertThat(svg.status()).isEqualTo(200);
        assertThat(svg.header("Content-Type")).startsWith("image/svg+xml");
    }
}
