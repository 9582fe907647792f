package nl.kindplan.hub.api;

import static org.assertj.core.api.Assertions.assertThat;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;

/** {@code GET /api/kinderen/{nummer}} with something that is no BSN or onderwijsnummer: 400 with the reason. */
class KindNummerTest extends HubTestSupport {

    @Autowired
    TestRestTemplate http;

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "12345|400|geen BSN of onderwijsnummer: dat heeft 9 cijfers, dit nummer heeft er 5",
            "1234567890|400|geen BSN of onderwijsnummer: dat heeft 9 cijfers, dit nummer heeft er 10",
            "abc|400|geen BSN of onderwijsnummer: dat bestaat alleen uit cijfers, 9 stuks",
            "12345678a|400|geen BSN of onderwijsnummer: dat bestaat alleen uit cijfers, 9 stuks"})
    void answersWithTheReason(String nummer, int status, String reason) {
        ResponseEntity<JsonNode> answer = http.withBasicAuth(OPERATOR, OPERATOR_PASSWORD)
                .getForEntity("/api/kinderen/" + nummer, JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getBody().path("fout").asString()).isEqualTo(reason);
    }

    @Test
    void aChildNotKnownIs404WithTheNumberMasked() {
        String bsn = TestBsn.bsn();
        ResponseEntity<JsonNode> answer = http.withBasicAuth(OPERATOR, OPERATOR_PASSWORD)
                .getForEntity("/api/kinderen/" + bsn, JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(404);
        assertThat(answer.getBody().path("fout").asString()).isEqualTo("geen kind bekend met nummer ******" + bsn.substring(6));
    }
}
