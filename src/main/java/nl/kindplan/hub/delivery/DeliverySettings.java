package nl.kindplan.hub.delivery;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Recipients and their channels ({@code kindplan.delivery.*}). Every recipient gets its JMS queue
 * unless its entry says {@code jms: false}; one with a {@code webhook} URL also (or instead) gets
 * the same JSON POSTed there. Codes are map keys: write a gemeentecode as {@code "[0363]"} in YAML.
 */
@ConfigurationProperties(prefix = "kindplan.delivery")
public record DeliverySettings(@DefaultValue Map<String, Channels> swv, @DefaultValue Map<String, Channels> gemeente,
                               @DefaultValue("kindplan.dlq") String deadLetterQueue) {

    /** The channels of one recipient. */
    public record Channels(@DefaultValue("true") boolean jms, String webhook) {
    }

    public Channels channels(Recipient recipient) {
        Map<String, Channels> byCode = recipient.type() == RecipientType.SWV ? swv : gemeente;
        Channels channels = byCode == null ? null : byCode.get(recipient.code());
        return channels == null ? new Channels(true, null) : channels;
    }
}
