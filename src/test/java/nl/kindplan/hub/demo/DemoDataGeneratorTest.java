package nl.kindplan.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import nl.kindplan.hub.demo.DemoDataGenerator.Inboxes;
import nl.kindplan.hub.demo.DemoDataGenerator.Summary;
import nl.kindplan.hub.demo.DemoWorld.Kind;
import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.xml.SecureXml;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xml.sax.SAXException;

class DemoDataGeneratorTest {

    private static final Path REF_IJW = Path.of("../shared/reference/ijw-3.2");
    private static final Path REF_EDEXML = Path.of("../shared/reference/edexml-2.1");
    private static final List<DemoSchool> SCHOLEN = DemoSchool.fromSwvTable(Path.of("mappings/swv-scholen.csv"));
    /** A Monday. */
    private static final LocalDate AS_OF = LocalDate.of(2026, 11, 23);
    private static final int CHILDREN = 300;
    private static final long SEED = 20261123L;

    @TempDir
    static Path gedeeld;
    private static Inboxes inboxes;
    private static Summary summary;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generate() {
        inboxes = inboxes(gedeeld);
        summary = DemoDataGenerator.withSwvTable(Path.of("mappings/swv-scholen.csv"))
                .generate(inboxes, CHILDREN, SEED, AS_OF);
    }

    private static Inboxes inboxes(Path basis) {
        return new Inboxes(basis.resolve("inbox/verzuim"), basis.resolve("inbox/ijw"),
                basis.resolve("inbox/inschrijvingen"), basis.resolve("inbox/edexml"));
    }

    // --- XSDs of the standards ----------------------------------------------------------------

    @Test
    void everyIjwMessageValidatesAgainstTheXsdOfItsType() throws Exception {
        assumeTrue(Files.isDirectory(REF_IJW), "reference iJw 3.2 XSDs not present at " + REF_IJW);
        Pattern naam = Pattern.compile("(jw3\\d\\d)-(\\d{12})\\.xml");
        Map<String, Validator> validators = new HashMap<>();
        Map<String, Integer> perType = new TreeMap<>();
        List<String> fouten = new ArrayList<>();
        for (Path f : DemoDossiers.bestanden(inboxes.ijw())) {
            Matcher m = naam.matcher(f.getFileName().toString());
            assertThat(m.matches()).as("file name %s", f.getFileName()).isTrue();
            String type = m.group(1);
            perType.merge(type, 1, Integer::sum);
            assertThat(rootElement(f)).isEqualTo("{http://www.istandaarden.nl/ijw/3_2/" + type + "/schema}Bericht");
            assertThat(DemoDossiers.xmlBladeren(f).get("Identificatie")).isEqualTo(m.group(2));
            Validator v = validators.computeIfAbsent(type, t -> validator(REF_IJW.resolve(t.toUpperCase() + ".xsd")));
            valideer(v, f, fouten);
        }
        assertThat(fouten).isEmpty();
        assertThat(perType).containsOnlyKeys("jw301", "jw305", "jw307", "jw315");
    }

    @Test
    void everyEdexmlFileValidatesAgainstTheEdexmlXsd() throws Exception {
        assumeTrue(Files.isDirectory(REF_EDEXML), "reference EDEXML 2.1 XSDs not present at " + REF_EDEXML);
        // The reference EDEXML.types.variabel.xsd enumerates school years up to 2024-2025 (Edustandaard
        // extends that list every year), so validate a dataset of that school year.
        LocalDate asOf = LocalDate.of(2025, 3, 12);
        Inboxes in = inboxes(tmp);
        new DemoDataGenerator(SCHOLEN).generate(in, CHILDREN, SEED, asOf);
        Validator v = validator(REF_EDEXML.resolve("EDEXML.structuur.xsd"));
        List<String> fouten = new ArrayList<>();
        List<Path> files = DemoDossiers.bestanden(in.edexml());
        assertThat(files).isNotEmpty();
        for (Path f : files) {
            assertThat(f.getFileName().toString()).matches("edexml-(10A|20B)[A-Z]\\d{2}-20250311\\.xml");
            valideer(v, f, fouten);
        }
        assertThat(fouten).isEmpty();
        // a subset of the demo schools, each a school of the table
        assertThat(files.size()).isLessThan(SCHOLEN.size());
        Map<String, String> school = new HashMap<>();
        DemoDossiers.edexmlLeerlingen(files.get(0), school);
        assertThat(SCHOLEN).extracting(DemoSchool::code).contains(school.get("brincode") + school.get("dependancecode"));
    }

