package org.baiti.person;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param hashKey {@code baiti.privacy.hash-key}: the key of the phone pseudonyms (empty: one made once and kept in the
 *                data folder's {@code privacy.key}); the same on every node
 */
@ConfigurationProperties("baiti.privacy")
record PrivacyKeySettings(@DefaultValue("") String hashKey) {
}
