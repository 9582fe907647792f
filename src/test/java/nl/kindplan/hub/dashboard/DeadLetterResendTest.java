package nl.kindplan.hub.dashboard;

import static nl.kindplan.hub.dashboard.DashboardApiTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.Connection;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.Elfproef;
import org.apache.activemq.ActiveMQConnectionFactory;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dead-letter queue on the dashboard: listed with the child masked, and re-sent to the
 * original destination its outbox entry records. Gemeente 0998 has only a webhook that always
 * fails (HubTestSupport), so its messages really are dead-lettered.
 */
class DeadLetterResendTest extends DashboardTestSupport {

    private static final LocalDate NIGHT = LocalDate.of(2026, 9, 7);
    private static final String DLQ = "kindplan.dlq";

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadLetterForAQueueGoesBackToThatQueueAndOffTheDeadLetterQueue() throws Exception {
        HubApi api = new HubApi(http);
        Night night = dropNightWithCases(NIGHT);
        api.runNight(NIGHT);
        // the message of the long thuiszitter's case to the gemeente, as if its delivery had failed
        var outbox = jdbc.queryForMap("""
                SELECT o.id, o.payload, e.case_id, e.event FROM outbox o
                  JOIN case_event e ON e.id = o.case_event_id JOIN signal_case c ON c.case_id = e.case_id
                  JOIN kind k ON k.id = c.kind_id
                 WHERE k.bsn = ? AND o.recipient_type = 'GEMEENTE' AND o.channel = 'JMS'""", night.thuiszitterLang());
        long outboxId = ((Number) outbox.get("id")).longValue();
        String caseId = (String) outbox.get("case_id");
        jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE id = ?", outboxId);
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente." + GEMEENTE);
            deadLetter((String) outbox.get("payload"), caseId, (String) outbox.get("event"), "broker weg",
                    String.valueOf(outboxId));

            JsonNode letter = find(api.get("/api/dlq").path("berichten"), "outboxId", String.valueOf(outboxId));
            assertThat(letter.path("caseId").asText()).isEqualTo(caseId);
            assertThat(letter.path("signal").asText()).isEqualTo("THUISZITTER");
            assertThat(letter.path("reden").asText()).isEqualTo("broker weg");
            assertThat(letter.path("kind").asText()).isEqualTo(Elfproef.masker(night.thuiszitterLang()));
            assertThat(letter.path("ontvangerType").asText()).isEqualTo("GEMEENTE");
            assertThat(letter.path("ontvanger").asText()).isEqualTo(GEMEENTE);
            assertThat(letter.path("kanaal").asText()).isEqualTo("JMS");
            assertThat(letter.path("bestemming").asText()).isEqualTo("kindplan.gemeente." + GEMEENTE);
            assertThat(letter.toString()).doesNotContain(night.thuiszitterLang());

            ResponseEntity<JsonNode> resent = api.post("/api/dlq/" + letter.path("id").asText() + "/opnieuw");

            assertThat(resent.getStatusCode().value()).isEqualTo(200);
            assertThat(resent.getBody().path("uitkomst").asText()).isEqualTo("VERZONDEN");
            List<Received> delivered = queues.drain("kindplan.gemeente." + GEMEENTE);
            assertThat(delivered).singleElement().satisfies(r -> {
                assertThat(r.caseId()).isEqualTo(caseId);
                assertThat(r.signal()).isEqualTo("THUISZITTER");
                assertThat(r.json().path("kind").path("bsn").asText()).isEqualTo(night.thuiszitterLang());
            });
            assertThat(ids(api.get("/api/dlq"))).doesNotContain(letter.path("id").asText());
            assertThat(jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, outboxId))
                    .isEqualTo("SENT");
        }
    }

    @Test
    void aWebhookThatFailsAgainIsDeadLetteredAnewWithTheNewReason() throws Exception {
        HubApi api = new HubApi(http);
        String bsn = TestBsn.bsn();
        drop("verzuim", "verzuim-dash-dlq.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;gemeentecode;begindatum\n"
                + "DLQ-" + bsn + ";2026-09-01T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;0998;2026-08-31\n");
        api.runNight(NIGHT);
        JsonNode letter = StreamSupport.stream(api.get("/api/dlq").path("berichten").spliterator(), false)
                .filter(m -> Elfproef.masker(bsn).equals(m.path("kind").asText())).findFirst().orElseThrow();
        assertThat(letter.path("kanaal").asText()).isEqualTo("WEBHOOK");
        assertThat(letter.path("bestemming").asText()).endsWith("/fail");
        assertThat(letter.path("reden").asText()).contains("500");

        ResponseEntity<JsonNode> resent = api.post("/api/dlq/" + letter.path("id").asText() + "/opnieuw");

        assertThat(resent.getStatusCode().value()).isEqualTo(200);
        assertThat(resent.getBody().path("uitkomst").asText()).isEqualTo("OPNIEUW_MISLUKT");
        assertThat(resent.getBody().path("reden").asText()).contains("500");
        List<JsonNode> now = StreamSupport.stream(api.get("/api/dlq").path("berichten").spliterator(), false)
                .filter(m -> letter.path("caseId").asText().equals(m.path("caseId").asText())).toList();
        assertThat(now).as("the old copy taken off, the new one with its new reason on")
                .singleElement().satisfies(m -> assertThat(m.path("id").asText()).isNotEqualTo(letter.path("id").asText()));
        assertThat(jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class,
                letter.path("outboxId").asLong())).isEqualTo("DEAD");
    }

    @Test
    void aMessageWithoutOutboxEntryIsNotResentAndAnUnknownOneIs404() throws Exception {
        HubApi api = new HubApi(http);
        String caseId = "geen-outbox-" + System.nanoTime();
        deadLetter("{}", caseId, "OPENED", "onbekend", null);
        JsonNode letter = find(api.get("/api/dlq").path("berichten"), "caseId", caseId);

        assertThat(api.post("/api/dlq/" + letter.path("id").asText() + "/opnieuw").getStatusCode().value())
                .isEqualTo(409);
        assertThat(ids(api.get("/api/dlq"))).as("it stays on the queue").contains(letter.path("id").asText());
        assertThat(api.post("/api/dlq/ID:bestaat-niet-1:1:1:1/opnieuw").getStatusCode().value()).isEqualTo(404);
    }

    private static List<String> ids(JsonNode listing) {
        return StreamSupport.stream(listing.path("berichten").spliterator(), false)
                .map(m -> m.path("id").asText()).toList();
    }

    /** Puts a message on the dead-letter queue as routes/dead-letter.yaml does. */
    private static void deadLetter(String payload, String caseId, String event, String reason, String outboxId)
            throws Exception {
        Connection connection = new ActiveMQConnectionFactory("tcp://127.0.0.1:" + BROKER_PORT).createConnection();
        try {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(session.createQueue(DLQ));
            TextMessage m = session.createTextMessage(payload);
            m.setStringProperty("caseId", caseId);
            m.setStringProperty("event", event);
            m.setStringProperty("signal", "THUISZITTER");
            m.setStringProperty("reason", reason);
            if (outboxId != null) {
                m.setStringProperty("outboxId", outboxId);
            }
            producer.send(m);
        } finally {
            connection.close();
        }
    }
}