    private static Validator validator(Path xsd) {
        try {
            SchemaFactory f = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            f.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            // the message XSDs import basisschema.xsd (EDEXML includes its parts) from beside them
            f.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
            Schema schema = f.newSchema(xsd.toFile());
            Validator v = schema.newValidator();
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            v.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            return v;
        } catch (SAXException e) {
            throw new IllegalStateException("cannot load " + xsd, e);
        }
    }

    private static void valideer(Validator v, Path f, List<String> fouten) throws IOException {
        try {
            v.validate(new StreamSource(f.toFile()));
        } catch (SAXException e) {
            fouten.add(f.getFileName() + ": " + e.getMessage());
        }
    }

    private static String rootElement(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            XMLStreamReader r = SecureXml.reader(in);
            while (r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            return "{" + r.getNamespaceURI() + "}" + r.getLocalName();
        } catch (XMLStreamException | UnreadableFileException e) {
            throw new IOException(e);
        }
    }

    // --- numbers and CSV ----------------------------------------------------------------------

    @Test
    void everyBsnAndOnderwijsnummerPassesItsElfproef() throws IOException {
        List<String> bsns = new ArrayList<>();
        List<String> onderwijsnummers = new ArrayList<>();
        for (Path map : List.of(inboxes.verzuim(), inboxes.inschrijvingen())) {
            for (Path f : DemoDossiers.bestanden(map)) {
                for (CSVRecord rec : DemoDossiers.csv(f)) {
                    String bsn = DemoDossiers.waarde(rec, "bsn");
                    String on = DemoDossiers.waarde(rec, "onderwijsnummer");
                    assertThat(bsn != null || on != null).as("%s line %d has a number", f.getFileName(),
                            rec.getRecordNumber()).isTrue();
                    if (bsn != null) {
                        bsns.add(bsn);
                    }
                    if (on != null) {
                        onderwijsnummers.add(on);
                    }
                }
            }
        }
        for (Path f : DemoDossiers.bestanden(inboxes.ijw())) {
            bsns.add(DemoDossiers.xmlBladeren(f).get("Bsn"));
        }
        for (Path f : DemoDossiers.bestanden(inboxes.edexml())) {
            for (Map<String, String> ll : DemoDossiers.edexmlLeerlingen(f, new HashMap<>())) {
                assertThat(ll.get("bsn") != null || ll.get("onderwijsnummer") != null).isTrue();
                if (ll.get("bsn") != null) {
                    bsns.add(ll.get("bsn"));
                } else {
                    onderwijsnummers.add(ll.get("onderwijsnummer"));
                }
            }
        }
        assertThat(bsns).isNotEmpty().allMatch(Elfproef::isBsn, "a valid BSN");
        assertThat(onderwijsnummers).isNotEmpty().allMatch(Elfproef::isOnderwijsnummer, "a valid onderwijsnummer");
        assertThat(summary.childrenPerIdentity()).allSatisfy((identiteit, aantal) -> assertThat(aantal).isPositive());
    }

    @Test
    void verzuimFilesHaveTheRequiredColumnsAndValidValues() throws IOException {
        List<Path> files = DemoDossiers.bestanden(inboxes.verzuim());
        assertThat(files).hasSizeGreaterThanOrEqualTo(3)
                .allSatisfy(f -> assertThat(f.getFileName().toString()).matches("verzuim-\\d{8}\\.csv"));
        for (Path f : files) {
            List<CSVRecord> rijen = DemoDossiers.csv(f);
            assertThat(rijen).isNotEmpty();
            assertThat(rijen.get(0).getParser().getHeaderNames()).contains("meldingsnummer", "laatste_mutatie",
                    "status", "verzuimsoort", "bsn", "onderwijsnummer", "geboortedatum", "brin", "gemeentecode",
                    "begindatum");
            for (CSVRecord rec : rijen) {
                LocalDateTime.parse(rec.get("laatste_mutatie"));
                LocalDate begin = LocalDate.parse(rec.get("begindatum"));
                LocalDate.parse(rec.get("geboortedatum"));
                assertThat(begin).isBefore(AS_OF);
                assertThat(rec.get("status")).isIn("R", "B", "G", "K", "I");
                assertThat(rec.get("verzuimsoort")).isIn("V3", "V4", "LRV", "L", "O", "RMC");
                assertThat(rec.get("brin")).matches("[0-9]{2}[A-Z]{2}");
                assertThat(rec.get("vestiging")).matches("[0-9]{2}");
                assertThat(rec.get("gemeentecode")).matches("[0-9]{4}");
                assertThat(rec.get("vermoedelijke_reden")).hasSizeLessThanOrEqualTo(200);
            }
        }
    }

