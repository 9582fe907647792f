package nl.kindplan.hub.api;

import java.util.Optional;

import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.store.KindStore;
import org.springframework.stereotype.Component;

/** Puts one child's {@link KindRecord} together from the store and the cases, for the API and the inzage alike. */
@Component
public class KindDossiers {

    private final KindStore store;
    private final CaseStore cases;
    private final Mappings mappings;

    public KindDossiers(KindStore store, CaseStore cases, Mappings mappings) {
        this.store = store;
        this.cases = cases;
        this.mappings = mappings;
    }

    /** The child known by this number (BSN or onderwijsnummer), if the store has one. */
    public Optional<Long> kindId(String nummer) {
        return store.findKindId(nummer);
    }

    public Optional<KindRecord> record(long kindId) {
        return store.dossier(kindId).map(d -> KindRecord.of(d, cases.cases(kindId), mappings, store.nachten(kindId),
                cases.swvPerCase(kindId)));
    }
}
