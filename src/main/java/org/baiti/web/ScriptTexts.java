package org.baiti.web;

import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.TreeMap;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The words a page script shows, from the same bundles as the page, in the page's language. A template embeds them as
 * <pre>{@code <script type="application/json" id="baiti-texts" th:with="texts=${@scriptTexts.json('online.js.')}"
 *         th:utext="${texts}"></script>}</pre>
 * (Thymeleaf refuses a bean call in {@code th:utext} itself)
 * and the script reads them with {@code /js/texts.js}: {@code BaitiTexts.t('online.js.saved', 3)}. Messages keep their
 * {@code {0}} placeholders (filled in by the script) and MessageFormat's quoting ({@code ''}).
 */
@Component("scriptTexts")
public class ScriptTexts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MessageSource messages;
    private final ResourceBundle keys = ResourceBundle.getBundle("messages", Locale.ROOT);

    ScriptTexts(MessageSource messages) {
        this.messages = messages;
    }

    /** Every message whose key starts with one of {@code prefixes}, in the current request's language, as JSON. */
    public String json(String... prefixes) {
        Locale locale = LocaleContextHolder.getLocale();
        Map<String, String> texts = new TreeMap<>();
        for (String key : keys.keySet()) {
            for (String prefix : prefixes) {
                if (key.startsWith(prefix)) {
                    texts.put(key, messages.getMessage(key, null, key, locale));
                }
            }
        }
        // "</" would end the script element the JSON sits in.
        return JSON.writeValueAsString(texts).replace("</", "<\\/");
    }
}