    @Test
    void inschrijvingenFilesHaveTheRequiredColumnsAndValidValues() throws IOException {
        List<Path> files = DemoDossiers.bestanden(inboxes.inschrijvingen());
        assertThat(files).filteredOn(f -> f.getFileName().toString().matches("inschrijvingen-volledig-\\d{8}\\.csv"))
                .hasSize(1);
        assertThat(files).filteredOn(f -> f.getFileName().toString().matches("inschrijvingen-\\d{8}\\.csv"))
                .hasSizeGreaterThanOrEqualTo(2);
        Set<String> mutaties = new HashSet<>();
        Set<String> redenen = new HashSet<>();
        Set<String> vrijstellingen = new HashSet<>();
        for (Path f : files) {
            List<CSVRecord> rijen = DemoDossiers.csv(f);
            assertThat(rijen).isNotEmpty();
            assertThat(rijen.get(0).getParser().getHeaderNames()).contains("soort", "mutatie", "regel_id", "bsn",
                    "onderwijsnummer", "geboortedatum", "gemeentecode", "brin", "vestiging", "onderwijssoort",
                    "begindatum", "einddatum", "reden", "vrijstelling");
            for (CSVRecord rec : rijen) {
                assertThat(rec.get("soort")).isIn("INSCHRIJVING", "VRIJSTELLING");
                mutaties.add(rec.get("mutatie"));
                LocalDate begin = LocalDate.parse(rec.get("begindatum"));
                if (!rec.get("einddatum").isEmpty()) {
                    assertThat(LocalDate.parse(rec.get("einddatum"))).isAfter(begin);
                }
                assertThat(rec.get("gemeentecode")).matches("[0-9]{4}");
                if ("INSCHRIJVING".equals(rec.get("soort"))) {
                    assertThat(SCHOLEN).extracting(DemoSchool::code).contains(rec.get("brin") + rec.get("vestiging"));
                    assertThat(rec.get("onderwijssoort")).isIn("BAO", "SBO", "SO", "VO", "VSO", "PRO", "MBO");
                } else {
                    assertThat(rec.get("vrijstelling")).isIn("5a", "5b", "5c", "15");
                    vrijstellingen.add(rec.get("vrijstelling"));
                }
                if (!rec.get("reden").isEmpty()) {
                    redenen.add(rec.get("reden"));
                }
            }
        }
        assertThat(mutaties).containsExactlyInAnyOrder("TOEGEVOEGD", "GEWIJZIGD", "VERWIJDERD");
        assertThat(redenen).contains("SCHOOLWISSEL", "VERHUIZING", "EMIGRATIE", "DIPLOMA");
        assertThat(vrijstellingen).isNotEmpty();
    }

    @Test
    void someMeldingenAreUpdatedInLaterFilesFromRThroughBToG() throws IOException {
        Map<String, List<String>> statussen = new HashMap<>();
        Map<String, LocalDateTime> laatste = new HashMap<>();
        for (Path f : DemoDossiers.bestanden(inboxes.verzuim())) {
            Set<String> inDitBestand = new HashSet<>();
            for (CSVRecord rec : DemoDossiers.csv(f)) {
                String nr = rec.get("meldingsnummer");
                assertThat(inDitBestand.add(nr)).as("one row per melding per file").isTrue();
                LocalDateTime mutatie = LocalDateTime.parse(rec.get("laatste_mutatie"));
                LocalDateTime vorige = laatste.put(nr, mutatie);
                assertThat(vorige == null || mutatie.isAfter(vorige)).as("a later file has a newer version").isTrue();
                statussen.computeIfAbsent(nr, k -> new ArrayList<>()).add(rec.get("status"));
            }
        }
        assertThat(statussen.values()).filteredOn(s -> s.size() > 1).isNotEmpty();
        assertThat(statussen.values()).contains(List.of("R", "B", "G"));
    }

    // --- consistency and signals --------------------------------------------------------------

