package nl.kindplan.hub.ingest.ijw;

import nl.kindplan.hub.ingest.RecordingSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.ingest.UnreadableFileException;

/**
 * The standard's own example messages, read by path from the shared reference folder (never copied
 * into the project), and this project's fixtures validated against the standard's XSDs.
 */
class IjwReferenceExamplesTest {

    private static final Path REFERENTIE = Path.of("../shared/reference/ijw-3.2");

    private static IjwReader reader;

    @BeforeAll
    static void laadMappings() {
        reader = new IjwReader(IjwFixtures.mappings());
    }

    @BeforeEach
    void alleenMetReferentie() {
        assumeTrue(Files.isDirectory(REFERENTIE), "the iJw 3.2 reference folder " + REFERENTIE + " is absent");
    }

    @ParameterizedTest
    @CsvSource({"JW301, ToegewezenProduct", "JW305, StartProduct", "JW307, StopProduct"})
    void readsTheStandardsExample(String type, String productElement) throws Exception {
        Path voorbeeld = REFERENTIE.resolve(type + "-voorbeeld.xml");
        String xml = Files.readString(voorbeeld);
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(voorbeeld)) {
            reader.read(in, voorbeeld.getFileName().toString(), sink);
        }

        assertThat(sink.berichten).hasSize(1);
        assertThat(sink.berichten.get(0).kind().bsn()).isEqualTo(eerste(xml, "Bsn"));
        List<JeugdhulpRegel> regels = sink.berichten.get(0).regels();
        assertThat(regels).hasSize(alle(xml, "<" + type.toLowerCase() + ":" + productElement + ">").size());
        assertThat(regels).extracting(JeugdhulpRegel::toewijzingNummer).containsExactlyElementsOf(alleWaarden(xml, "ToewijzingNummer"));
        assertThat(regels).extracting(JeugdhulpRegel::productcode).containsExactlyElementsOf(alleWaarden(xml, "Code"));
        assertThat(regels).allSatisfy(r -> {
            assertThat(r.berichttype().name()).isEqualTo(type);
            assertThat(r.gemeentecode()).hasSize(4);
            assertThat(r.aanbieder()).hasSize(8);
        });
    }

    @Test
    void rejectsTheStandardsJw315ExampleForItsImpossibleDate() throws Exception {
        Path voorbeeld = REFERENTIE.resolve("JW315-voorbeeld.xml");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(voorbeeld)) {
            assertThatThrownBy(() -> reader.read(in, "JW315-voorbeeld.xml", sink))
                    .isInstanceOf(UnreadableFileException.class)
                    .hasMessageContaining("2027-06-31");
        }
        assertThat(sink.isEmpty()).isTrue();
    }

    @Test
    void skipsTheStandardsJw317Example() throws Exception {
        Path voorbeeld = REFERENTIE.resolve("JW317-voorbeeld.xml");
        RecordingSink sink = new RecordingSink();
        try (InputStream in = Files.newInputStream(voorbeeld)) {
            reader.read(in, "JW317-voorbeeld.xml", sink);
        }
        assertThat(sink.berichten).isEmpty();
        assertThat(sink.notes).singleElement().asString()
                .startsWith("JW317 " + eerste(Files.readString(voorbeeld), "Identificatie"))
                .contains("dit iJw-berichttype leest de hub niet, overgeslagen");
    }

    /** Our own good fixtures are valid iJw 3.2, so the reader is tested on what the standard allows. */
    @ParameterizedTest
    @CsvSource({"jw315-verzoek.xml, JW315", "jw301-toewijzing.xml, JW301", "jw305-start.xml, JW305",
            "jw305-intrekking.xml, JW305", "jw307-stop.xml, JW307", "jw317-wijziging.xml, JW317"})
    void theFixturesAreValidAgainstTheXsds(String fixture, String type) throws Exception {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        Schema schema = factory.newSchema(REFERENTIE.resolve(type + ".xsd").toFile());
        var validator = schema.newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
        validator.validate(new StreamSource(IjwFixtures.FIXTURES.resolve(fixture).toFile()));
    }

    private static String eerste(String xml, String element) {
        List<String> waarden = alleWaarden(xml, element);
        assertThat(waarden).as(element).isNotEmpty();
        return waarden.get(0);
    }

    /** The texts of every element with this local name, by a plain pattern independent of the reader. */
    private static List<String> alleWaarden(String xml, String element) {
        Matcher m = Pattern.compile("<(?:\\w+:)?" + element + ">([^<]*)</(?:\\w+:)?" + element + ">").matcher(xml);
        List<String> waarden = new ArrayList<>();
        while (m.find()) {
            waarden.add(m.group(1).trim());
        }
        return waarden;
    }

    private static List<Integer> alle(String xml, String teken) {
        List<Integer> posities = new ArrayList<>();
        for (int i = xml.indexOf(teken); i >= 0; i = xml.indexOf(teken, i + 1)) {
            posities.add(i);
        }
        return posities;
    }
}
