package org.baiti.testing;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.baiti.sheet.Reason;
import org.baiti.sheet.RowError;
import org.springframework.context.MessageSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/** The application's bundles ({@code messages*.properties}) as Spring Boot reads them, for tests of plain rules. */
public final class Words {

    public static final Locale ZH = Locale.SIMPLIFIED_CHINESE;
    public static final Locale EN = Locale.ENGLISH;

    private static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static {
        MESSAGES.setBasename("messages");
        MESSAGES.setDefaultEncoding(StandardCharsets.UTF_8.name());
        MESSAGES.setFallbackToSystemLocale(false);
    }

    private Words() {
    }

    public static MessageSource messages() {
        return MESSAGES;
    }

    /** The row error's reason in Chinese. */
    public static String zh(RowError e) {
        return e.reason(MESSAGES, ZH);
    }

    /** The row error's reason in English. */
    public static String en(RowError e) {
        return e.reason(MESSAGES, EN);
    }

    /** The reason in Chinese. */
    public static String zh(Reason r) {
        return r.in((key, args) -> MESSAGES.getMessage(key, args, key, ZH));
    }

    /** The reason in English. */
    public static String en(Reason r) {
        return r.in((key, args) -> MESSAGES.getMessage(key, args, key, EN));
    }
}
