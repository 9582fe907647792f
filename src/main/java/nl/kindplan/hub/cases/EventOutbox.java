package nl.kindplan.hub.cases;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.cases.CaseStore.StoredEvent;
import nl.kindplan.hub.domain.KindDossier;

/**
 * Where the night's case events are queued for their recipients, in the transaction that stores
 * them (a transactional outbox). Implemented by the delivery side, which knows the recipients and
 * the messages; declared here so that evaluation never depends on delivery.
 */
public interface EventOutbox {

    /** What is to be queued for one event: composed before anything is stored, so a failure stays with its child. */
    interface Prepared {
    }

    /** Composes what each recipient gets of this event (its id is not known yet). */
    Prepared prepare(KindDossier dossier, StoredEvent event, LocalDate asOf);

    /** Queues what was prepared for these events, now stored with their ids, in the caller's transaction. */
    void queue(List<Queued> events);

    /** A stored event and what was prepared for it. */
    record Queued(long eventId, Prepared prepared) {
    }
}
