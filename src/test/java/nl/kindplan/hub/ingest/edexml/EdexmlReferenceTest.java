package nl.kindplan.hub.ingest.edexml;

import nl.kindplan.hub.ingest.RecordingSink;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xml.sax.SAXException;

import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.ingest.IngestSink.SnapshotScope;
import nl.kindplan.hub.mapping.Mappings;

/** Against the public EDEXML 2.1 material in ../shared/reference (read there, never copied). */
class EdexmlReferenceTest {

    private static final Path REFERENCE = Path.of("../shared/reference/edexml-2.1");

    @BeforeEach
    void referencePresent() {
        assumeTrue(Files.isDirectory(REFERENCE), "EDEXML 2.1 reference material not present at " + REFERENCE);
    }

    @Test
    void goodFixtureIsValidEdexml() throws Exception {
        Validator validator = schema().newValidator();
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        validator.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");

        validator.validate(new StreamSource(EdexmlReaderTest.resourcePath("school-goed.xml").toFile()));
    }

    @Test
    void schemaRejectsWhatTheReaderCallsUnreadable() throws Exception {
        // the check above is only worth something if the schema does bite on a wrong brincode
        String fout = EdexmlReaderTest.resource("school-goed.xml").replace("<brincode>12AB</brincode>",
                "<brincode>12ab</brincode>");
        Validator validator = schema().newValidator();

        assertThatThrownBy(() -> validator.validate(new StreamSource(new java.io.StringReader(fout))))
                .isInstanceOf(SAXException.class);
    }

    @Test
    void readsTheStandardsOwnExample() throws Exception {
        Path example = REFERENCE.resolve("EDEXML.Voorbeeld.2.1.xml");
        EdexmlReader reader = new EdexmlReader(Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv")));
        RecordingSink sink = new RecordingSink();

        try (InputStream in = Files.newInputStream(example)) {
            reader.read(in, example.getFileName().toString(), sink);
        }

        // Every leerling of the example lacks something the hub needs: a full BSN or onderwijsnummer
        // (one has only bsn_ondwnr-4, one none), a geboortedatum or an instroomdatum, or a number
        // that passes the 11-proef. So each is a row error at its own line, and nothing is taken in.
        List<String> lines = Files.readAllLines(example);
        List<Long> leerlingRegels = IntStream.range(0, lines.size())
                .filter(i -> lines.get(i).contains("<leerling "))
                .mapToObj(i -> (long) i + 1).toList();
        assertThat(leerlingRegels).hasSize(3);
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::regel).containsExactlyElementsOf(leerlingRegels);
        assertThat(sink.registraties).isEmpty();
        assertThat(sink.rowErrors).allSatisfy(e -> assertThat(e.reden())
                .doesNotContainPattern("[0-9]{9}").doesNotContain("Assati", "Wimpie", "Gradje"));

        assertThat(sink.snapshots).singleElement().satisfies(s -> {
            assertThat(s.bron()).isEqualTo(Registratie.Bron.EDEXML);
            assertThat(s.scope()).isEqualTo(SnapshotScope.SCHOOL);
            assertThat(s.scopeKeys()).containsExactly("99ZZ00");
            assertThat(s.einddatum()).isEqualTo(LocalDate.of(2014, 10, 1));
            assertThat(s.gelisteRegelIds()).isEmpty();
        });
    }

    private static Schema schema() throws SAXException {
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        // the structure schema includes its sibling files
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file");
        return factory.newSchema(REFERENCE.resolve("EDEXML.structuur.xsd").toFile());
    }
}
