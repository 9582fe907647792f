package nl.kindplan.hub.delivery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import nl.kindplan.hub.domain.Elfproef;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jms.connection.SingleConnectionFactory;
import org.springframework.jms.core.JmsTemplate;
import org.springframework.stereotype.Component;

/**
 * The dead-letter queue ({@code kindplan.delivery.dead-letter-queue}) as the dashboard shows it,
 * and its re-send action.
 *
 * <p>The list is a JMS {@code QueueBrowser}: looking does not take anything off the queue.
 *
 * <p>Re-sending a message sends it at once to its original destination, the one its outbox entry
 * (JMS property {@code outboxId}) records: a JMS queue, as persistent message with the properties
 * caseId, event, signal and outboxId, or a webhook through the same {@code direct:deliver-webhook}
 * route and retries as the nightly delivery. Delivered, the outbox
 * entry becomes SENT and the message is taken off the dead-letter queue (a receive with a
 * JMSMessageID selector). A webhook that fails again dead-letters the message anew, with the new
 * reason, and the old copy is taken off. A message without a known outbox entry cannot be re-sent.
 */
@Component
public class DeadLetters {

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetters.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One dead letter; the child only as a masked number. */
    public record DeadLetter(String id, Instant tijdstip, String caseId, String event, String signal, String reden,
                             Long outboxId, String ontvangerType, String ontvanger, String kanaal, String bestemming,
                             String kind) {
    }

    public record Listing(long aantal, List<DeadLetter> berichten) {
    }

    public enum Outcome { VERZONDEN, OPNIEUW_MISLUKT }

    public record Resent(String id, Outcome uitkomst, String bestemming, String reden) {
    }

    /** The message is not (or no longer) on the dead-letter queue. */
    public static class NotFound extends RuntimeException {
        NotFound(String id) {
            super("bericht " + id + " staat niet (meer) in de dead-letter queue");
        }
    }

    /** The message cannot be re-sent: no outbox entry tells where it should go. */
    public static class NotResendable extends RuntimeException {
        NotResendable(String message) {
            super(message);
        }
    }

    private record Target(long outboxId, String recipientType, String recipientCode, String channel,
                          String destination) {
    }

    private record Letter(String caseId, String event, String signal, String payload, Optional<Target> target) {
    }

    private final JmsTemplate jms;
    private final String queue;
    private final JdbcTemplate jdbc;
    private final ProducerTemplate camel;
    private final Outbox outbox;

    public DeadLetters(ConnectionFactory connectionFactory, @Value("${kindplan.delivery.dead-letter-queue}") String queue,
                       JdbcTemplate jdbc, ProducerTemplate camel, Outbox outbox) {
        // a connection of its own per call: a caching factory would keep a consumer per selector
        ConnectionFactory plain = connectionFactory instanceof SingleConnectionFactory single
                && single.getTargetConnectionFactory() != null ? single.getTargetConnectionFactory() : connectionFactory;
        this.jms = new JmsTemplate(plain);
        this.jms.setReceiveTimeout(2000);
        this.queue = queue;
        this.jdbc = jdbc;
        this.camel = camel;
        this.outbox = outbox;
    }

    public Listing list(int max) {
        return jms.browse(queue, (session, browser) -> {
            List<DeadLetter> letters = new ArrayList<>();
            long count = 0;
            for (var e = browser.getEnumeration(); e.hasMoreElements(); count++) {
                Message m = (Message) e.nextElement();
                if (letters.size() < max) {
                    letters.add(view(m));
                }
            }
            return new Listing(count, letters);
        });
    }

