package org.baiti.web;

import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptTextsTest {

    private final ScriptTexts texts;

    ScriptTextsTest() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        texts = new ScriptTexts(messages);
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aScriptGetsThePrefixedMessagesInThePagesLanguage() {
        LocaleContextHolder.setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(texts.json("error.not_")).contains("\"error.not_found\":\"未找到\"").doesNotContain("error.bad_request");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(texts.json("error.not_found")).isEqualTo("{\"error.not_found\":\"Not found\"}");
    }
}
