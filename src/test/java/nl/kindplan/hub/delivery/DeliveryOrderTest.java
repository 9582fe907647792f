package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.delivery.SyntheticOutbox.Queued;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The outbox goes out a page at a time (1000 messages) and its JMS messages a batch at a time
 * (100 per JMS transaction): the events of one case still reach their queue or webhook in outbox
 * id order, across page and batch boundaries. 250 cases of 10 events each, queued round by round,
 * so each case has an event in every page and in ten batches; and 5 webhook cases of 3 events.
 * Gemeente 0993 (queue) and the webhook of 0997.
 */
class DeliveryOrderTest extends HubTestSupport {

    private static final String QUEUE = "kindplan.gemeente.0993";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ProducerTemplate camel;

    @Test
    void theEventsOfOneCaseArriveInOutboxOrderAcrossPagesAndBatches() throws Exception {
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            long kindId = aChildOfAPastNight(queues);
            long runId = jdbc.queryForObject("SELECT MAX(id) FROM nightly_run", Long.class);
            SyntheticOutbox outbox = new SyntheticOutbox(jdbc, transactions);
            List<Queued> jms = outbox.queue(kindId, runId, 250, 10, "0993", Outbox.Channel.JMS, QUEUE);
            List<Queued> webhooks = outbox.queue(kindId, runId, 5, 3, "0997", Outbox.Channel.WEBHOOK,
                    WEBHOOKS.url("/ok"));
            int postedBefore = WEBHOOKS.received().size();

            camel.requestBody("direct:deliver-outbox", (Object) null);

            List<Received> received = queues.drain(QUEUE);
            assertThat(received).extracting(Received::outboxId).as("every message once, all in outbox id order")
                    .containsExactlyElementsOf(jms.stream().map(Queued::outboxId).toList());
            Map<String, List<Integer>> perCase = received.stream().collect(Collectors.groupingBy(
                    r -> r.json().path("caseId").asString(), Collectors.mapping(r -> r.json().path("seq").asInt(),
                            Collectors.toList())));
            assertThat(perCase).hasSize(250)
                    .allSatisfy((caseId, seqs) -> assertThat(seqs).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9));
            assertThat(received).allSatisfy(r -> assertThat(r.event()).isEqualTo(
                    r.json().path("seq").asInt() == 0 ? "OPENED" : "UPDATED"));

            List<JsonNode> posted = WEBHOOKS.received().subList(postedBefore, WEBHOOKS.received().size()).stream()
                    .map(this::json).toList();
            assertThat(posted).extracting(j -> j.path("caseId").asString() + "/" + j.path("seq").asInt())
                    .as("the webhook messages one by one, in outbox id order")
                    .containsExactlyElementsOf(webhooks.stream().sorted(Comparator.comparingLong(Queued::outboxId))
                            .map(q -> q.caseId() + "/" + q.seq()).toList());
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE recipient_code = '0993' AND status <> 'SENT'",
                    Long.class)).isZero();
            assertThat(queues.take("kindplan.hub.receipts")).as("the receipts are cleared up").isZero();
        }
    }

    /** One child of gemeente 0993, stored by a night whose message is taken off the queue: answers its kind id. */
    private long aChildOfAPastNight(QueueReader queues) throws Exception {
        String bsn = TestBsn.bsn();
        drop("verzuim", "verzuim-order-" + System.nanoTime() + ".csv", "meldingsnummer;laatste_mutatie;status;"
                + "verzuimsoort;bsn;geboortedatum;brin;gemeentecode;begindatum\n"
                + "ORD-" + bsn + ";2026-03-02T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;0993;2026-03-01\n");
        assertThat(new HubApi(http).runNight(LocalDate.of(2026, 4, 6)).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(queues.drain(QUEUE)).hasSize(1);
        return jdbc.queryForObject("SELECT id FROM kind WHERE bsn = ?", Long.class, bsn);
    }

    private JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
