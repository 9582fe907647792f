package nl.kindplan.hub.demo;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.List;

/**
 * The synthetic facts behind the demo files: children, their registrations, verzuimmeldingen and
 * jeugdhulp trajects. The writers turn these into the source formats; nothing here knows a format.
 */
record DemoWorld(LocalDate asOf, List<Kind> kinderen, List<Registratie> registraties,
                  List<Melding> meldingen, List<Traject> trajecten) {

    record Adres(String straat, int huisnummer, String postcode, DemoNames.Gemeente gemeente) {
    }

    /**
     * A demo child. {@code bsn} or {@code onderwijsnummer} may be null, not both. A child with both
     * is known to its school only by the onderwijsnummer (meldingen), to DUO's registrations by both.
     */
    record Kind(int nr, String bsn, String onderwijsnummer, LocalDate geboortedatum, String geslacht,
                String voornamen, String voorvoegsel, String achternaam, Adres adres, Scenario scenario) {

        String sleutel() {
            return bsn != null ? bsn : onderwijsnummer;
        }

        int leeftijdOp(LocalDate dag) {
            return Period.between(geboortedatum, dag).getYears();
        }

        /** What a school's verzuimmelding carries: the onderwijsnummer when the school has one. */
        String meldingBsn() {
            return onderwijsnummer != null ? null : bsn;
        }
    }

    enum Soort { INSCHRIJVING, VRIJSTELLING }

    /**
     * An inschrijving or vrijstelling as DUO keeps it. {@code bekendOp} is the day DUO learnt of it,
     * {@code eindeBekendOp} of its end, {@code verwijderdOp} of its removal (entered in error); these
     * decide in which mutatie file it appears.
     */
    record Registratie(String regelId, Kind kind, Soort soort, String gemeentecode, DemoSchool school,
                       String onderwijssoort, LocalDate begindatum, LocalDate einddatum, String reden,
                       String vrijstelling, LocalDate bekendOp, LocalDate eindeBekendOp,
                       LocalDate verwijderdOp) {

        boolean verwijderd() {
            return verwijderdOp != null;
        }
    }

    /** One version of a melding: status and einddatum as of {@code laatsteMutatie}. */
    record Versie(LocalDateTime laatsteMutatie, String status, LocalDate einddatum) {
    }

    /** A DUO verzuimmelding with its versions, oldest first. */
    record Melding(String meldingsnummer, Kind kind, String verzuimsoort, DemoSchool school,
                   String gemeentecode, LocalDate begindatum, Integer uren, String vermoedelijkeReden,
                   List<Versie> versies) {
    }

    /** A JW301 toewijzing; {@code einddatum} may be null (open-ended). */
    record Toewijzing(String nummer, LocalDate toewijzingsdatum, LocalDate ingangsdatum, LocalDate einddatum) {
    }

    /** A JW305 start of care. */
    record Start(LocalDate begindatum, LocalDate dagtekening) {
    }

    /** A JW307 stop; {@code ingetrokkenOp} is the Dagtekening of a later JW307 withdrawing it, or null. */
    record Stop(LocalDate einddatum, String redenBeeindiging, LocalDate dagtekening, LocalDate ingetrokkenOp) {
    }

    /**
     * One product's way through the iJw traffic: an optional JW315 request (Dagtekening
     * {@code aangevraagdOp}), an optional JW301 answer, start and stop. Any later step may be null.
     */
    record Traject(Kind kind, String gemeentecode, String aanbieder, String referentieAanbieder,
                   String productcategorie, String productcode, String verwijzerType,
                   LocalDate aangevraagdOp, LocalDate gevraagdeIngangsdatum,
                   Toewijzing toewijzing, Start start, Stop stop) {
    }
}
