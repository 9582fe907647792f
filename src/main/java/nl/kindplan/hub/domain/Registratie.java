package nl.kindplan.hub.domain;

import java.time.LocalDate;

/**
 * A school registration (inschrijving) or a vrijstelling, from DUO's registrations export or an
 * EDEXML school snapshot (inputs.md §3). {@code regelId} is the stable id at the source.
 */
public record Registratie(Bron bron, String regelId, Soort soort, String gemeentecode, String brin,
                          String vestiging, String onderwijssoort, LocalDate begindatum,
                          LocalDate einddatum, String reden, String vrijstelling, boolean verwijderd,
                          Herkomst herkomst) {

    public enum Soort { INSCHRIJVING, VRIJSTELLING }

    /** Registrations from different sources never replace each other. */
    public enum Bron { DUO, EDEXML }

    /** Not deleted, begun on or before the day and not ended before it (signals.md). */
    public boolean geldigOp(LocalDate dag) {
        return !verwijderd && !begindatum.isAfter(dag) && (einddatum == null || !einddatum.isBefore(dag));
    }
}