    @Test
    void everyChildGetsExactlyTheSignalsOfItsScenarioFromTheFilesAlone() throws IOException {
        DemoDossiers dossiers = DemoDossiers.lees(inboxes);
        // the same seed and asOf rebuild the world the files were written from
        List<Kind> kinderen = new DemoWorldBuilder(new Random(SEED), AS_OF, SCHOLEN).bouw(CHILDREN).kinderen();
        assertThat(dossiers.kinderen()).containsExactlyInAnyOrderElementsOf(kinderen.stream().map(Kind::sleutel).toList());

        Map<String, Integer> perSignaal = new TreeMap<>();
        Map<String, Set<Boolean>> escalatie = new HashMap<>();
        List<String> afwijkend = new ArrayList<>();
        for (Kind k : kinderen) {
            Map<String, LocalDate> signalen = dossiers.signalen(k.sleutel(), AS_OF);
            signalen.forEach((code, since) -> {
                perSignaal.merge(code, 1, Integer::sum);
                escalatie.computeIfAbsent(code, c -> new HashSet<>()).add(ChronoUnit.DAYS.between(since, AS_OF) >= 91);
            });
            Set<String> verwacht = k.scenario().signaal() == null ? Set.of() : Set.of(k.scenario().signaal());
            Set<String> toegestaan = new HashSet<>(verwacht);
            if (k.scenario() == Scenario.MATCH) {
                toegestaan.add("THUISZITTER");   // a MATCH on an LRV melding of an enrolled child is both
            }
            if (!signalen.keySet().containsAll(verwacht) || !toegestaan.containsAll(signalen.keySet())) {
                afwijkend.add(k.scenario() + " " + Elfproef.masker(k.sleutel()) + " got " + signalen.keySet());
            }
        }
        assertThat(afwijkend).isEmpty();
        assertThat(perSignaal).containsOnlyKeys("THUISZITTER", "ABSOLUUT_VERZUIM", "ZORG_NIET_TOEGEWEZEN",
                "ZORG_GESTOPT_BIJ_VERZUIM", "MATCH");
        // a realistic share each: a few percent of the children
        assertThat(perSignaal.values()).allSatisfy(n -> assertThat(n).isBetween(2, CHILDREN / 10));
        assertThat(escalatie.get("THUISZITTER")).containsExactlyInAnyOrder(true, false);
        assertThat(escalatie.get("ABSOLUUT_VERZUIM")).containsExactlyInAnyOrder(true, false);
    }

