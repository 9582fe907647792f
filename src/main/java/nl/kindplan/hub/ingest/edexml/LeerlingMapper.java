package nl.kindplan.hub.ingest.edexml;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.mapping.SourceMapping;

/**
 * Turns the fields of one {@code leerling} into an inschrijving at the school of the file, or into
 * the reasons it cannot be taken in. Reasons never carry a full BSN, a name or a birth date.
 */
final class LeerlingMapper {

    /** What one leerling gave: the registration, or the reasons against it; the regel id whenever it is known. */
    record Uitkomst(KindIdentiteit kind, Registratie registratie, List<String> fouten, String regelId) {
        boolean goed() {
            return fouten.isEmpty();
        }
    }

    private final SourceMapping mapping;
    private final DateTimeFormatter dates;

    LeerlingMapper(SourceMapping mapping) {
        this.mapping = mapping;
        this.dates = mapping.dateFormatter();
    }

    Uitkomst map(Map<String, String> velden, EdexmlReader.School school, Herkomst herkomst) {
        List<String> fouten = new ArrayList<>();
        String bsn = waarde(velden, "bsn");
        String onderwijsnummer = waarde(velden, "onderwijsnummer");
        if (bsn == null && onderwijsnummer == null) {
            fouten.add("leerling zonder bsn of onderwijsnummer");
        }
        if (bsn != null && !Elfproef.isBsn(bsn)) {
            fouten.add("bsn " + Elfproef.masker(bsn) + " voldoet niet aan de 11-proef");
            bsn = null;
        }
        if (onderwijsnummer != null && !Elfproef.isOnderwijsnummer(onderwijsnummer)) {
            fouten.add("onderwijsnummer " + Elfproef.masker(onderwijsnummer) + " voldoet niet aan de 11-proef voor onderwijsnummers");
            onderwijsnummer = null;
        }
        LocalDate geboortedatum = datum(velden, "geboortedatum", true, false, fouten);
        if (geboortedatum != null && geboortedatum.isAfter(LocalDate.now())) {
            fouten.add(mapping.namesOf("geboortedatum").get(0) + " ligt in de toekomst");
        }
        String achternaam = naam(velden, "achternaam", KindIdentiteit.MAX_NAAM, fouten);
        String voorvoegsel = naam(velden, "voorvoegsel", KindIdentiteit.MAX_VOORVOEGSEL, fouten);
        String voornamen = naam(velden, "voornamen", KindIdentiteit.MAX_NAAM, fouten);
        LocalDate instroom = datum(velden, "begindatum", true, true, fouten);
        LocalDate uitstroom = datum(velden, "einddatum", false, true, fouten);
        if (instroom != null && uitstroom != null && uitstroom.isBefore(instroom)) {
            fouten.add("uitstroomdatum " + uitstroom + " is eerder dan instroomdatum " + instroom);
        }

        String nummer = bsn != null ? bsn : onderwijsnummer;
        String regelId = nummer == null || instroom == null ? null
                : Mappings.schoolKey(school.brin(), school.vestiging()) + ":" + nummer + ":" + instroom;
        if (!fouten.isEmpty()) {
            return new Uitkomst(null, null, List.copyOf(fouten), regelId);
        }
        KindIdentiteit kind = new KindIdentiteit(bsn, onderwijsnummer, geboortedatum, achternaam, voorvoegsel, voornamen);
        // EDEXML names no woongemeente and no onderwijssoort; reden and vrijstelling are DUO's
        Registratie registratie = new Registratie(Registratie.Bron.EDEXML, regelId, Registratie.Soort.INSCHRIJVING,
                null, school.brin(), school.vestiging(), null, instroom, uitstroom, null, null, false, herkomst);
        return new Uitkomst(kind, registratie, List.of(), regelId);
    }

    /** The first non-blank value among the element names the mapping gives the field. */
    String waarde(Map<String, String> velden, String veld) {
        for (String naam : mapping.namesOf(veld)) {
            String v = velden.get(naam);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }

    /** A name part the store can keep, or a reason against it that never shows the name. */
    private String naam(Map<String, String> velden, String veld, int max, List<String> fouten) {
        String naam = waarde(velden, veld);
        if (naam != null && naam.length() > max) {
            fouten.add(mapping.namesOf(veld).get(0) + " is langer dan " + max + " tekens");
            return null;
        }
        return naam;
    }

    private static String kort(String tekst) {
        return tekst.length() <= 30 ? tekst : tekst.substring(0, 30) + "...";
    }

    private LocalDate datum(Map<String, String> velden, String veld, boolean verplicht, boolean toonWaarde,
                            List<String> fouten) {
        String tekst = waarde(velden, veld);
        String naam = mapping.namesOf(veld).get(0);
        if (tekst == null) {
            if (verplicht) {
                fouten.add(naam + " ontbreekt");
            }
            return null;
        }
        try {
            return LocalDate.parse(tekst, dates);
        } catch (DateTimeParseException e) {
            // a birth date is personal data, so only the other dates are echoed
            fouten.add(naam + (toonWaarde ? " '" + kort(tekst) + "'" : "") + " is geen geldige datum");
            return null;
        }
    }
}
