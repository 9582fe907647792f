package nl.kindplan.hub.bench;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import nl.kindplan.hub.demo.DemoSchool;

/**
 * One child of the benchmark population with its facts as known on the first night: registrations,
 * meldingen (the newest version of each), at most one jeugdhulp traject. Made on the fly by
 * {@link Population} and dropped once written, so the population is never held in memory.
 */
final class BenchKind {

    /** What the child was made to show on the first night (signals.md), or a harmless story. */
    enum Verhaal { GEWOON, THUISZITTER, ABSOLUUT_VERZUIM, ZORG_NIET_TOEGEWEZEN, ZORG_GESTOPT, MATCH, LUXE_VERZUIM,
        VRIJSTELLING, EMIGRATIE, SCHOOLWISSEL }

    record Registratie(String regelId, String soort, String gemeentecode, DemoSchool school, String onderwijssoort,
                       LocalDate begindatum, LocalDate einddatum, String reden, String vrijstelling) {
    }

    record Melding(String meldingsnummer, String verzuimsoort, DemoSchool school, String gemeentecode,
                   LocalDate begindatum, Integer uren, String reden, String status, LocalDateTime laatsteMutatie,
                   LocalDate einddatum) {

        boolean open() {
            return "R".equals(status) || "B".equals(status);
        }
    }

    /**
     * A jeugdhulp traject. {@code aangevraagdOp} null: no JW315; {@code toewijzingsdatum} null: no
     * JW301 yet; {@code startBegin} null: no JW305; {@code stopEinde} null: no JW307.
     * {@code jw301Ontbreekt}: the JW301 exists but never reached the hub (sent before the hub started),
     * so its JW305/JW307 are orphans.
     */
    record Traject(String aanbieder, String referentie, String categorie, String productcode, String verwijzer,
                   LocalDate aangevraagdOp, String toewijzingNummer, LocalDate toewijzingsdatum, LocalDate ingang,
                   LocalDate einde, LocalDate startBegin, LocalDate startDagtekening, LocalDate stopEinde,
                   String stopReden, LocalDate stopDagtekening, boolean jw301Ontbreekt) {
    }

    final int nr;
    final String bsn;
    final String onderwijsnummer;
    final LocalDate geboortedatum;
    final String geslacht;
    final String voornamen;
    final String voorvoegsel;
    final String achternaam;
    final String gemeentecode;
    final String postcode;
    final Verhaal verhaal;
    final List<Registratie> registraties = new ArrayList<>(2);
    final List<Melding> meldingen = new ArrayList<>(2);
    Traject traject;
    /** A second child (another BSN) registered with this child's onderwijsnummer: an identity conflict. */
    String conflictBsn;

    BenchKind(int nr, String bsn, String onderwijsnummer, LocalDate geboortedatum, String geslacht, String voornamen,
              String voorvoegsel, String achternaam, String gemeentecode, String postcode, Verhaal verhaal) {
        this.nr = nr;
        this.bsn = bsn;
        this.onderwijsnummer = onderwijsnummer;
        this.geboortedatum = geboortedatum;
        this.geslacht = geslacht;
        this.voornamen = voornamen;
        this.voorvoegsel = voorvoegsel;
        this.achternaam = achternaam;
        this.gemeentecode = gemeentecode;
        this.postcode = postcode;
        this.verhaal = verhaal;
    }

    int leeftijdOp(LocalDate dag) {
        return Period.between(geboortedatum, dag).getYears();
    }

    /** A school's melding carries the onderwijsnummer when the child has one (inputs.md §1). */
    String meldingBsn() {
        return onderwijsnummer != null ? null : bsn;
    }

    Registratie huidigeInschrijving() {
        for (Registratie r : registraties) {
            if ("INSCHRIJVING".equals(r.soort()) && r.einddatum() == null) {
                return r;
            }
        }
        return null;
    }

    Melding openMelding() {
        for (Melding m : meldingen) {
            if (m.open()) {
                return m;
            }
        }
        return null;
    }
}