    /** Sends the message to its original destination and takes it off the dead-letter queue. */
    public synchronized Resent resend(String messageId) {
        if (messageId == null || !messageId.matches("[A-Za-z0-9:._\\-]{1,200}")) {
            throw new NotFound(String.valueOf(messageId));
        }
        String selector = "JMSMessageID = '" + messageId + "'";
        Letter letter = jms.browseSelected(queue, selector, (session, browser) -> {
            var e = browser.getEnumeration();
            if (!e.hasMoreElements()) {
                return null;
            }
            Message m = (Message) e.nextElement();
            return new Letter(m.getStringProperty("caseId"), m.getStringProperty("event"),
                    m.getStringProperty("signal"), text(m), target(m));
        });
        if (letter == null) {
            throw new NotFound(messageId);
        }
        Target target = letter.target().orElseThrow(() -> new NotResendable(
                "bericht " + messageId + " heeft geen bekende outbox-regel: de oorspronkelijke bestemming is onbekend"));
        Exchange sent = "JMS".equals(target.channel())
                ? camel.send("jms:queue:" + target.destination() + "?exchangePattern=InOnly&deliveryPersistent=true",
                        ex -> prepare(ex, letter, target))
                : camel.send("direct:deliver-webhook", ex -> prepare(ex, letter, target));
        if (sent.getException() != null) {
            // nothing was delivered: the message stays where it is
            throw new IllegalStateException("opnieuw versturen naar " + shown(target) + " mislukt: "
                    + sent.getException().getMessage(), sent.getException());
        }
        String failedAgain = sent.getProperty("kindplanReason", String.class);
        if (failedAgain == null) {
            outbox.markResent(target.outboxId());
        }
        Message taken = jms.receiveSelected(queue, selector);
        if (taken == null) {
            LOG.warn("Dead letter {} was re-sent but was no longer on {} to take off", messageId, queue);
        }
        LOG.info("Dead letter {} (outbox {}) re-sent to {}: {}", messageId, target.outboxId(), shown(target),
                failedAgain == null ? "delivered" : "failed again");
        return failedAgain == null
                ? new Resent(messageId, Outcome.VERZONDEN, shown(target), null)
                : new Resent(messageId, Outcome.OPNIEUW_MISLUKT, shown(target), Elfproef.maskeerNummers(failedAgain));
    }

    private static void prepare(Exchange ex, Letter letter, Target target) {
        ex.getIn().setBody(letter.payload());
        ex.getIn().setHeader("caseId", letter.caseId());
        ex.getIn().setHeader("event", letter.event());
        ex.getIn().setHeader("signal", letter.signal());
        ex.getIn().setHeader("outboxId", target.outboxId());
        ex.setProperty("kindplanOutboxId", target.outboxId());
        ex.setProperty("kindplanDestination", target.destination());
        ex.setProperty("kindplanChannel", target.channel());
    }

    private DeadLetter view(Message m) throws JMSException {
        Optional<Target> target = target(m);
        long timestamp = m.getJMSTimestamp();
        return new DeadLetter(m.getJMSMessageID(), timestamp > 0 ? Instant.ofEpochMilli(timestamp) : null,
                m.getStringProperty("caseId"), m.getStringProperty("event"), m.getStringProperty("signal"),
                Elfproef.maskeerNummers(m.getStringProperty("reason")), target.map(Target::outboxId).orElse(null),
                target.map(Target::recipientType).orElse(null), target.map(Target::recipientCode).orElse(null),
                target.map(Target::channel).orElse(null), target.map(DeadLetters::shown).orElse(null),
                maskedChild(text(m)));
    }

    private Optional<Target> target(Message m) throws JMSException {
        String outboxId = m.getStringProperty("outboxId");
        if (outboxId == null || !outboxId.matches("[0-9]{1,18}")) {
            return Optional.empty();
        }
        return jdbc.query("SELECT id, recipient_type, recipient_code, channel, destination FROM outbox WHERE id = ?",
                (rs, n) -> new Target(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5)), Long.parseLong(outboxId)).stream().findFirst();
    }

    /** A queue name as is; a webhook without its query string, which may hold a token. */
    private static String shown(Target t) {
        String d = t.destination();
        int q = d.indexOf('?');
        return q < 0 ? d : d.substring(0, q);
    }

    private static String text(Message m) throws JMSException {
        return m instanceof TextMessage t ? t.getText() : null;
    }

    private static String maskedChild(String payload) {
        if (payload == null) {
            return null;
        }
        try {
            JsonNode kind = JSON.readTree(payload).path("kind");
            String nummer = kind.hasNonNull("bsn") ? kind.get("bsn").asString()
                    : kind.hasNonNull("onderwijsnummer") ? kind.get("onderwijsnummer").asString() : null;
            return nummer == null ? null : Elfproef.masker(nummer);
        } catch (JacksonException e) {
            return null;
        }
    }
}
