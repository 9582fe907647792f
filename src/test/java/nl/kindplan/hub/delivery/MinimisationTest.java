package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** mappings/minimisation.yaml: what each recipient type gets of a case message. */
class MinimisationTest {

    private static final Minimisation TABLE = Minimisation.load(Path.of("mappings/minimisation.yaml"));

    private final ObjectNode message = message();

    @Test
    void theSamenwerkingsverbandGetsNoAanbiederProductcodeFreeTextOrVerwijzer() throws Exception {
        ObjectNode swv = TABLE.apply(RecipientType.SWV, message);

        assertThat(swv.path("caseId").asString()).isEqualTo("c-1");
        assertThat(swv.path("kind").path("bsn").asString()).isEqualTo("111222333");
        assertThat(swv.path("verzuim").get(0).path("status").asString()).isEqualTo("R");
        assertThat(swv.path("verzuim").get(0).has("vermoedelijkeReden")).isFalse();
        assertThat(swv.path("jeugdhulp").path("actief").asBoolean()).isTrue();
        assertThat(swv.path("jeugdhulp").path("vormen").get(0).asString()).isEqualTo("VERBLIJF");
        assertThat(swv.path("jeugdhulp").has("toewijzingen")).isFalse();
        assertThat(swv.has("gronden")).isFalse();
        assertThat(swv.toString()).doesNotContain("99001001", "43A01", "verwijzer", "ruzie");
    }

    @Test
    void theGemeenteGetsTheWholeMessage() {
        assertThat(TABLE.apply(RecipientType.GEMEENTE, message)).isEqualTo(message);
    }

    @Test
    void theMinimisedMessageIsACopy() {
        TABLE.apply(RecipientType.SWV, message).withObjectProperty("kind").put("bsn", "000000000");

        assertThat(message.path("kind").path("bsn").asString()).isEqualTo("111222333");
    }

    private static ObjectNode message() {
        try {
            return (ObjectNode) new ObjectMapper().readTree("""
                    {"caseId": "c-1", "event": "OPENED", "signal": "MATCH", "severity": "INFO", "since": "2026-02-02",
                     "asOf": "2026-03-02", "recipient": {"type": "SWV", "code": "PO2802"},
                     "kind": {"bsn": "111222333", "geboortedatum": "2014-05-01", "gemeentecode": "0363"},
                     "school": {"brin": "10AE", "vestiging": "00"},
                     "verzuim": [{"meldingsnummer": "M1", "status": "R", "verzuimsoort": "V3", "vermoedelijkeReden": "ruzie"}],
                     "jeugdhulp": {"actief": true, "vormen": ["VERBLIJF"],
                                   "toewijzingen": [{"aanbieder": "99001001", "productcode": "43A01"}],
                                   "berichten": [{"bericht": "JW315", "verwijzer": "02"}]},
                     "gronden": [{"soort": "MELDING", "id": "M1"}]}""");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
