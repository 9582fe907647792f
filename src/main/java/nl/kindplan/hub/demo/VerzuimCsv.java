package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import nl.kindplan.hub.demo.DemoWorld.Melding;
import nl.kindplan.hub.demo.DemoWorld.Versie;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The weekly DUO verzuim exports (inputs.md §1): {@code verzuim-<yyyyMMdd>.csv}. Each file carries,
 * per melding, its newest version of that week; a later file with the same meldingsnummer is an
 * update. The first file also carries older history. Written with a BOM, as Windows exports are.
 */
final class VerzuimCsv {

    static final List<String> KOLOMMEN = List.of("meldingsnummer", "laatste_mutatie", "status", "verzuimsoort",
            "bsn", "onderwijsnummer", "geboortedatum", "achternaam", "voorvoegsel", "voornamen", "brin",
            "vestiging", "gemeentecode", "begindatum", "einddatum", "uren", "vermoedelijke_reden");

    static final DateTimeFormatter BESTANDSDATUM = DateTimeFormatter.ofPattern("yyyyMMdd");
    private static final DateTimeFormatter MUTATIE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss");
    private static final CSVFormat FORMAAT = CSVFormat.DEFAULT.builder().setDelimiter(';')
            .setHeader(KOLOMMEN.toArray(String[]::new)).get();

    private VerzuimCsv() {
    }

    private record Regel(Melding melding, Versie versie) {
    }

    static Written schrijf(DemoWorld wereld, DeliveryDates lever, Path map) throws IOException {
        Written geschreven = Written.NIETS;
        List<LocalDate> weken = lever.verzuim();
        for (int i = 0; i < weken.size(); i++) {
            List<Regel> regels = new ArrayList<>();
            for (Melding m : wereld.meldingen()) {
                Versie nieuwste = null;
                for (Versie v : m.versies()) {
                    if (DeliveryDates.inLevering(weken, i, v.laatsteMutatie().toLocalDate(), true)) {
                        nieuwste = v;
                    }
                }
                if (nieuwste != null) {
                    regels.add(new Regel(m, nieuwste));
                }
            }
            regels.sort(Comparator.comparing((Regel rg) -> rg.versie().laatsteMutatie())
                    .thenComparing(rg -> rg.melding().meldingsnummer()));
            Path bestand = map.resolve("verzuim-" + BESTANDSDATUM.format(weken.get(i)) + ".csv");
            AtomicFiles.schrijf(bestand, out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                w.write('\uFEFF');
                CSVPrinter csv = new CSVPrinter(w, FORMAAT);
                for (Regel rg : regels) {
                    csv.printRecord(waarden(rg));
                }
                csv.flush();
            });
            geschreven = geschreven.plus(regels.size());
        }
        return geschreven;
    }

    private static List<String> waarden(Regel rg) {
        Melding m = rg.melding();
        Versie v = rg.versie();
        return List.of(m.meldingsnummer(), MUTATIE.format(v.laatsteMutatie()), v.status(), m.verzuimsoort(),
                leeg(m.kind().meldingBsn()), leeg(m.kind().onderwijsnummer()), m.kind().geboortedatum().toString(),
                m.kind().achternaam(), leeg(m.kind().voorvoegsel()), m.kind().voornamen(), m.school().brin(),
                m.school().vestiging(), m.gemeentecode(), m.begindatum().toString(), leeg(v.einddatum()),
                leeg(m.uren()), leeg(m.vermoedelijkeReden()));
    }

    static String leeg(Object waarde) {
        return waarde == null ? "" : waarde.toString();
    }
}
