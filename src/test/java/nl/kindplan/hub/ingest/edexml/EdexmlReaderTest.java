package nl.kindplan.hub.ingest.edexml;

import nl.kindplan.hub.ingest.RecordingSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.ingest.IngestSink.SnapshotScope;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.Mappings;

class EdexmlReaderTest {

    private static EdexmlReader reader;

    @BeforeAll
    static void loadMappings() {
        reader = new EdexmlReader(Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv")));
    }

    @Test
    void servesEdexml() {
        assertThat(reader.source()).isEqualTo(Source.EDEXML);
    }

    @Test
    void readsEveryLeerlingOfAGoodSchoolFile() throws Exception {
        RecordingSink sink = read("school-goed.xml");

        assertThat(sink.rowErrors).isEmpty();
        assertThat(sink.registraties).hasSize(3);

        RecordingSink.Ingeschreven anna = sink.registraties.get(0);
        assertThat(anna.kind()).isEqualTo(new KindIdentiteit("111222333", null, LocalDate.of(2016, 3, 14),
                "Beaugé", "de", "Anna Maria"));
        assertThat(anna.registratie()).isEqualTo(new Registratie(Registratie.Bron.EDEXML,
                "12AB01:111222333:2020-08-17", Registratie.Soort.INSCHRIJVING, null, "12AB", "01", null,
                LocalDate.of(2020, 8, 17), null, null, null, false,
                new Herkomst("school-goed.xml", lineOf("school-goed.xml", "<leerling key=\"L1\">"))));

        // only a roepnaam; an onderwijsnummer; a date with a zone, as xs:date allows
        RecordingSink.Ingeschreven bram = sink.registraties.get(1);
        assertThat(bram.kind()).isEqualTo(new KindIdentiteit(null, "222333449", LocalDate.of(2013, 11, 2),
                null, null, "Bram"));
        assertThat(bram.registratie().regelId()).isEqualTo("12AB01:222333449:2018-08-20");
        assertThat(bram.registratie().begindatum()).isEqualTo(LocalDate.of(2018, 8, 20));
        assertThat(bram.registratie().einddatum()).isEqualTo(LocalDate.of(2024, 7, 12));
        assertThat(bram.registratie().herkomst().regel()).isEqualTo(lineOf("school-goed.xml", "<leerling key=\"L2\">"));

        // sofinummer is EDEXML 1.0's name of the BSN
        RecordingSink.Ingeschreven claes = sink.registraties.get(2);
        assertThat(claes.kind().bsn()).isEqualTo("333444553");
        assertThat(claes.kind().achternaam()).isEqualTo("Claes");
        assertThat(claes.kind().voornamen()).isNull();
        assertThat(claes.registratie().herkomst().regel()).isEqualTo(lineOf("school-goed.xml", "<leerling key=\"L3\">"));
    }

    @Test
    void endsWithASnapshotOfTheSchoolLocationOnItsPeildatum() throws Exception {
        RecordingSink sink = read("school-goed.xml");

        assertThat(sink.snapshots).containsExactly(new RecordingSink.Snapshot(Registratie.Bron.EDEXML,
                SnapshotScope.SCHOOL, Set.of("12AB01"),
                sink.registraties.stream().map(r -> r.registratie().regelId()).collect(Collectors.toSet()),
                LocalDate.of(2024, 10, 1)));
        assertThat(sink.snapshots.get(0).gelisteRegelIds()).hasSize(3);
    }

    @Test
    void regelIdStaysTheSameInALaterSnapshotOfTheSameEnrolment() throws Exception {
        String eerder = resource("school-goed.xml");
        String later = eerder.replace("<peildatum>2024-10-01</peildatum>", "<peildatum>2025-02-01</peildatum>")
                .replace("<roepnaam>Anna</roepnaam>", "<roepnaam>Annie</roepnaam>");

        RecordingSink a = read(eerder, "a.xml");
        RecordingSink b = read(later, "b.xml");

        assertThat(b.snapshots.get(0).gelisteRegelIds()).isEqualTo(a.snapshots.get(0).gelisteRegelIds());
        assertThat(b.snapshots.get(0).einddatum()).isEqualTo(LocalDate.of(2025, 2, 1));
    }

    @Test
    void eachBadLeerlingIsARowErrorAndTheGoodOnesGoOn() throws Exception {
        RecordingSink sink = read("school-fouten.xml");

        assertThat(sink.registraties).extracting(r -> r.kind().sleutel()).containsExactly("444555663", "555666779");
        assertThat(sink.registraties).extracting(r -> r.registratie().vestiging()).containsOnly("00");

        Map<Long, String> fouten = sink.rowErrors.stream()
                .collect(Collectors.toMap(RecordingSink.RowError::regel, RecordingSink.RowError::reden));
        assertThat(fouten).hasSize(9);
        assertThat(fout(fouten, "zonder-nummer")).contains("zonder bsn of onderwijsnummer");
        assertThat(fout(fouten, "bsn-fout")).contains("bsn").contains("11-proef").contains("***334");
        assertThat(fout(fouten, "onderwijsnummer-fout")).contains("onderwijsnummer").contains("11-proef");
        assertThat(fout(fouten, "zonder-geboortedatum")).contains("geboortedatum ontbreekt");
        assertThat(fout(fouten, "zonder-instroom")).contains("instroomdatum ontbreekt");
        assertThat(fout(fouten, "onmogelijke-datum")).contains("instroomdatum '2023-02-30' is geen geldige datum");
        assertThat(fout(fouten, "onmogelijke-geboortedatum")).contains("geboortedatum is geen geldige datum");
        assertThat(fout(fouten, "uitstroom-voor-instroom")).contains("uitstroomdatum 2019-08-18 is eerder dan instroomdatum");
        assertThat(fout(fouten, "dubbel")).contains("staat al eerder in het bestand");
    }

    @Test
    void rowErrorsCarryNoFullNumberNameOrBirthDate() throws Exception {
        RecordingSink sink = read("school-fouten.xml");

        assertThat(sink.rowErrors).isNotEmpty().allSatisfy(e -> assertThat(e.reden())
                .doesNotContainPattern("[0-9]{9}")
                .doesNotContain("Fokker", "Gerritsen", "Hendriks", "Dekker", "2015-13-01"));
    }

    @Test
    void aRejectedLeerlingTheSchoolStillListsKeepsItsEnrolment() throws Exception {
        RecordingSink sink = read("school-fouten.xml");

        // an enrolment whose id is known stays listed, so the snapshot does not end it over a data error;
        // one whose number fails the 11-proef or whose instroomdatum is missing has no id
        assertThat(sink.snapshots).singleElement().satisfies(s -> {
            assertThat(s.scopeKeys()).containsExactly("34CD00");
            assertThat(s.einddatum()).isEqualTo(LocalDate.of(2024, 10, 1));
            assertThat(s.gelisteRegelIds()).containsExactlyInAnyOrder(
                    "34CD00:444555663:2019-08-19", "34CD00:555666779:2018-08-20",
                    "34CD00:666777883:2019-08-19", "34CD00:100000004:2019-08-19",
                    "34CD00:333444553:2019-08-19");
        });
    }

    @Test
    void takesFieldsFromDirectChildrenOfLeerlingOnly() throws Exception {
        RecordingSink sink = read("school-fouten.xml");

        // the bsn inside a toevoegingen block of "zonder-nummer" is not the pupil's
        assertThat(sink.registraties).noneMatch(r -> "555666773".equals(r.kind().bsn()));
        long regel = lineOf("school-fouten.xml", "key=\"zonder-nummer\"");
        assertThat(sink.rowErrors).anyMatch(e -> e.regel() == regel && e.reden().contains("zonder bsn"));
    }

    @Test
    void usesTheMappingForElementNamesAndDatePattern(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("edexml.yaml"), """
                datePattern: dd-MM-yyyy
                fields:
                  peildatum: [peildatum]
                  brin: [brincode]
                  bsn: [burgerservicenummer]
                  begindatum: [startdatum]
                """);
        EdexmlReader eigen = new EdexmlReader(Mappings.load(dir, Path.of("mappings/swv-scholen.csv")));
        String xml = school("<peildatum>01-10-2024</peildatum><brincode>12AB</brincode>", """
                <leerling key="1"><achternaam>X</achternaam><geboortedatum>14-03-2016</geboortedatum>
                <burgerservicenummer>111222333</burgerservicenummer><startdatum>17-08-2020</startdatum></leerling>
                """);

        RecordingSink sink = new RecordingSink();
        eigen.read(stream(xml), "eigen.xml", sink);

        assertThat(sink.rowErrors).isEmpty();
        assertThat(sink.registraties).singleElement().satisfies(r -> {
            assertThat(r.kind().bsn()).isEqualTo("111222333");
            assertThat(r.kind().geboortedatum()).isEqualTo(LocalDate.of(2016, 3, 14));
            assertThat(r.registratie().begindatum()).isEqualTo(LocalDate.of(2020, 8, 17));
        });
        assertThat(sink.snapshots.get(0).einddatum()).isEqualTo(LocalDate.of(2024, 10, 1));
    }

