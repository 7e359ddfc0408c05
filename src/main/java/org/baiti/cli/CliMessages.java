package org.baiti.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.Supplier;

import org.baiti.refusal.Refusal;

/**
 * The command line's words, from the same bundles as the pages ({@code messages*.properties}, keys {@code cli.}): in
 * Chinese unless the machine's locale is English — the first of {@code LC_ALL}, {@code LC_MESSAGES} and {@code LANG}
 * that is set (POSIX order) starts with {@code en}. A message with arguments is formatted as Spring formats it
 * ({@link MessageFormat}); one without is used as written.
 */
public final class CliMessages {

    /** The environment the language is read from; tests replace it. */
    static Supplier<Map<String, String>> environment = System::getenv;

    private CliMessages() {
    }

    /** The language of the command line's output on this machine. */
    public static Locale locale() {
        return locale(environment.get());
    }

    static Locale locale(Map<String, String> env) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = env.get(name);
            if (value != null && !value.isBlank()) {
                return value.toLowerCase(Locale.ROOT).startsWith("en") ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
            }
        }
        return Locale.SIMPLIFIED_CHINESE;
    }

    /** The bundle of {@code locale}'s language: English, or the Chinese default. */
    static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle("messages", "en".equals(locale.getLanguage()) ? Locale.ENGLISH : Locale.ROOT,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    /** The message {@code key} in this machine's language. */
    public static String text(String key, Object... args) {
        return text(locale(), key, args);
    }

    static String text(Locale locale, String key, Object... args) {
        String pattern = bundle(locale).getString(key);
        return args.length == 0 ? pattern : new MessageFormat(pattern, locale).format(args);
    }

    /** A domain refusal as the command line says it: its words in this machine's language, then its stable code. */
    static String refused(Refusal refusal) {
        Locale locale = locale();
        var wording = refusal.wording();
        Object[] args = wording.getArguments() == null ? new Object[0] : wording.getArguments();
        String key = wording.getCodes()[0];
        String words = bundle(locale).containsKey(key) ? text(locale, key, args) : key;
        return text(locale, "cli.refused", words, refusal.code());
    }

    /** The innermost message of a failure (what went wrong opening a database, say). */
    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
