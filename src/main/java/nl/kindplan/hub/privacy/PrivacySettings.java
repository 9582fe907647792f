package nl.kindplan.hub.privacy;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kindplan.privacy.*}: the key of the pseudonymised subject in the processing log. None is
 * shipped: empty means the hub generates one at its first start (see {@link PseudonymKey}).
 *
 * @param pseudonymKey base64 of at least 32 bytes, e.g. from {@code KINDPLAN_PRIVACY_PSEUDONYM_KEY}
 */
@ConfigurationProperties(prefix = "kindplan.privacy")
public record PrivacySettings(String pseudonymKey) {
}
