package nl.kindplan.hub.signal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Registratie.Bron;
import nl.kindplan.hub.domain.Registratie.Soort;
import nl.kindplan.hub.domain.Verzuimmelding;

/** Fluent builder of test dossiers; every fact gets its own file + line so gronden can be traced. */
final class DossierBuilder {

    static final String AANBIEDER = "12345678";

    private final LocalDate geboren;
    private String gemeente = "0363";
    private String brin = "12AB";
    private int regel;
    private final List<Registratie> registraties = new ArrayList<>();
    private final List<Verzuimmelding> meldingen = new ArrayList<>();
    private final List<JeugdhulpRegel> jeugdhulp = new ArrayList<>();

    private DossierBuilder(LocalDate geboren) {
        this.geboren = geboren;
    }

    static DossierBuilder kind(LocalDate geboren) {
        return new DossierBuilder(geboren);
    }

    /** A plichtig child (12 on the test dates of 2025). */
    static DossierBuilder kind() {
        return kind(LocalDate.of(2012, 5, 10));
    }

    /** A laatste_mutatie moment on that day. */
    static LocalDateTime moment(int jaar, int maand, int dag) {
        return LocalDate.of(jaar, maand, dag).atTime(9, 0);
    }

    /** The gemeente and school of the facts added after this call. */
    DossierBuilder in(String gemeentecode, String brinCode) {
        this.gemeente = gemeentecode;
        this.brin = brinCode;
        return this;
    }

    DossierBuilder inschrijving(String regelId, LocalDate begin, LocalDate eind) {
        return uitgeschreven(regelId, begin, eind, eind == null ? null : "SCHOOLWISSEL");
    }

    DossierBuilder uitgeschreven(String regelId, LocalDate begin, LocalDate eind, String reden) {
        return registratie(Bron.DUO, regelId, Soort.INSCHRIJVING, begin, eind, reden, null, false);
    }

    DossierBuilder verwijderdeInschrijving(String regelId, LocalDate begin, LocalDate eind) {
        return registratie(Bron.DUO, regelId, Soort.INSCHRIJVING, begin, eind, null, null, true);
    }

    /** An EDEXML leerling: instroomdatum/uitstroomdatum, no reden and no gemeentecode. */
    DossierBuilder edexml(String regelId, LocalDate instroom, LocalDate uitstroom) {
        registraties.add(new Registratie(Bron.EDEXML, regelId, Soort.INSCHRIJVING, null, brin, "00", "VO",
                instroom, uitstroom, null, null, false, herkomst("school.xml")));
        return this;
    }

    DossierBuilder vrijstelling(String regelId, LocalDate begin, LocalDate eind) {
        return registratie(Bron.DUO, regelId, Soort.VRIJSTELLING, begin, eind, null, "5a", false);
    }

    private DossierBuilder registratie(Bron bron, String regelId, Soort soort, LocalDate begin, LocalDate eind,
                                       String reden, String vrijstelling, boolean verwijderd) {
        boolean school = soort == Soort.INSCHRIJVING;
        registraties.add(new Registratie(bron, regelId, soort, gemeente, school ? brin : null, school ? "00" : null,
                school ? "VO" : null, begin, eind, reden, vrijstelling, verwijderd, herkomst("inschrijvingen.csv")));
        return this;
    }

    /** An open (R) melding, this version written the day it began. */
    DossierBuilder melding(String nummer, String soort, LocalDate begin) {
        return melding(nummer, soort, "R", begin, begin.atTime(LocalTime.NOON));
    }

    DossierBuilder melding(String nummer, String soort, String status, LocalDate begin, LocalDateTime mutatie) {
        meldingen.add(new Verzuimmelding(nummer, mutatie, status, soort, brin, "00", gemeente, begin, null,
                null, null, herkomst("verzuim.csv")));
        return this;
    }

    DossierBuilder jw315(String berichtId, LocalDate dagtekening, String referentie) {
        return ijw(Berichttype.JW315, berichtId, dagtekening, referentie, null, dagtekening, null, null, null);
    }

    DossierBuilder jw301(String berichtId, LocalDate dagtekening, String nummer, String referentie,
                         LocalDate ingang, LocalDate eind) {
        return ijw(Berichttype.JW301, berichtId, dagtekening, referentie, nummer, ingang, eind, null, null);
    }

    DossierBuilder jw307(String berichtId, LocalDate dagtekening, String nummer, LocalDate eind, String reden) {
        return ijw(Berichttype.JW307, berichtId, dagtekening, null, nummer, null, eind, reden, "1");
    }

    /** A JW307 line with StatusAanlevering 3: it withdraws the earlier stop. */
    DossierBuilder jw307Intrekking(String berichtId, LocalDate dagtekening, String nummer, LocalDate eind,
                                   String reden) {
        return ijw(Berichttype.JW307, berichtId, dagtekening, null, nummer, null, eind, reden, "3");
    }

    private DossierBuilder ijw(Berichttype type, String berichtId, LocalDate dagtekening, String referentie,
                               String nummer, LocalDate ingang, LocalDate eind, String reden, String status) {
        jeugdhulp.add(new JeugdhulpRegel(type, berichtId, dagtekening, gemeente, AANBIEDER, referentie, nummer,
                "45", "45A01", "02", type == Berichttype.JW301 ? dagtekening : null,
                type == Berichttype.JW307 ? null : ingang, null, eind, null, reden, status,
                herkomst(type.name().toLowerCase() + "-" + berichtId + ".xml")));
        return this;
    }

    KindDossier bouw() {
        return new KindDossier(1L, new KindIdentiteit("123456782", null, geboren, "Jansen", null, "Sam"),
                List.copyOf(registraties), List.copyOf(meldingen), List.copyOf(jeugdhulp));
    }

    private Herkomst herkomst(String bestand) {
        return new Herkomst(bestand, ++regel);
    }
}