    @Test
    void readsEntitiesOfXmlItself() throws Exception {
        String xml = school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>", """
                <leerling key="1"><achternaam>Smit &amp; Zn</achternaam><geboortedatum>2016-03-14</geboortedatum>
                <bsn>111222333</bsn><instroomdatum>2020-08-17</instroomdatum></leerling>
                """);

        RecordingSink sink = read(xml, "amp.xml");

        assertThat(sink.registraties).singleElement()
                .satisfies(r -> assertThat(r.kind().achternaam()).isEqualTo("Smit & Zn"));
    }

    @Test
    void schoolWithoutPeildatumIsUnreadable() {
        assertUnreadable(school("<brincode>12AB</brincode>", LEERLING), "peildatum");
    }

    @Test
    void schoolWithImpossiblePeildatumIsUnreadable() {
        assertUnreadable(school("<peildatum>2024-02-30</peildatum><brincode>12AB</brincode>", LEERLING), "peildatum");
    }

    @Test
    void schoolWithoutBrincodeIsUnreadable() {
        assertUnreadable(school("<peildatum>2024-10-01</peildatum><schoolkey>1</schoolkey>", LEERLING), "brincode");
    }

    @Test
    void schoolWithMalformedBrincodeIsUnreadable() {
        assertUnreadable(school("<peildatum>2024-10-01</peildatum><brincode>12ab</brincode>", LEERLING), "brincode");
    }

    @Test
    void schoolWithMalformedDependancecodeIsUnreadable() {
        assertUnreadable(school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>"
                + "<dependancecode>1</dependancecode>", LEERLING), "dependancecode");
    }

    @Test
    void fileWithoutSchoolIsUnreadable() {
        assertUnreadable("<EDEX><leerlingen>" + LEERLING + "</leerlingen></EDEX>", "school");
    }

    @Test
    void fileWithoutLeerlingIsUnreadableRatherThanEndingEveryEnrolment() {
        assertUnreadable("<EDEX><school><schooljaar>2024-2025</schooljaar><peildatum>2024-10-01</peildatum>"
                + "<brincode>12AB</brincode></school><leerlingen/></EDEX>", "leerling");
    }

    @Test
    void otherRootElementIsUnreadable() {
        assertUnreadable("<Bericht><school/></Bericht>", "hoofdelement");
    }

    @Test
    void aLeerlingBornInTheFutureOrWithANameTooLongToKeepIsARowError() throws Exception {
        String xml = school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>", LEERLING
                + LEERLING.replace("2016-03-14", "2099-03-14").replace("111222333", "100000009")
                + LEERLING.replace("<achternaam>X</achternaam>", "<achternaam>" + "Y".repeat(201) + "</achternaam>")
                        .replace("111222333", "100000010"));
        RecordingSink sink = read(xml, "school.xml");

        assertThat(sink.registraties).extracting(r -> r.kind().bsn()).containsExactly("111222333");
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::reden).containsExactly(
                "geboortedatum ligt in de toekomst", "achternaam is langer dan 200 tekens");
    }

    @Test
    void bytesThatAreNotUtf8MakeTheFileUnreadableWithTheirLine() {
        byte[] latin1 = school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>",
                LEERLING.replace("<achternaam>X</achternaam>", "<achternaam>M\u00fcller</achternaam>"))
                .getBytes(StandardCharsets.ISO_8859_1);

        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(latin1), "latin1.xml", new RecordingSink()))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("EDEXML afgekeurd op regel 4, kolom ")
                .hasMessageContaining("geen geldige UTF-8");
    }

    @Test
    void edexInANamespaceIsUnreadable() {
        assertUnreadable("<EDEX xmlns=\"urn:iets\"><school/></EDEX>", "hoofdelement");
    }

    @Test
    void notWellFormedIsUnreadable() {
        String xml = school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>", LEERLING)
                .replace("</leerlingen>", "");
        RecordingSink sink = new RecordingSink();

        assertThatThrownBy(() -> reader.read(stream(xml), "bad.xml", sink))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("EDEXML afgekeurd op regel")
                .hasMessageContaining("wordt niet afgesloten met");
        // streaming, the leerling before the fault was handed over (the file's transaction drops it);
        // the snapshot, which would end enrolments, never comes
        assertThat(sink.snapshots).isEmpty();
    }

    @Test
    void emptyFileIsUnreadable() {
        assertUnreadable("", "EDEXML afgekeurd");
    }

    @Test
    void doctypeWithExternalEntityIsUnreadable() throws Exception {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> reader.read(stream(resource("xxe.xml")), "xxe.xml", sink))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("DOCTYPE");
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void aFailingStreamIsAnIoErrorNotAnUnreadableFile() {
        String xml = school("<peildatum>2024-10-01</peildatum><brincode>12AB</brincode>", LEERLING);
        InputStream halfThenFails = new SequenceInputStream(
                new ByteArrayInputStream(xml.substring(0, 120).getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("verbinding verbroken");
                    }
                });

        assertThatThrownBy(() -> reader.read(halfThenFails, "half.xml", new RecordingSink()))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("verbinding verbroken");
    }

    // --- helpers

    private static final String LEERLING = """
            <leerling key="1"><achternaam>X</achternaam><geboortedatum>2016-03-14</geboortedatum>
            <bsn>111222333</bsn><instroomdatum>2020-08-17</instroomdatum></leerling>
            """;

    private static String school(String schoolVelden, String leerlingen) {
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<EDEX><school><schooljaar>2024-2025</schooljaar>"
                + schoolVelden + "</school>\n<leerlingen>\n" + leerlingen + "</leerlingen></EDEX>\n";
    }

    private static void assertUnreadable(String xml, String reasonPart) {
        RecordingSink sink = new RecordingSink();
        assertThatThrownBy(() -> reader.read(stream(xml), "bad.xml", sink))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining(reasonPart);
        assertThat(sink.registraties).isEmpty();
        assertThat(sink.snapshots).isEmpty();
    }

    private static String fout(Map<Long, String> fouten, String key) throws Exception {
        long regel = lineOf("school-fouten.xml", "key=\"" + key + "\"");
        assertThat(fouten).containsKey(regel);
        return fouten.get(regel);
    }

    private static RecordingSink read(String resourceName) throws Exception {
        return read(resource(resourceName), resourceName);
    }

    private static RecordingSink read(String xml, String fileName) throws Exception {
        RecordingSink sink = new RecordingSink();
        reader.read(stream(xml), fileName, sink);
        return sink;
    }

    private static InputStream stream(String xml) {
        return new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8));
    }

    static String resource(String name) throws IOException, URISyntaxException {
        return Files.readString(resourcePath(name));
    }

    static Path resourcePath(String name) throws URISyntaxException {
        return Path.of(EdexmlReaderTest.class.getResource("/edexml/" + name).toURI());
    }

    /** The 1-based line of the fixture that holds {@code text}, found independently of the reader. */
    static long lineOf(String name, String text) throws IOException, URISyntaxException {
        List<String> lines = Files.readAllLines(resourcePath(name));
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " not in " + name);
    }
}
