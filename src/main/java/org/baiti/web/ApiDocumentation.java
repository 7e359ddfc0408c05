package org.baiti.web;

import java.util.Locale;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API description ({@code /v3/api-docs}, shown by Swagger UI at {@code /swagger-ui/index.html}): Baiti's name,
 * the version the build wrote ({@code META-INF/build-info.properties}) and one line saying what it is, in Chinese like
 * the rest of the site by default ({@code api.*} in the bundles). The description is one document for every reader, so
 * it is not switched per request.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

    @Bean
    OpenAPI baitiApi(MessageSource messages, ObjectProvider<BuildProperties> build) {
        Locale chinese = Locale.SIMPLIFIED_CHINESE;
        BuildProperties b = build.getIfAvailable();
        String version = b == null || b.getVersion() == null ? "unknown" : b.getVersion();
        return new OpenAPI().info(new Info()
                .title(messages.getMessage("api.title", null, chinese))
                .version(version)
                .description(messages.getMessage("api.description", null, chinese)));
    }
}
