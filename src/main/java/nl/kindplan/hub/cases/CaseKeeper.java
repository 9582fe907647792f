package nl.kindplan.hub.cases;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import nl.kindplan.hub.cases.CaseStore.StoredEvent;
import nl.kindplan.hub.delivery.CaseMessages;
import nl.kindplan.hub.delivery.DeliverySettings;
import nl.kindplan.hub.delivery.Minimisation;
import nl.kindplan.hub.delivery.Outbox;
import nl.kindplan.hub.delivery.Recipient;
import nl.kindplan.hub.delivery.RecipientType;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.signal.KindContext;
import nl.kindplan.hub.signal.SignalEvaluator;
import nl.kindplan.hub.signal.SignalHit;
import nl.kindplan.hub.store.KindStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Evaluates every known child on the run's reference date and keeps its cases: each child in a
 * transaction of its own, in which its case events are stored and queued in the outbox for the
 * gemeente and the samenwerkingsverband. A night run again finds nothing changed and queues nothing.
 */
@Component("caseKeeper")
public class CaseKeeper {

    private static final Logger LOG = LoggerFactory.getLogger(CaseKeeper.class);

    private final KindStore kinderen;
    private final CaseStore cases;
    private final SignalEvaluator evaluator;
    private final CaseMessages messages;
    private final Minimisation minimisation;
    private final DeliverySettings delivery;
    private final Outbox outbox;
    private final Mappings mappings;
    private final ObjectMapper json;
    private final TransactionTemplate tx;

    public CaseKeeper(KindStore kinderen, CaseStore cases, SignalEvaluator evaluator, CaseMessages messages,
                      Minimisation minimisation, DeliverySettings delivery, Outbox outbox, Mappings mappings,
                      ObjectMapper json, TransactionTemplate tx) {
        this.kinderen = kinderen;
        this.cases = cases;
        this.evaluator = evaluator;
        this.messages = messages;
        this.minimisation = minimisation;
        this.delivery = delivery;
        this.outbox = outbox;
        this.mappings = mappings;
        this.json = json;
        this.tx = tx;
    }

    /** What the evaluation did: children evaluated and events per signal and kind ("events.SIGNAL.EVENT"). */
    public record Outcome(int kinderen, Map<String, Long> counts) {
    }

    public Outcome evaluateAll(long runId, LocalDate asOf) {
        Map<String, Long> counts = new TreeMap<>();
        List<Long> ids = kinderen.allKindIds();
        LOG.info("Run {} on {}: evaluating {} children", runId, asOf, ids.size());
        int progressEvery = Math.max(100, ids.size() / 10);
        int done = 0;
        long stored = 0;
        for (long kindId : ids) {
            List<StoredEvent> events = tx.execute(status -> evaluate(kindId, runId, asOf));
            for (StoredEvent e : events) {
                counts.merge("events." + e.signal().name() + "." + e.event().name(), 1L, Long::sum);
            }
            stored += events.size();
            if (++done % progressEvery == 0 && done < ids.size()) {
                LOG.info("Run {}: {} of {} children evaluated, {} events stored and queued", runId, done, ids.size(), stored);
            }
        }
        LOG.info("Run {} on {}: {} children evaluated, events {}", runId, asOf, ids.size(), counts);
        return new Outcome(ids.size(), counts);
    }

    private List<StoredEvent> evaluate(long kindId, long runId, LocalDate asOf) {
        Optional<KindDossier> found = kinderen.dossier(kindId);
        if (found.isEmpty()) {
            return List.of();
        }
        KindDossier dossier = found.get();
        List<SignalHit> hits = evaluator.evaluate(dossier, asOf);
        List<CaseChange> changes = CaseLifecycle.compare(cases.openCases(kindId), hits);
        if (changes.isEmpty()) {
            return List.of();
        }
        List<Recipient> recipients = recipients(dossier, asOf);
        List<StoredEvent> stored = new ArrayList<>();
        for (CaseChange change : changes) {
            StoredEvent event = cases.apply(kindId, change, asOf, runId);
            for (Recipient recipient : recipients) {
                queue(dossier, event, recipient, asOf);
            }
            stored.add(event);
        }
        return stored;
    }

    private void queue(KindDossier dossier, StoredEvent event, Recipient recipient, LocalDate asOf) {
        ObjectNode full = messages.compose(dossier, event, recipient, asOf);
        String payload;
        try {
            payload = json.writeValueAsString(minimisation.apply(recipient.type(), full));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write case message " + event.caseId(), e);
        }
        DeliverySettings.Channels channels = delivery.channels(recipient);
        if (channels.jms()) {
            outbox.add(event, recipient, Outbox.Channel.JMS, recipient.queue(), payload);
        }
        if (channels.webhook() != null && !channels.webhook().isBlank()) {
            outbox.add(event, recipient, Outbox.Channel.WEBHOOK, channels.webhook(), payload);
        }
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
