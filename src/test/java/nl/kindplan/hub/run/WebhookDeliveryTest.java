package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A recipient with a webhook gets the same JSON as its queue; a webhook that keeps failing is
 * retried and then dead-lettered with its reason. Gemeente 0997 has a working webhook beside its
 * queue, gemeente 0998 only a failing one (see HubTestSupport).
 */
class WebhookDeliveryTest extends HubTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate NIGHT = LocalDate.of(2026, 4, 6);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void theWebhookGetsTheSameJsonAsTheQueue() throws Exception {
        String bsn = TestBsn.bsn();
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente.0997");
            dropNeverRegisteredChild(bsn, "0997", "verzuim-webhook-ok.csv");

            new HubApi(http).runNight(NIGHT);

            List<Received> queued = queues.drain("kindplan.gemeente.0997");
            assertThat(queued).singleElement().satisfies(r -> assertThat(r.signal()).isEqualTo("ABSOLUUT_VERZUIM"));
            List<JsonNode> posted = WEBHOOKS.received().stream().map(this::json)
                    .filter(j -> bsn.equals(j.path("kind").path("bsn").asString())).toList();
            assertThat(posted).containsExactly(queued.get(0).json());
        }
    }

    @Test
    void aFailingWebhookIsRetriedThenDeadLetteredWithItsReason() throws Exception {
        String bsn = TestBsn.bsn();
        int attemptsBefore = WEBHOOKS.failedAttempts();
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.dlq");
            dropNeverRegisteredChild(bsn, "0998", "verzuim-webhook-fail.csv");

            JsonNode run = new HubApi(http).runNight(NIGHT);

            assertThat(run.path("status").asString()).as("a dead webhook does not fail the run").isEqualTo("SUCCEEDED");
            assertThat(WEBHOOKS.failedAttempts() - attemptsBefore).as("the first try and 3 retries").isEqualTo(4);
            List<Received> dead = queues.drain("kindplan.dlq");
            assertThat(dead).singleElement().satisfies(r -> {
                assertThat(r.json().path("kind").path("bsn").asString()).isEqualTo(bsn);
                assertThat(r.event()).isEqualTo("OPENED");
                assertThat(r.reason()).contains("webhook").contains("/fail").contains("500");
            });
            assertThat(jdbc.queryForObject("SELECT o.status FROM outbox o JOIN case_event e ON e.id = o.case_event_id "
                    + "WHERE e.case_id = ? AND o.recipient_code = '0998'", String.class, dead.get(0).caseId()))
                    .isEqualTo("DEAD");
        }
    }

    private void dropNeverRegisteredChild(String bsn, String gemeente, String fileName) {
        drop("verzuim", fileName, "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;brin;"
                + "gemeentecode;begindatum\n"
                + "WH-" + bsn + ";2026-03-02T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;" + gemeente + ";2026-03-01\n");
    }

    private JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
