package org.baiti.settings;

import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

class SiteSettingsTest {

    private static SiteSettings bind(Map<String, String> properties) {
        return new Binder(new MapConfigurationPropertySource(properties)).bindOrCreate("baiti", SiteSettings.class);
    }

    @Test
    void defaultsAreInOnePlace() {
        SiteSettings s = bind(Map.of());
        assertThat(s.dataDir()).isEqualTo("./data");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
        assertThat(s.publicUrl()).isEmpty();
        assertThat(s.contestCacheMillis()).isEqualTo(1000);
    }

    @Test
    void theKeysOfTheReadmeSetThem() {
        SiteSettings s = bind(Map.of("baiti.data-dir", "/srv/baiti", "baiti.time-zone", "Asia/Urumqi",
                "baiti.public-url", "https://dati.example.cn", "baiti.contest-cache-millis", "0"));
        assertThat(s.dataPath().toString()).isEqualTo("/srv/baiti");
        assertThat(s.timeZone()).isEqualTo(ZoneId.of("Asia/Urumqi"));
        assertThat(s.publicUrl()).isEqualTo("https://dati.example.cn");
        assertThat(s.contestCacheMillis()).isZero();
    }
}
