package nl.kindplan.hub.signal;

import java.util.Objects;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * A fact a signal rests on, so a case can be explained and traced back to its source file and
 * line. {@code id} is the fact's id at its source: the meldingsnummer, the regelId, or for iJw the
 * ToewijzingNummer (JW301/JW305/JW307), the ReferentieAanbieder (JW315), else the
 * BerichtIdentificatie.
 */
public record Grond(Soort soort, String id, Herkomst herkomst) {

    public enum Soort { MELDING, REGISTRATIE, JEUGDHULP }

    public Grond {
        Objects.requireNonNull(soort, "soort");
    }

    public static Grond van(Verzuimmelding melding) {
        return new Grond(Soort.MELDING, melding.meldingsnummer(), melding.herkomst());
    }

    public static Grond van(Registratie registratie) {
        return new Grond(Soort.REGISTRATIE, registratie.regelId(), registratie.herkomst());
    }

    public static Grond van(JeugdhulpRegel regel) {
        String id = regel.berichttype() == JeugdhulpRegel.Berichttype.JW315
                ? eerste(regel.referentieAanbieder(), regel.toewijzingNummer(), regel.berichtIdentificatie())
                : eerste(regel.toewijzingNummer(), regel.referentieAanbieder(), regel.berichtIdentificatie());
        return new Grond(Soort.JEUGDHULP, id, regel.herkomst());
    }

    private static String eerste(String... kandidaten) {
        for (String k : kandidaten) {
            if (k != null && !k.isBlank()) {
                return k;
            }
        }
        return null;
    }
}
