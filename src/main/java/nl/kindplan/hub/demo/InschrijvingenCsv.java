package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.kindplan.hub.demo.DemoWorld.Registratie;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * DUO's registrations export (inputs.md §3a): weekly mutatie files {@code inschrijvingen-<yyyyMMdd>.csv}
 * with what changed that week, and one full snapshot {@code inschrijvingen-volledig-<yyyyMMdd>.csv} of
 * yesterday listing every registration of the demo gemeenten, ended ones included, so that it agrees
 * with the mutaties whatever the order they are taken in. The snapshot comes from another export: its
 * columns are in another order and it has a column the hub does not know.
 */
final class InschrijvingenCsv {

    static final List<String> KOLOMMEN = List.of("soort", "mutatie", "regel_id", "bsn", "onderwijsnummer",
            "geboortedatum", "achternaam", "voorvoegsel", "voornamen", "gemeentecode", "brin", "vestiging",
            "onderwijssoort", "begindatum", "einddatum", "reden", "vrijstelling");
    static final List<String> KOLOMMEN_VOLLEDIG = List.of("regel_id", "soort", "mutatie", "gemeentecode", "bsn",
            "onderwijsnummer", "achternaam", "voorvoegsel", "voornamen", "geboortedatum", "brin", "vestiging",
            "onderwijssoort", "begindatum", "einddatum", "reden", "vrijstelling", "peildatum");

    private InschrijvingenCsv() {
    }

    /** One row: the registration as known on {@code stand}, with its mutatie. */
    private record Regel(Registratie registratie, String mutatie, LocalDate stand, LocalDate gebeurd) {
    }

    static Written schrijf(DemoWorld wereld, DeliveryDates lever, Path map) throws IOException {
        Written geschreven = Written.NIETS;
        List<LocalDate> weken = lever.mutaties();
        for (int i = 0; i < weken.size(); i++) {
            LocalDate stand = weken.get(i);
            List<Regel> regels = new ArrayList<>();
            for (Registratie reg : wereld.registraties()) {
                if (DeliveryDates.inLevering(weken, i, reg.bekendOp(), false)) {
                    regels.add(new Regel(reg, "TOEGEVOEGD", stand, reg.bekendOp()));
                } else if (DeliveryDates.inLevering(weken, i, reg.eindeBekendOp(), false)) {
                    regels.add(new Regel(reg, "GEWIJZIGD", stand, reg.eindeBekendOp()));
                }
                if (DeliveryDates.inLevering(weken, i, reg.verwijderdOp(), false)) {
                    regels.add(new Regel(reg, "VERWIJDERD", stand, reg.verwijderdOp()));
                }
            }
            regels.sort(Comparator.comparing(Regel::gebeurd).thenComparing(rg -> rg.registratie().regelId()));
            Path bestand = map.resolve("inschrijvingen-" + VerzuimCsv.BESTANDSDATUM.format(stand) + ".csv");
            schrijfBestand(bestand, KOLOMMEN, regels);
            geschreven = geschreven.plus(regels.size());
        }
        return geschreven;
    }

    static Written schrijfVolledig(DemoWorld wereld, DeliveryDates lever, Path map) throws IOException {
        LocalDate stand = lever.volledig();
        List<Regel> regels = new ArrayList<>();
        for (Registratie reg : wereld.registraties()) {
            if (!reg.verwijderd() && !reg.bekendOp().isAfter(stand)) {
                regels.add(new Regel(reg, "TOEGEVOEGD", stand, stand));
            }
        }
        regels.sort(Comparator.comparing(rg -> rg.registratie().regelId()));
        Path bestand = map.resolve("inschrijvingen-volledig-" + VerzuimCsv.BESTANDSDATUM.format(stand) + ".csv");
        schrijfBestand(bestand, KOLOMMEN_VOLLEDIG, regels);
        return Written.NIETS.plus(regels.size());
    }

    private static void schrijfBestand(Path bestand, List<String> kolommen, List<Regel> regels) throws IOException {
        CSVFormat formaat = CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setHeader(kolommen.toArray(String[]::new)).get();
        AtomicFiles.schrijf(bestand, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CSVPrinter csv = new CSVPrinter(w, formaat);
            for (Regel rg : regels) {
                List<String> rij = new ArrayList<>(kolommen.size());
                for (String kolom : kolommen) {
                    rij.add(waarde(rg, kolom));
                }
                csv.printRecord(rij);
            }
            csv.flush();
        });
    }

    private static String waarde(Regel rg, String kolom) {
        Registratie reg = rg.registratie();
        boolean eindeBekend = reg.eindeBekendOp() != null && !reg.eindeBekendOp().isAfter(rg.stand());
        return VerzuimCsv.leeg(switch (kolom) {
            case "soort" -> reg.soort().name();
            case "mutatie" -> rg.mutatie();
            case "regel_id" -> reg.regelId();
            case "bsn" -> reg.kind().bsn();
            case "onderwijsnummer" -> reg.kind().onderwijsnummer();
            case "geboortedatum" -> reg.kind().geboortedatum();
            case "achternaam" -> reg.kind().achternaam();
            case "voorvoegsel" -> reg.kind().voorvoegsel();
            case "voornamen" -> reg.kind().voornamen();
            case "gemeentecode" -> reg.gemeentecode();
            case "brin" -> reg.school() == null ? null : reg.school().brin();
            case "vestiging" -> reg.school() == null ? null : reg.school().vestiging();
            case "onderwijssoort" -> reg.onderwijssoort();
            case "begindatum" -> reg.begindatum();
            // a vrijstelling's end is decided when it is granted; an inschrijving's once it is known
            case "einddatum" -> reg.einddatum() != null && (eindeBekend || reg.eindeBekendOp() == null)
                    ? reg.einddatum() : null;
            case "reden" -> eindeBekend ? reg.reden() : null;
            case "vrijstelling" -> reg.vrijstelling();
            case "peildatum" -> rg.stand();
            default -> throw new IllegalArgumentException("unknown column " + kolom);
        });
    }
}
