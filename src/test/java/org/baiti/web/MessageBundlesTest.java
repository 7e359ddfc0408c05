package org.baiti.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every piece of text has both languages: the same keys in both bundles, none of them empty. */
class MessageBundlesTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = MessageBundlesTest.class.getResourceAsStream("/" + name)) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothBundlesHoldTheSameKeysAndNoEmptyText() throws IOException {
        Properties zh = load("messages.properties");
        Properties en = load("messages_en.properties");
        TreeSet<String> onlyZh = new TreeSet<>(zh.stringPropertyNames());
        onlyZh.removeAll(en.stringPropertyNames());
        TreeSet<String> onlyEn = new TreeSet<>(en.stringPropertyNames());
        onlyEn.removeAll(zh.stringPropertyNames());
        assertThat(onlyZh).as("keys without English").isEmpty();
        assertThat(onlyEn).as("keys without Chinese").isEmpty();
        for (String key : zh.stringPropertyNames()) {
            assertThat(zh.getProperty(key)).as("zh " + key).isNotBlank();
            assertThat(en.getProperty(key)).as("en " + key).isNotBlank();
        }
        assertThat(zh.getProperty("error.not_found")).isEqualTo("未找到");
        assertThat(en.getProperty("error.not_found")).isEqualTo("Not found");
    }
}
