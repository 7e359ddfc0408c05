package org.baiti.web;

import java.time.Duration;
import java.util.Locale;
import java.util.TimeZone;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.i18n.LocaleContext;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.i18n.TimeZoneAwareLocaleContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponents;

/**
 * The two languages a page is shown in: Chinese unless the browser prefers English ({@code Accept-Language: en…}),
 * or the person chose the other one with the switch on a page ({@code ?lang=en} / {@code ?lang=zh}), which a cookie
 * remembers for a year. Any other language is Chinese: one language per page, never a mixture.
 */
@Configuration(proxyBeanMethods = false)
class Languages implements WebMvcConfigurer {

    static final String COOKIE = "baiti-lang";

    /** Chinese or English for {@code locale}: English only when its language is English. */
    static Locale supported(Locale locale) {
        return locale != null && "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver(COOKIE) {
            @Override
            public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
                super.setLocale(request, response, locale == null ? null : supported(locale));
            }

            @Override
            public Locale resolveLocale(HttpServletRequest request) {
                return supported(super.resolveLocale(request));
            }

            @Override
            public LocaleContext resolveLocaleContext(HttpServletRequest request) {
                LocaleContext context = super.resolveLocaleContext(request);
                // Read when asked, not now: the ?lang= switch (LocaleChangeInterceptor) runs after this context is made
                // for the request, and code that asks LocaleContextHolder (web.ScriptTexts) must see the new choice.
                return new TimeZoneAwareLocaleContext() {
                    @Override
                    public Locale getLocale() {
                        return supported(context.getLocale());
                    }

                    @Override
                    public TimeZone getTimeZone() {
                        return context instanceof TimeZoneAwareLocaleContext t ? t.getTimeZone() : null;
                    }
                };
            }
        };
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setCookieSameSite("Lax");
        resolver.setDefaultLocaleFunction(request ->
                request.getHeader("Accept-Language") == null ? Locale.SIMPLIFIED_CHINESE : supported(request.getLocale()));
        return resolver;
    }

    /**
     * The link of the language switch ({@code ${@languageSwitch.href()}} in {@code fragments.html}): this page in the
     * other language, its other query parameters kept (an audit filter, an import job).
     */
    @Bean
    LanguageSwitch languageSwitch() {
        return () -> {
            String other = "en".equals(LocaleContextHolder.getLocale().getLanguage()) ? "zh" : "en";
            UriComponents here = ServletUriComponentsBuilder.fromCurrentRequest().replaceQueryParam("lang", other)
                    .build(true);
            return here.getPath() + "?" + here.getQuery();
        };
    }

    /** See {@link #languageSwitch()}. */
    @FunctionalInterface
    public interface LanguageSwitch {
        String href();
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor change = new LocaleChangeInterceptor();
        change.setParamName("lang");
        change.setIgnoreInvalidLocale(true);
        registry.addInterceptor(change);
    }
}
