package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;

/** One signal of signals.md as a pure rule: the same dossier and date always give the same answer. */
public interface SignalRule {

    SignalCode code();

    /** The signal on one child's record read on D; the evaluator reads the record once for all rules. */
    Optional<SignalHit> evaluate(KindOpDatum kind);

    /** The same for a record and a date, read for this rule alone. */
    Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf);
}
