package org.baiti.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.baiti.settings.SiteSettings;
import org.springframework.stereotype.Component;

/**
 * One way to show numbers to a person, the same on every page, export note and summary (templates:
 * {@code ${@figures.percent(rate)}}): rates and accuracies as percentages with one decimal, time used as seconds with one
 * decimal, instants as local date and time in the configured zone. Raw values (fractions, milliseconds, ISO instants)
 * stay in the API and in exports' raw columns. Rounding is half up, on the decimal value, so 0.0025 shows as 0.3%.
 */
@Component("figures")
public class Figures {

    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter DATE_TIME_SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public Figures(SiteSettings site) {
        this.zone = site.timeZone();
    }

    /** A fraction (0.1234) as a percentage with one decimal ("12.3%"); "" for none. */
    public String percent(Double fraction) {
        return fraction == null || fraction.isNaN() ? "" : percentNumber(fraction).toPlainString() + "%";
    }

    /** {@code part} of {@code whole} as a percentage with one decimal ("0.3%" for 3 of 1,200); "" when whole is 0. */
    public String percent(long part, long whole) {
        return whole == 0 ? "" : percentOf(part, whole).toPlainString() + "%";
    }

    /** The percentage shown for a fraction, as a number with one decimal (12.3 for 0.1234). */
    public static BigDecimal percentNumber(double fraction) {
        return new BigDecimal(Double.toString(fraction)).movePointRight(2).setScale(1, RoundingMode.HALF_UP);
    }

    /** The percentage shown for {@code part} of {@code whole}, exact before rounding (3 of 1,200 is 0.3). */
    public static BigDecimal percentOf(long part, long whole) {
        return BigDecimal.valueOf(part).movePointRight(2).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }

    /** Milliseconds as seconds with one decimal ("32.1" for 32,127 ms); "" for none. */
    public String seconds(Long millis) {
        return millis == null ? "" : secondsNumber(millis).toPlainString();
    }

    /** The seconds shown for {@code millis}, one decimal, half up. */
    public static BigDecimal secondsNumber(long millis) {
        return BigDecimal.valueOf(millis).movePointLeft(3).setScale(1, RoundingMode.HALF_UP);
    }

    /** A whole number with thousands separators ("18,350"). */
    public String count(Long n) {
        return n == null ? "" : String.format(Locale.ROOT, "%,d", n);
    }

    /** An instant as local date and minute in the configured zone ("2026-12-05 19:10"); "" for none. */
    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.format(instant.atZone(zone));
    }

    /** An instant to the second in the configured zone ("2026-12-05 19:10:07"), for records and logs. */
    public String dateTimeSeconds(Instant instant) {
        return instant == null ? "" : DATE_TIME_SECONDS.format(instant.atZone(zone));
    }

    /** The configured zone (pages show it beside times: "Asia/Shanghai"). */
    public ZoneId zone() {
        return zone;
    }
}
