package nl.kindplan.hub.delivery;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import nl.kindplan.hub.cases.CaseStore.StoredEvent;
import nl.kindplan.hub.cases.EventOutbox;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.signal.KindContext;
import org.springframework.stereotype.Component;

/**
 * Queues each case event for its recipients (signals.md, 'Who is told'): the child's gemeente
 * always, the samenwerkingsverband of its school where the school table knows the school; per
 * recipient the minimised message, on its JMS queue and/or its webhook. Written to the {@link Outbox} in
 * JDBC batches, in the transaction that stores the events.
 */
@Component
public class OutboxQueue implements EventOutbox {

    private final CaseMessages messages;
    private final Minimisation minimisation;
    private final DeliverySettings delivery;
    private final Mappings mappings;
    private final ObjectMapper json;
    private final Outbox outbox;

    public OutboxQueue(CaseMessages messages, Minimisation minimisation, DeliverySettings delivery, Mappings mappings,
                       ObjectMapper json, Outbox outbox) {
        this.messages = messages;
        this.minimisation = minimisation;
        this.delivery = delivery;
        this.mappings = mappings;
        this.json = json;
        this.outbox = outbox;
    }

    /** One message to be queued: for one recipient over one channel. */
    private record Row(Recipient recipient, Outbox.Channel channel, String destination, String payload) {
    }

    private record Rows(List<Row> rows) implements Prepared {
    }

    @Override
    public Prepared prepare(KindDossier dossier, StoredEvent event, LocalDate asOf) {
        List<Row> rows = new ArrayList<>();
        for (Recipient recipient : recipients(dossier, asOf)) {
            ObjectNode full = messages.compose(dossier, event, recipient, asOf);
            String payload;
            try {
                payload = json.writeValueAsString(minimisation.apply(recipient.type(), full));
            } catch (JacksonException e) {
                throw new IllegalStateException("cannot write case message " + event.caseId(), e);
            }
            DeliverySettings.Channels channels = delivery.channels(recipient);
            if (channels.jms()) {
                rows.add(new Row(recipient, Outbox.Channel.JMS, recipient.queue(), payload));
            }
            if (channels.webhook() != null && !channels.webhook().isBlank()) {
                rows.add(new Row(recipient, Outbox.Channel.WEBHOOK, channels.webhook(), payload));
            }
        }
        return new Rows(rows);
    }

    @Override
    public void queue(List<Queued> events) {
        List<Outbox.NewMessage> messages = new ArrayList<>();
        for (Queued q : events) {
            for (Row r : ((Rows) q.prepared()).rows()) {
                messages.add(new Outbox.NewMessage(q.eventId(), r.recipient(), r.channel(), r.destination(), r.payload()));
            }
        }
        outbox.addAll(messages);
    }

    /** The child's gemeente always; the samenwerkingsverband of its school where the table knows the school. */
    private List<Recipient> recipients(KindDossier dossier, LocalDate asOf) {
        List<Recipient> recipients = new ArrayList<>();
        KindContext.gemeente(dossier).ifPresent(g -> recipients.add(new Recipient(RecipientType.GEMEENTE, g)));
        KindContext.schoolRegistratie(dossier, asOf)
                .flatMap(r -> mappings.samenwerkingsverband(r.brin(), r.vestiging()))
                .ifPresent(swv -> recipients.add(new Recipient(RecipientType.SWV, swv.code())));
        return recipients;
    }
}
