package nl.kindplan.hub.dashboard;

import static nl.kindplan.hub.dashboard.DashboardApiTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.domain.Elfproef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The dead-letter queue on the dashboard: listed with the child masked, and re-sent to the
 * original destination its outbox entry records: a queue, a webhook that now answers, a webhook
 * that fails again (HubTestSupport's test webhooks /ok and /fail).
 */
class DeadLetterResendTest extends DashboardTestSupport {

    /** Last night, as in DashboardBrowserTest: a fixture child judged again by another of these nights is judged the same. */
    private static final LocalDate NIGHT = LocalDate.now().minusDays(1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aDeadLetterForAQueueGoesBackToThatQueueAndOffTheDeadLetterQueue() throws Exception {
        HubApi api = new HubApi(http);
        Night night = dropNightWithCases(NIGHT);
        api.runNight(NIGHT);
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente." + GEMEENTE);
            DeadLetter dead = deadLetter(jdbc, night.thuiszitterLang(), "JMS", null, "broker weg");

            JsonNode letter = find(api.get("/api/dlq").path("berichten"), "outboxId", String.valueOf(dead.outboxId()));
            assertThat(letter.path("caseId").asString()).isEqualTo(dead.caseId());
            assertThat(letter.path("signal").asString()).isEqualTo("THUISZITTER");
            assertThat(letter.path("event").asString()).isEqualTo("OPENED");
            assertThat(letter.path("reden").asString()).isEqualTo("broker weg");
            assertThat(letter.path("kind").asString()).isEqualTo(Elfproef.masker(night.thuiszitterLang()));
            assertThat(letter.path("ontvangerType").asString()).isEqualTo("GEMEENTE");
            assertThat(letter.path("ontvanger").asString()).isEqualTo(GEMEENTE);
            assertThat(letter.path("kanaal").asString()).isEqualTo("JMS");
            assertThat(letter.path("bestemming").asString()).isEqualTo("kindplan.gemeente." + GEMEENTE);
            assertThat(letter.path("tijdstip").asString()).isNotBlank();
            assertThat(letter.toString()).doesNotContain(night.thuiszitterLang());

            ResponseEntity<JsonNode> resent = api.post("/api/dlq/" + letter.path("id").asString() + "/opnieuw");

            assertThat(resent.getStatusCode().value()).isEqualTo(200);
            assertThat(resent.getBody().path("uitkomst").asString()).isEqualTo("VERZONDEN");
            List<Received> delivered = queues.drain("kindplan.gemeente." + GEMEENTE);
            assertThat(delivered).singleElement().satisfies(r -> {
                assertThat(r.caseId()).isEqualTo(dead.caseId());
                assertThat(r.event()).isEqualTo("OPENED");
                assertThat(r.signal()).isEqualTo("THUISZITTER");
                assertThat(r.outboxId()).as("receivers dedupe on it").isEqualTo(dead.outboxId());
                assertThat(r.json().path("kind").path("bsn").asString()).isEqualTo(night.thuiszitterLang());
            });
            assertThat(ids(api.get("/api/dlq"))).doesNotContain(letter.path("id").asString());
            assertThat(outboxStatus(dead.outboxId())).isEqualTo("SENT");
        }
    }

    @Test
    void aDeadLetterForAWebhookThatAnswersNowIsDelivered() throws Exception {
        HubApi api = new HubApi(http);
        Night night = dropNightWithCases(NIGHT);
        api.runNight(NIGHT);
        DeadLetter dead = deadLetter(jdbc, night.thuiszitterKort(), "WEBHOOK", WEBHOOKS.url("/ok?token=geheim"),
                "webhook down");
        JsonNode letter = find(api.get("/api/dlq").path("berichten"), "outboxId", String.valueOf(dead.outboxId()));
        assertThat(letter.path("kanaal").asString()).isEqualTo("WEBHOOK");
        assertThat(letter.path("bestemming").asString()).as("without the query, which may hold a token")
                .isEqualTo(WEBHOOKS.url("/ok"));

        ResponseEntity<JsonNode> resent = api.post("/api/dlq/" + letter.path("id").asString() + "/opnieuw");

        assertThat(resent.getBody().path("uitkomst").asString()).isEqualTo("VERZONDEN");
        assertThat(WEBHOOKS.received()).contains(dead.payload());
        assertThat(ids(api.get("/api/dlq"))).doesNotContain(letter.path("id").asString());
        assertThat(outboxStatus(dead.outboxId())).isEqualTo("SENT");
    }

    @Test
    void aWebhookThatFailsAgainIsDeadLetteredAnewWithTheNewReason() throws Exception {
        HubApi api = new HubApi(http);
        Night night = dropNightWithCases(NIGHT);
        api.runNight(NIGHT);
        DeadLetter dead = deadLetter(jdbc, night.nooitIngeschreven(), "WEBHOOK", WEBHOOKS.url("/fail"), "eerder mislukt");
        JsonNode letter = find(api.get("/api/dlq").path("berichten"), "outboxId", String.valueOf(dead.outboxId()));
        int attemptsBefore = WEBHOOKS.failedAttempts();

        ResponseEntity<JsonNode> resent = api.post("/api/dlq/" + letter.path("id").asString() + "/opnieuw");

        assertThat(resent.getStatusCode().value()).isEqualTo(200);
        assertThat(resent.getBody().path("uitkomst").asString()).isEqualTo("OPNIEUW_MISLUKT");
        assertThat(resent.getBody().path("reden").asString()).contains("/fail").contains("500");
        assertThat(WEBHOOKS.failedAttempts() - attemptsBefore).as("the first try and 3 retries").isEqualTo(4);
        List<JsonNode> now = StreamSupport.stream(api.get("/api/dlq").path("berichten").spliterator(), false)
                .filter(m -> dead.caseId().equals(m.path("caseId").asString())).toList();
        assertThat(now).as("the old copy taken off, the new one on with its new reason").hasSize(1);
        assertThat(now.get(0).path("id").asString()).isNotEqualTo(letter.path("id").asString());
        assertThat(now.get(0).path("reden").asString()).contains("500");
        assertThat(now.get(0).path("kind").asString()).isEqualTo(Elfproef.masker(night.nooitIngeschreven()));
        assertThat(outboxStatus(dead.outboxId())).isEqualTo("DEAD");
    }

    @Test
    void aMessageWithoutOutboxEntryIsNotResentAndAnUnknownOneIs404() throws Exception {
        HubApi api = new HubApi(http);
        String caseId = "geen-outbox-" + System.nanoTime();
        putOnDeadLetterQueue("{}", caseId, "OPENED", "MATCH", "onbekend", null);
        JsonNode letter = find(api.get("/api/dlq").path("berichten"), "caseId", caseId);
        assertThat(letter.path("outboxId").isMissingNode() || letter.path("outboxId").isNull()).isTrue();

        assertThat(api.post("/api/dlq/" + letter.path("id").asString() + "/opnieuw").getStatusCode().value())
                .isEqualTo(409);
        assertThat(ids(api.get("/api/dlq"))).as("it stays on the queue").contains(letter.path("id").asString());
        assertThat(api.post("/api/dlq/ID:bestaat-niet-1:1:1:1/opnieuw").getStatusCode().value()).isEqualTo(404);
        // taken off again, so that the other tests find the queue as they left it
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            assertThat(queues.drain("kindplan.dlq", "caseId = '" + caseId + "'")).hasSize(1);
        }
    }

    private String outboxStatus(long outboxId) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, outboxId);
    }

    private static List<String> ids(JsonNode listing) {
        return StreamSupport.stream(listing.path("berichten").spliterator(), false)
                .map(m -> m.path("id").asString()).toList();
    }
}
