package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.Optional;

import nl.kindplan.hub.domain.KindDossier;

/** One signal of signals.md as a pure rule: the same dossier and date always give the same answer. */
public interface SignalRule {

    SignalCode code();

    Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf);
}
