package nl.kindplan.hub.ingest.xml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.junit.jupiter.api.Test;

/** The reason for refused XML is Dutch: the hub's own refusals, and the parser's common complaints put into Dutch. */
class SecureXmlTest {

    @Test
    void theParsersCommonComplaintsAreDutchWithTheirLineAndColumn() {
        assertThat(reden("<a><b>x</a>")).isEqualTo(" op regel 1, kolom 10: element b wordt niet afgesloten met </b> "
                + "(is het bestand afgebroken of beschadigd?)");
        assertThat(reden("<a>x")).startsWith(" op regel 1, kolom ").contains("het bestand houdt op midden in een element");
        assertThat(reden("<a/><b/>")).contains("na het hoofdelement volgt nog een element");
        assertThat(reden("zomaar tekst")).contains("voor het eerste element staat tekst die geen XML is");
    }

    @Test
    void theHubsOwnRefusalIsDutchAsItIs() {
        assertThat(reden("<?xml version=\"1.0\"?>\n<!DOCTYPE a [<!ENTITY x \"y\">]>\n<a>&x;</a>"))
                .isEqualTo(" op regel 2, kolom 32: een DOCTYPE is niet toegestaan (DTD's en externe entiteiten staan uit)");
    }

    @Test
    void aComplaintWithoutDutchWordsIsQuotedAsTheParsersOwn() {
        assertThat(SecureXml.nederlands("Something the parser says")).isEqualTo("melding van de XML-lezer: Something the parser says");
        assertThat(SecureXml.nederlands("Invalid byte 2 of 3-byte UTF-8 sequence.")).startsWith("verkeerde tekenset: ");
    }

    @Test
    void anEmptyDocumentIsRefusedInDutch() {
        assertThatThrownBy(() -> lees(""))
                .satisfies(e -> assertThat(e instanceof XMLStreamException x ? SecureXml.describe(x) : e.getMessage())
                        .contains("het bestand houdt te vroeg op"));
    }

    private static String reden(String xml) {
        try {
            lees(xml);
        } catch (XMLStreamException e) {
            return SecureXml.describe(e);
        } catch (Exception e) {
            return e.getMessage();
        }
        throw new AssertionError("not refused: " + xml);
    }

    private static void lees(String xml) throws Exception {
        XMLStreamReader r = SecureXml.reader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        while (r.hasNext()) {
            r.next();
        }
    }
}
