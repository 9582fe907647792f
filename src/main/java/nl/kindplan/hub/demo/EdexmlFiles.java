package nl.kindplan.hub.demo;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;

import nl.kindplan.hub.demo.DemoSchool.Sector;
import nl.kindplan.hub.demo.DemoWorld.Kind;
import nl.kindplan.hub.demo.DemoWorld.Registratie;
import nl.kindplan.hub.demo.DemoWorld.Soort;

/**
 * EDEXML 2.1 snapshots (inputs.md §3b) of every other demo school, {@code edexml-<brin><vestiging>-<yyyyMMdd>.xml}
 * on yesterday's peildatum: the pupils registered there that day, and those who left for another
 * school during this school year, with their uitstroomdatum. They are the same registrations DUO
 * reports, so the two sources agree on who is ingeschreven.
 */
final class EdexmlFiles {

    private static final DateTimeFormatter AANMAAK = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");

    private EdexmlFiles() {
    }

    static Written schrijf(DemoWorld wereld, List<DemoSchool> scholen, DeliveryDates lever, Path map)
            throws IOException {
        LocalDate peildatum = lever.peildatum();
        LocalDate schooljaarBegin = LocalDate.of(peildatum.getMonthValue() >= 8
                ? peildatum.getYear() : peildatum.getYear() - 1, 8, 1);
        Written geschreven = Written.NIETS;
        for (int i = 0; i < scholen.size(); i += 2) {
            DemoSchool school = scholen.get(i);
            List<Registratie> leerlingen = wereld.registraties().stream()
                    .filter(reg -> reg.soort() == Soort.INSCHRIJVING && !reg.verwijderd())
                    .filter(reg -> school.equals(reg.school()))
                    .filter(reg -> !reg.begindatum().isAfter(peildatum))
                    .filter(reg -> reg.einddatum() == null || naarAndereSchool(reg, schooljaarBegin))
                    .sorted(Comparator.comparing(Registratie::regelId))
                    .toList();
            if (leerlingen.isEmpty()) {
                continue;   // the schema requires at least one leerling
            }
            Path bestand = map.resolve("edexml-" + school.code() + "-"
                    + VerzuimCsv.BESTANDSDATUM.format(peildatum) + ".xml");
            AtomicFiles.schrijf(bestand, out -> {
                try (IndentingXmlWriter x = new IndentingXmlWriter(out)) {
                    schrijfSchool(x, school, peildatum, leerlingen);
                }
            });
            geschreven = geschreven.plus(leerlingen.size());
        }
        return geschreven;
    }

    private static void schrijfSchool(IndentingXmlWriter x, DemoSchool school, LocalDate peildatum,
                                      List<Registratie> leerlingen) throws IOException {
        x.open(null, "EDEX", null);
        x.open(null, "school", null)
                .blad(null, "schooljaar", null, schooljaar(peildatum))
                .blad(null, "peildatum", null, peildatum)
                .blad(null, "brincode", null, school.brin())
                .blad(null, "dependancecode", null, school.vestiging())
                .blad(null, "aanmaakdatum", null, AANMAAK.format(peildatum.atTime(22, 0, 0)))
                .blad(null, "auteur", null, "kindplan demo")
                .blad(null, "xsdversie", null, "2.1")
                .sluit();
        x.open(null, "leerlingen", null);
        for (Registratie reg : leerlingen) {
            Kind k = reg.kind();
            x.open(null, "leerling", null).attribuut("key", reg.regelId())
                    .blad(null, "achternaam", null, k.achternaam())
                    .blad(null, "voorvoegsel", null, k.voorvoegsel())
                    .blad(null, "voornamen", null, k.voornamen())
                    .blad(null, "voorletters-1", null, DemoNames.voorletters(k.voornamen()))
                    .blad(null, "roepnaam", null, k.voornamen().split(" ")[0])
                    .blad(null, "geboortedatum", null, k.geboortedatum())
                    .blad(null, "geslacht", null, k.geslacht())
                    .blad(null, "jaargroep", null, jaargroep(k, school.sector(), peildatum))
                    // the schema allows one of the numbers; a school that has the BSN sends it
                    .blad(null, k.bsn() != null ? "bsn" : "onderwijsnummer", null, k.sleutel())
                    .blad(null, "postcodenl", null, k.adres().postcode())
                    .blad(null, "instroomdatum", null, reg.begindatum())
                    .blad(null, "uitstroomdatum", null, reg.einddatum())
                    .sluit();
        }
        x.sluit().sluit();
    }

    /**
     * A leaver is listed, with uitstroomdatum, when it left this school year for another school.
     * Others (emigrated, diploma) are left out: EDEXML has no reden, and a reden-less registration
     * ending the same day as DUO's would blur which reden ended the child's last registration.
     */
    private static boolean naarAndereSchool(Registratie reg, LocalDate schooljaarBegin) {
        return !reg.einddatum().isBefore(schooljaarBegin)
                && ("SCHOOLWISSEL".equals(reg.reden()) || "VERHUIZING".equals(reg.reden()));
    }

    /** The school year of a day, "2026-2027" from 1 August on. */
    static String schooljaar(LocalDate dag) {
        int begin = dag.getMonthValue() >= 8 ? dag.getYear() : dag.getYear() - 1;
        return begin + "-" + (begin + 1);
    }

    /** Groep 1-8 in PO, leerjaar 1-6 (codes 11-16) in VO, from the age. */
    private static String jaargroep(Kind k, Sector sector, LocalDate peildatum) {
        int leeftijd = k.leeftijdOp(peildatum);
        if (sector == Sector.PO) {
            return Integer.toString(Math.max(1, Math.min(8, leeftijd - 3)));
        }
        return Integer.toString(11 + Math.max(0, Math.min(5, leeftijd - 12)));
    }
}
