package org.baiti.share;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param font {@code baiti.poster.font}: a font file with Chinese glyphs for posters (empty: found on the machine) */
@ConfigurationProperties("baiti.poster")
record PosterSettings(@DefaultValue("") String font) {
}
