package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.xml.SecureXml;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Test-side reading of the written demo files, and an independent evaluation of the signals of
 * signals.md on them: what a correct hub should conclude from the files alone. It shares no code with
 * the generator, so a test built on it checks the files, not the generator's intentions.
 */
final class DemoDossiers {

    static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setDelimiter(';').setHeader()
            .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).get();

    record Reg(String regelId, String bron, boolean vrijstelling, String gemeente, String brin, String vestiging,
               LocalDate begin, LocalDate eind, String reden, boolean verwijderd) {
    }

    record Versie(String meldingsnummer, LocalDateTime mutatie, String status, String soort, LocalDate begin) {
        boolean open(LocalDate d) {
            return ("R".equals(status) || "B".equals(status)) && !begin.isAfter(d) && !"L".equals(soort);
        }
    }

    record Bericht(String type, LocalDate dagtekening, String referentie, String toewijzingNummer,
                   LocalDate ingang, LocalDate einde, String reden, String status) {
    }

    private final Map<String, String> alias = new HashMap<>();
    private final Map<String, LocalDate> geboortedatum = new HashMap<>();
    private final Map<String, Reg> duo = new LinkedHashMap<>();
    private final Map<String, String> duoSleutel = new HashMap<>();
    private final Map<String, List<Reg>> edexml = new HashMap<>();
    private final Map<String, Versie> nieuwste = new HashMap<>();
    private final Map<String, String> meldingSleutel = new HashMap<>();
    private final Map<String, List<Bericht>> ijw = new HashMap<>();
    /** Registrations the mutaties leave standing that the full snapshot does not list (ended by it). */
    final Set<String> doorSnapshotBeeindigd = new TreeSet<>();

    static DemoDossiers lees(DemoDataGenerator.Inboxes in) throws IOException {
        DemoDossiers d = new DemoDossiers();
        d.leesInschrijvingen(in.inschrijvingen());
        d.leesVerzuim(in.verzuim());
        d.leesIjw(in.ijw());
        d.leesEdexml(in.edexml());
        return d;
    }

    // --- reading ------------------------------------------------------------------------------

    static List<Path> bestanden(Path map) throws IOException {
        try (Stream<Path> s = Files.list(map)) {
            return s.filter(Files::isRegularFile).sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
    }

    /** The records of a CSV file, a BOM dropped. */
    static List<CSVRecord> csv(Path bestand) throws IOException {
        String tekst = Files.readString(bestand, StandardCharsets.UTF_8);
        if (tekst.startsWith("\uFEFF")) {
            tekst = tekst.substring(1);
        }
        try (CSVParser parser = CSV.parse(new StringReader(tekst))) {
            return parser.getRecords();
        }
    }

    static String waarde(CSVRecord rec, String kolom) {
        String w = rec.isMapped(kolom) ? rec.get(kolom) : "";
        return w == null || w.isBlank() ? null : w;
    }

    private static LocalDate datum(String s) {
        return s == null ? null : LocalDate.parse(s);
    }

    private String sleutel(String bsn, String onderwijsnummer) {
        return bsn != null ? bsn : alias.getOrDefault(onderwijsnummer, onderwijsnummer);
    }

    private void leesInschrijvingen(Path map) throws IOException {
        List<Path> files = bestanden(map);
        Map<Path, List<CSVRecord>> inhoud = new LinkedHashMap<>();
        for (Path f : files) {
            inhoud.put(f, csv(f));
        }
        // a row carrying both numbers links them, whichever file it is in
        inhoud.values().forEach(rijen -> rijen.forEach(rec -> {
            if (waarde(rec, "bsn") != null && waarde(rec, "onderwijsnummer") != null) {
                alias.put(waarde(rec, "onderwijsnummer"), waarde(rec, "bsn"));
            }
        }));
        for (Map.Entry<Path, List<CSVRecord>> e : inhoud.entrySet()) {
            boolean volledig = e.getKey().getFileName().toString().contains("-volledig");
            Set<String> gemeenten = new HashSet<>();
            Set<String> gezien = new HashSet<>();
            for (CSVRecord rec : e.getValue()) {
                String s = sleutel(waarde(rec, "bsn"), waarde(rec, "onderwijsnummer"));
                geboortedatum.put(s, datum(waarde(rec, "geboortedatum")));
                String id = waarde(rec, "regel_id");
                gemeenten.add(waarde(rec, "gemeentecode"));
                gezien.add(id);
                duoSleutel.put(id, s);
                duo.put(id, new Reg(id, "DUO", "VRIJSTELLING".equals(waarde(rec, "soort")),
                        waarde(rec, "gemeentecode"), waarde(rec, "brin"), waarde(rec, "vestiging"), datum(waarde(rec, "begindatum")), datum(waarde(rec, "einddatum")),
                        waarde(rec, "reden"), "VERWIJDERD".equals(waarde(rec, "mutatie"))));
            }
            if (volledig) {
                duo.values().stream()
                        .filter(r -> !r.verwijderd() && !gezien.contains(r.regelId()))
                        .filter(r -> gemeenten.contains(r.gemeente()))
                        .forEach(r -> doorSnapshotBeeindigd.add(r.regelId()));
            }
        }
    }

    private void leesVerzuim(Path map) throws IOException {
        for (Path f : bestanden(map)) {
            for (CSVRecord rec : csv(f)) {
                String s = sleutel(waarde(rec, "bsn"), waarde(rec, "onderwijsnummer"));
                geboortedatum.put(s, datum(waarde(rec, "geboortedatum")));
                Versie v = new Versie(waarde(rec, "meldingsnummer"), LocalDateTime.parse(waarde(rec, "laatste_mutatie")),
                        waarde(rec, "status"), waarde(rec, "verzuimsoort"), datum(waarde(rec, "begindatum")));
                meldingSleutel.put(v.meldingsnummer(), s);
                nieuwste.merge(v.meldingsnummer(), v, (oud, nieuw) -> nieuw.mutatie().isAfter(oud.mutatie()) ? nieuw : oud);
            }
        }
    }

    private void leesIjw(Path map) throws IOException {
        for (Path f : bestanden(map)) {
            Map<String, String> w = xmlBladeren(f);
            String type = f.getFileName().toString().substring(0, 5).toUpperCase(Locale.ROOT);
            String bsn = w.get("Bsn");
            geboortedatum.put(bsn, datum(w.get("Datum")));
            ijw.computeIfAbsent(bsn, k -> new ArrayList<>()).add(new Bericht(type, datum(w.get("Dagtekening")),
                    w.get("ReferentieAanbieder"), w.get("ToewijzingNummer"),
                    datum(w.get("Ingangsdatum")), datum(w.get("Einddatum")), w.get("RedenBeeindiging"),
                    w.get("StatusAanlevering")));
        }
    }

    private void leesEdexml(Path map) throws IOException {
        for (Path f : bestanden(map)) {
            Map<String, String> school = new HashMap<>();
            for (Map<String, String> ll : edexmlLeerlingen(f, school)) {
                String s = sleutel(ll.get("bsn"), ll.get("onderwijsnummer"));
                edexml.computeIfAbsent(s, k -> new ArrayList<>()).add(new Reg(ll.get("key"), "EDEXML", false,
                        null, school.get("brincode"), school.get("dependancecode"), datum(ll.get("instroomdatum")),
                        datum(ll.get("uitstroomdatum")), null, false));
            }
        }
    }

    /** Local name → text of the leaf elements of a one-product iJw message (first occurrence). */
    static Map<String, String> xmlBladeren(Path bestand) throws IOException {
        Map<String, String> waarden = new HashMap<>();
        try (InputStream in = Files.newInputStream(bestand)) {
            XMLStreamReader r = SecureXml.reader(in);
            String naam = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    naam = r.getLocalName();
                } else if (e == XMLStreamConstants.CHARACTERS && naam != null && !r.isWhiteSpace()) {
                    waarden.putIfAbsent(naam, r.getText());
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    naam = null;
                }
            }
            r.close();
        } catch (XMLStreamException | UnreadableFileException e) {
            throw new IOException("cannot read " + bestand.getFileName(), e);
        }
        return waarden;
    }

    /** The leerlingen of an EDEXML file as element → text (plus "key"); fills {@code school}. */
    static List<Map<String, String>> edexmlLeerlingen(Path bestand, Map<String, String> school) throws IOException {
        List<Map<String, String>> leerlingen = new ArrayList<>();
        try (InputStream in = Files.newInputStream(bestand)) {
            XMLStreamReader r = SecureXml.reader(in);
            Map<String, String> huidig = school;
            String naam = null;
            while (r.hasNext()) {
                int e = r.next();
                if (e == XMLStreamConstants.START_ELEMENT) {
                    naam = r.getLocalName();
                    if ("leerling".equals(naam)) {
                        huidig = new HashMap<>();
                        huidig.put("key", r.getAttributeValue(null, "key"));
                        leerlingen.add(huidig);
                    }
                } else if (e == XMLStreamConstants.CHARACTERS && naam != null && !r.isWhiteSpace()) {
                    huidig.put(naam, r.getText());
                } else if (e == XMLStreamConstants.END_ELEMENT) {
                    naam = null;
                }
            }
            r.close();
        } catch (XMLStreamException | UnreadableFileException e) {
            throw new IOException("cannot read " + bestand.getFileName(), e);
        }
        return leerlingen;
    }

    // --- the signals of signals.md --------------------------------------------------------------

    Set<String> kinderen() {
        return new TreeSet<>(geboortedatum.keySet());
    }

    /** Every DUO registration of the child, by regel_id. */
    List<Reg> duoRegistraties(String sleutel) {
        return duo.values().stream().filter(r -> sleutel.equals(duoSleutel.get(r.regelId()))).toList();
    }

    List<Reg> edexmlRegistraties(String sleutel) {
        return edexml.getOrDefault(sleutel, List.of());
    }

    /** The signals that hold for the child on {@code d}, each with its {@code since}. */
    Map<String, LocalDate> signalen(String sleutel, LocalDate d) {
        Map<String, LocalDate> uit = new TreeMap<>();
        List<Reg> regs = new ArrayList<>(duoRegistraties(sleutel).stream().filter(r -> !r.verwijderd()).toList());
        regs.addAll(edexmlRegistraties(sleutel));
        List<Reg> inschrijvingen = regs.stream().filter(r -> !r.vrijstelling()).toList();
        boolean ingeschreven = inschrijvingen.stream().anyMatch(r -> geldig(r, d));
        boolean vrijgesteld = regs.stream().filter(Reg::vrijstelling).anyMatch(r -> geldig(r, d));
        List<Versie> open = nieuwste.values().stream()
                .filter(v -> sleutel.equals(meldingSleutel.get(v.meldingsnummer())) && v.open(d)).toList();
        List<Bericht> berichten = ijw.getOrDefault(sleutel, List.of());

        open.stream().filter(v -> "LRV".equals(v.soort())).map(Versie::begin).min(Comparator.naturalOrder())
                .filter(since -> ingeschreven).ifPresent(since -> uit.put("THUISZITTER", since));

        int leeftijd = Period.between(geboortedatum.get(sleutel), d).getYears();
        if (leeftijd >= 5 && leeftijd <= 17 && !ingeschreven && !vrijgesteld) {
            Reg laatste = inschrijvingen.stream().filter(r -> r.eind() != null && r.eind().isBefore(d))
                    .max(Comparator.comparing(Reg::eind).thenComparing(r -> r.reden() != null)).orElse(null);
            LocalDate since;
            if (laatste != null) {
                since = Set.of("EMIGRATIE", "DIPLOMA", "OVERLIJDEN").contains(laatste.reden())
                        ? null : laatste.eind().plusDays(1);
            } else {
                since = Stream.concat(
                        nieuwste.values().stream().filter(v -> sleutel.equals(meldingSleutel.get(v.meldingsnummer())))
                                .map(Versie::begin),
                        berichten.stream().map(Bericht::dagtekening)).min(Comparator.naturalOrder()).orElse(null);
            }
            if (since != null && ChronoUnit.DAYS.between(since, d) >= 7) {
                uit.put("ABSOLUUT_VERZUIM", since);
            }
        }

        boolean actief = berichten.stream().filter(b -> "JW301".equals(b.type()))
                .anyMatch(b -> !b.ingang().isAfter(d) && (b.einde() == null || !b.einde().isBefore(d))
                        && geldigeStops(berichten, b.toewijzingNummer()).stream().noneMatch(s -> s.einde().isBefore(d)));

        if (!open.isEmpty()) {
            for (Bericht aanvraag : berichten) {
                boolean beantwoord = berichten.stream().anyMatch(b -> "JW301".equals(b.type())
                        && aanvraag.referentie() != null && aanvraag.referentie().equals(b.referentie()));
                LocalDate zesdeWerkdag = WorkingDays.plus(aanvraag.dagtekening(), 6);
                if ("JW315".equals(aanvraag.type()) && !beantwoord && !d.isBefore(zesdeWerkdag)) {
                    uit.merge("ZORG_NIET_TOEGEWEZEN", zesdeWerkdag, (a, b) -> a.isBefore(b) ? a : b);
                }
            }
            if (!actief) {
                berichten.stream().filter(b -> "JW307".equals(b.type()))
                        .filter(b -> geldigeStops(berichten, b.toewijzingNummer()).contains(b))
                        .filter(b -> Set.of("32", "33", "36").contains(b.reden()))
                        .filter(b -> !b.einde().isBefore(d.minusDays(90)) && !b.einde().isAfter(d))
                        .map(Bericht::einde).max(Comparator.naturalOrder())
                        .ifPresent(einde -> uit.put("ZORG_GESTOPT_BIJ_VERZUIM", einde));
            }
        }
        if (actief && open.stream().anyMatch(v -> Set.of("V3", "V4", "LRV").contains(v.soort()))) {
            uit.put("MATCH", d);   // since is not checked here
        }
        return uit;
    }

    private static boolean geldig(Reg r, LocalDate d) {
        return !r.begin().isAfter(d) && (r.eind() == null || !r.eind().isBefore(d));
    }

    /** The JW307s of a toewijzing that a later StatusAanlevering 3 did not withdraw. */
    private static List<Bericht> geldigeStops(List<Bericht> berichten, String toewijzingNummer) {
        List<Bericht> stops = berichten.stream()
                .filter(b -> "JW307".equals(b.type()) && toewijzingNummer.equals(b.toewijzingNummer())).toList();
        boolean ingetrokken = stops.stream().anyMatch(b -> "3".equals(b.status()));
        return ingetrokken ? List.of() : stops;
    }
}
