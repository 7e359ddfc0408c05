package org.baiti.web;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class FiguresTest {

    private final Figures figures = new Figures(new org.baiti.settings.SiteSettings("./data", java.time.ZoneId.of("Asia/Shanghai"), "", 1000,
            new org.baiti.settings.SiteSettings.Online(15), false));

    @Test
    void ratesArePercentagesWithOneDecimalRoundedHalfUp() {
        assertThat(figures.percent(0.0006)).isEqualTo("0.1%");
        assertThat(figures.percent(1.0)).isEqualTo("100.0%");
        assertThat(figures.percent(0.12345)).isEqualTo("12.3%");
        assertThat(figures.percent(0.0025)).isEqualTo("0.3%");
        assertThat(figures.percent(3, 1200)).isEqualTo("0.3%");
        assertThat(figures.percent(2, 1200)).isEqualTo("0.2%");
        assertThat(figures.percent(1, 0)).isEmpty();
        assertThat(figures.percent(null)).isEmpty();
    }

    @Test
    void timeUsedIsSecondsWithOneDecimal() {
        assertThat(figures.seconds(32_127L)).isEqualTo("32.1");
        assertThat(figures.seconds(32_150L)).isEqualTo("32.2");
        assertThat(figures.seconds(0L)).isEqualTo("0.0");
    }

    @Test
    void instantsAreShownInTheConfiguredZone() {
        assertThat(figures.dateTime(Instant.parse("2026-12-05T11:10:07Z"))).isEqualTo("2026-12-05 19:10");
        assertThat(figures.dateTimeSeconds(Instant.parse("2026-12-05T11:10:07Z"))).isEqualTo("2026-12-05 19:10:07");
        assertThat(figures.count(18_350L)).isEqualTo("18,350");
    }
}
