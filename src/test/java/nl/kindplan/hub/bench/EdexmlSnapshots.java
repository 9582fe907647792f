package nl.kindplan.hub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.bench.BenchKind.Registratie;
import nl.kindplan.hub.demo.DemoSchool;

/**
 * EDEXML 2.1 snapshots of every other school on the peildatum, in the structure of the demo's
 * {@code EdexmlFiles}: one file per school, its current pupils streamed in as the children are made
 * (one open file per school, nothing else kept).
 */
final class EdexmlSnapshots implements AutoCloseable {

    private record Snapshot(Path file, Writer out, long[] leerlingen) {
    }

    private final Map<DemoSchool, Snapshot> snapshots = new LinkedHashMap<>();
    private final LocalDate peildatum;

    EdexmlSnapshots(Path folder, List<DemoSchool> scholen, LocalDate peildatum) throws IOException {
        this.peildatum = peildatum;
        Files.createDirectories(folder);
        for (int i = 0; i < scholen.size(); i += 2) {
            DemoSchool school = scholen.get(i);
            Path file = folder.resolve("edexml-" + school.code() + "-" + peildatum.toString().replace("-", "") + ".xml");
            Writer out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8),
                    1 << 16);
            int begin = peildatum.getMonthValue() >= 8 ? peildatum.getYear() : peildatum.getYear() - 1;
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX>\n<school>\n<schooljaar>" + begin + "-"
                    + (begin + 1) + "</schooljaar>\n<peildatum>" + peildatum + "</peildatum>\n<brincode>"
                    + school.brin() + "</brincode>\n<dependancecode>" + school.vestiging()
                    + "</dependancecode>\n<aanmaakdatum>" + peildatum + "T22:00:00</aanmaakdatum>\n"
                    + "<auteur>kindplan benchmark</auteur>\n<xsdversie>2.1</xsdversie>\n</school>\n<leerlingen>\n");
            snapshots.put(school, new Snapshot(file, out, new long[1]));
        }
    }

    /** Lists the child if its current registration is at one of the snapshot schools. */
    void add(BenchKind k) throws IOException {
        Registratie reg = k.huidigeInschrijving();
        if (reg == null || reg.begindatum().isAfter(peildatum)) {
            return;
        }
        Snapshot s = snapshots.get(reg.school());
        if (s == null) {
            return;
        }
        StringBuilder x = new StringBuilder(512);
        x.append("<leerling key=\"").append(reg.regelId()).append("\">\n");
        leaf(x, "achternaam", k.achternaam);
        leaf(x, "voorvoegsel", k.voorvoegsel.isEmpty() ? null : k.voorvoegsel);
        leaf(x, "voornamen", k.voornamen);
        leaf(x, "voorletters-1", k.voornamen.substring(0, 1));
        leaf(x, "roepnaam", k.voornamen);
        leaf(x, "geboortedatum", k.geboortedatum);
        leaf(x, "geslacht", k.geslacht);
        int leeftijd = k.leeftijdOp(peildatum);
        leaf(x, "jaargroep", reg.school().sector() == DemoSchool.Sector.PO
                ? Math.max(1, Math.min(8, leeftijd - 3)) : 11 + Math.max(0, Math.min(5, leeftijd - 12)));
        // the schema allows one of the numbers; a school that has the BSN sends it
        if (k.bsn != null) {
            leaf(x, "bsn", k.bsn);
        } else {
            leaf(x, "onderwijsnummer", k.onderwijsnummer);
        }
        leaf(x, "postcodenl", k.postcode);
        leaf(x, "instroomdatum", reg.begindatum());
        x.append("</leerling>\n");
        s.out().write(x.toString());
        s.leerlingen()[0]++;
    }

    void close(Tally tally) throws IOException {
        for (Snapshot s : snapshots.values()) {
            s.out().write("</leerlingen>\n</EDEX>\n");
            s.out().close();
            tally.file("edexml", s.leerlingen()[0], Files.size(s.file()));
        }
        snapshots.clear();
    }

    @Override
    public void close() throws IOException {
        for (Snapshot s : snapshots.values()) {
            s.out().close();
        }
    }

    private static void leaf(StringBuilder x, String name, Object value) {
        if (value != null) {
            x.append('<').append(name).append('>').append(IjwFiles.escape(value.toString())).append("</")
                    .append(name).append(">\n");
        }
    }
}
