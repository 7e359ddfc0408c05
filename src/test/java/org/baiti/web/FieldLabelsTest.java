package org.baiti.web;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;

import static org.assertj.core.api.Assertions.assertThat;

/** The labels a staff page shows for the fields a refusal names, from the application's own bundles. */
class FieldLabelsTest {

    private final ApiErrors errors = new ApiErrors(bundles(), new StaticListableBeanFactory().getBeanProvider(LocaleResolver.class));

    private static ResourceBundleMessageSource bundles() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    @Test
    void aFieldIsShownByItsLabelInThePagesLanguage() {
        assertThat(errors.fieldLabel("seedSources", Locale.SIMPLIFIED_CHINESE)).isEqualTo("种子来源");
        assertThat(errors.fieldLabel("seedSources", Locale.ENGLISH)).isEqualTo("Seed sources");
        assertThat(errors.fieldLabel("questionsPerPaper", Locale.SIMPLIFIED_CHINESE)).isEqualTo("每卷题数");
    }

    @Test
    void anItemOfAListIsCountedFromOne() {
        assertThat(errors.fieldLabel("tiers[1].count", Locale.SIMPLIFIED_CHINESE)).isEqualTo("奖项 第 2 项 人数");
        assertThat(errors.fieldLabel("seed[0]", Locale.ENGLISH)).isEqualTo("Seed item 1");
    }

    @Test
    void aFieldWithoutALabelKeepsItsName() {
        assertThat(errors.fieldLabel("somethingNew", Locale.SIMPLIFIED_CHINESE)).isEqualTo("somethingNew");
        assertThat(errors.fieldLabel("tiers[9999999].name", Locale.SIMPLIFIED_CHINESE)).isEqualTo("tiers[9999999].name");
        assertThat(errors.fieldLabel("a b", Locale.ENGLISH)).isEqualTo("a b");
    }
}
