package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.domain.JeugdhulpRegel;

/**
 * One toewijzing of a child, identified by its ToewijzingNummer (unique within a gemeente, so in
 * practice within one child's record).
 *
 * @param nummer the ToewijzingNummer
 * @param jw301  the current JW301 line (newest Dagtekening, then BerichtIdentificatie), or null
 *               when only a stop of it is stored
 * @param stops  its JW307 stop lines that are not withdrawn
 */
public record Toewijzing(String nummer, JeugdhulpRegel jw301, List<JeugdhulpRegel> stops) {

    public Toewijzing {
        stops = List.copyOf(stops);
    }

    /**
     * jeugdhulp actief on D (signals.md): Ingangsdatum {@literal <=} D, no Einddatum or Einddatum
     * {@literal >=} D, and no stop with Einddatum before D. A stop on D itself is the last day of care.
     */
    public boolean actiefOp(LocalDate dag) {
        if (jw301 == null || jw301.ingangsdatum() == null || jw301.ingangsdatum().isAfter(dag)) {
            return false;
        }
        if (jw301.einddatum() != null && jw301.einddatum().isBefore(dag)) {
            return false;
        }
        return stops.stream().noneMatch(s -> s.einddatum() != null && s.einddatum().isBefore(dag));
    }
}