    @Test
    void summaryExamplesAreChildrenOfTheirScenario() throws IOException {
        DemoDossiers dossiers = DemoDossiers.lees(inboxes);
        assertThat(summary.examples()).containsOnlyKeys(
                Stream.of(Scenario.values()).map(Scenario::name).toArray(String[]::new));
        summary.examples().forEach((scenario, sleutels) -> {
            assertThat(sleutels).as(scenario).isNotEmpty();
            String signaal = Scenario.valueOf(scenario).signaal();
            for (String s : sleutels) {
                Set<String> signalen = dossiers.signalen(s, AS_OF).keySet();
                if (signaal == null) {
                    assertThat(signalen).as(scenario).isEmpty();
                } else {
                    assertThat(signalen).as(scenario).contains(signaal);
                }
            }
        });
        assertThat(summary.childrenPerScenario().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(CHILDREN);
    }

    @Test
    void theFullSnapshotAgreesWithTheMutatiesAndEdexmlWithDuo() throws IOException {
        DemoDossiers dossiers = DemoDossiers.lees(inboxes);
        assertThat(dossiers.doorSnapshotBeeindigd).isEmpty();
        int leerlingen = 0;
        for (String kind : dossiers.kinderen()) {
            for (DemoDossiers.Reg e : dossiers.edexmlRegistraties(kind)) {
                leerlingen++;
                assertThat(dossiers.duoRegistraties(kind)).as("DUO registration behind EDEXML leerling")
                        .anyMatch(d -> !d.verwijderd() && e.brin().equals(d.brin()) && e.vestiging().equals(d.vestiging())
                                && e.begin().equals(d.begin()) && Objects.equals(e.eind(), d.eind()));
            }
        }
        assertThat(leerlingen).isEqualTo(summary.rows().get("edexml")).isPositive();
    }

    @Test
    void everyJw301WithAReferenceAnswersAJw315OfTheSameClient() throws IOException {
        Map<String, String> aanvragen = new HashMap<>();
        List<Map<String, String>> toewijzingen = new ArrayList<>();
        Set<String> stopRedenen = new HashSet<>();
        Set<String> statussen = new HashSet<>();
        for (Path f : DemoDossiers.bestanden(inboxes.ijw())) {
            Map<String, String> w = DemoDossiers.xmlBladeren(f);
            String naam = f.getFileName().toString();
            if (naam.startsWith("jw315")) {
                aanvragen.put(w.get("ReferentieAanbieder"), w.get("Bsn"));
                assertThat(w.get("Ontvanger")).matches("\\d{4}");
                assertThat(w.get("Afzender")).matches("\\d{8}");
            } else if (naam.startsWith("jw301")) {
                toewijzingen.add(w);
                assertThat(w.get("Afzender")).matches("\\d{4}");
                assertThat(w.get("Ontvanger")).matches("\\d{8}");
            } else if (naam.startsWith("jw307")) {
                stopRedenen.add(w.get("RedenBeeindiging"));
                statussen.add(w.get("StatusAanlevering"));
            }
        }
        assertThat(toewijzingen).filteredOn(w -> w.get("ReferentieAanbieder") != null).isNotEmpty()
                .allSatisfy(w -> assertThat(aanvragen).containsEntry(w.get("ReferentieAanbieder"), w.get("Bsn")));
        assertThat(stopRedenen).containsAnyOf("32", "33", "36");
        assertThat(statussen).contains("1", "3");
    }

    // --- files --------------------------------------------------------------------------------

    @Test
    void theSameSeedAndDateGiveIdenticalFilesAndAnotherSeedOthers() throws IOException {
        Inboxes nogmaals = inboxes(tmp.resolve("a"));
        Summary tweede = new DemoDataGenerator(SCHOLEN).generate(nogmaals, CHILDREN, SEED, AS_OF);
        assertThat(tweede.examples()).isEqualTo(summary.examples());
        assertThat(inhoud(tmp.resolve("a/inbox"))).isEqualTo(inhoud(gedeeld.resolve("inbox")));

        Inboxes ander = inboxes(tmp.resolve("b"));
        new DemoDataGenerator(SCHOLEN).generate(ander, CHILDREN, SEED + 1, AS_OF);
        assertThat(inhoud(tmp.resolve("b/inbox"))).isNotEqualTo(inhoud(gedeeld.resolve("inbox")));
    }

    private static Map<String, String> inhoud(Path basis) throws IOException {
        Map<String, String> inhoud = new TreeMap<>();
        try (Stream<Path> s = Files.walk(basis)) {
            for (Path f : s.filter(Files::isRegularFile).toList()) {
                inhoud.put(basis.relativize(f).toString(), Files.readString(f));
            }
        }
        return inhoud;
    }

    @Test
    void noTemporaryFilesAreLeftAndEveryFileHasItsSourceName() throws IOException {
        try (Stream<Path> s = Files.walk(gedeeld.resolve("inbox"))) {
            List<String> namen = s.filter(Files::isRegularFile).map(p -> p.getFileName().toString()).toList();
            assertThat(namen).isNotEmpty().noneMatch(n -> n.startsWith("."))
                    .allMatch(n -> n.matches("verzuim-\\d{8}\\.csv|inschrijvingen-(volledig-)?\\d{8}\\.csv"
                            + "|jw3(01|05|07|15)-\\d{12}\\.xml|edexml-\\d{2}[A-Z]{2}\\d{2}-\\d{8}\\.xml"));
        }
        int geteld = summary.files().values().stream().mapToInt(Integer::intValue).sum();
        assertThat(inhoud(gedeeld.resolve("inbox"))).hasSize(geteld);
    }

    @Test
    void aFailedWriteLeavesNeitherTheFileNorItsTemporaryFile() throws IOException {
        Path doel = tmp.resolve("nieuw/verzuim-20261123.csv");
        assertThatThrownBy(() -> AtomicFiles.schrijf(doel, out -> {
            out.write("meldingsnummer;status\n".getBytes());
            throw new IOException("disk full");
        })).isInstanceOf(IOException.class).hasMessage("disk full");
        try (Stream<Path> s = Files.list(tmp.resolve("nieuw"))) {
            assertThat(s.toList()).isEmpty();
        }
    }

    @Test
    void tooFewChildrenToShowEveryScenarioIsRefused() {
        assertThatThrownBy(() -> new DemoDataGenerator(SCHOLEN).generate(inboxes(tmp), 10, SEED, AS_OF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("children");
    }

    @Test
    void threeThousandChildrenAreWrittenWithinSeconds() {
        Summary groot = assertTimeoutPreemptively(Duration.ofSeconds(30),
                () -> new DemoDataGenerator(SCHOLEN).generate(inboxes(tmp), 3000, SEED, AS_OF));
        assertThat(groot.children()).isEqualTo(3000);
        // a few percent of the children carry a scenario
        assertThat(groot.childrenPerScenario().get("THUISZITTER")).isBetween(30, 150);
    }
}
