package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A JMS message whose send was under way when the hub stopped (SENDING in the outbox) is in doubt:
 * the broker may or may not have committed it. Its receipt on the hub's receipt queue tells, so it
 * is sent once either way; so for a batch sent in one JMS transaction, message by message. The
 * states a kill leaves are made here by hand; CrashSafetyIT makes them with real kills. Children
 * of gemeente 0994.
 */
class InDoubtDeliveryTest extends HubTestSupport {

    private static final String QUEUE = "kindplan.gemeente.0994";
    private static final String RECEIPTS = "kindplan.hub.receipts";
    private static final LocalDate NIGHT = LocalDate.of(2026, 4, 6);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    JmsDelivery jmsDelivery;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSendLeftInDoubtByAKillGoesOnceWhetherOrNotTheBrokerHadIt() throws Exception {
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            List<Long> ids = sentTo(queues, 2);
            long reached = ids.get(0);
            long lost = ids.get(1);
            // killed after the broker committed 'reached' and its receipt, before the outbox said SENT
            inDoubt(reached);
            queues.put(RECEIPTS, Map.of("outboxId", reached));
            // killed before the broker committed 'lost'
            inDoubt(lost);

            camel.requestBody("direct:deliver-outbox", (Object) null);

            assertThat(queues.drain(QUEUE)).extracting(Received::outboxId).as("only the lost one is sent again")
                    .containsExactly(lost);
            assertThat(status(reached)).isEqualTo("SENT");
            assertThat(status(lost)).isEqualTo("SENT");
            assertThat(queues.take(RECEIPTS)).as("the receipts are cleared up").isZero();
        }
    }

    @Test
    void aSendTriedAgainAfterACommitInDoubtLooksForItsReceiptFirst() throws Exception {
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            List<Long> ids = sentTo(queues, 2);
            // a redelivery of a send whose commit failed over in doubt, but had reached the broker
            inDoubt(ids.get(0));
            queues.put(RECEIPTS, Map.of("outboxId", ids.get(0)));
            jmsDelivery.sendBatch(List.of(message(ids.get(0))));
            // and one whose commit had not
            inDoubt(ids.get(1));
            jmsDelivery.sendBatch(List.of(message(ids.get(1))));

            assertThat(queues.drain(QUEUE)).extracting(Received::outboxId).containsExactly(ids.get(1));
            assertThat(status(ids.get(0))).isEqualTo("SENT");
            assertThat(status(ids.get(1))).isEqualTo("SENT");
            assertThat(queues.take(RECEIPTS)).as("the receipt of the one sent again").isEqualTo(1);
        }
    }

    @Test
    void aBatchLeftInDoubtByAKillGoesOnceWhetherAllSomeOrNoneOfItsReceiptsAreThere() throws Exception {
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            List<Long> ids = queued(queues, 9);
            // three batches killed while their JMS transaction was being committed: the broker had all of the
            // first (every receipt there), none of the second, and of the third only its first message
            // (as if its receipts had been taken off the queue in part before a kill)
            List<Long> reached = List.of(ids.get(0), ids.get(1), ids.get(2), ids.get(6));
            ids.forEach(this::inDoubt);
            for (long id : reached) {
                queues.put(RECEIPTS, Map.of("outboxId", id));
            }

            camel.requestBody("direct:deliver-outbox", (Object) null);

            assertThat(queues.drain(QUEUE)).extracting(Received::outboxId)
                    .as("only those without a receipt are sent, once, in outbox order")
                    .containsExactly(ids.get(3), ids.get(4), ids.get(5), ids.get(7), ids.get(8));
            assertThat(ids).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
            assertThat(queues.take(RECEIPTS)).as("the receipts are cleared up").isZero();
        }
    }

    @Test
    void aBatchTriedAgainAfterACommitInDoubtSendsOnlyWhatHadNotReachedTheBroker() throws Exception {
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            List<Long> ids = queued(queues, 4);
            // the first attempt of this batch claimed all four; its commit failed over in doubt, and the
            // broker had the first two; the last was dead-lettered meanwhile (a webhook, say): not sent
            ids.forEach(this::inDoubt);
            queues.put(RECEIPTS, Map.of("outboxId", ids.get(0)));
            queues.put(RECEIPTS, Map.of("outboxId", ids.get(1)));
            jdbc.update("UPDATE outbox SET status = 'DEAD' WHERE id = ?", ids.get(3));

            jmsDelivery.sendBatch(ids.stream().map(this::message).toList());

            assertThat(queues.drain(QUEUE)).extracting(Received::outboxId).containsExactly(ids.get(2));
            assertThat(ids.subList(0, 3)).allSatisfy(id -> assertThat(status(id)).isEqualTo("SENT"));
            assertThat(status(ids.get(3))).isEqualTo("DEAD");
            assertThat(queues.take(RECEIPTS)).as("the receipt of the one sent again").isEqualTo(1);
        }
    }

    /**
     * {@code n} messages to gemeente 0994 pending in the outbox (on closed cases of one child of a
     * past night): answers their outbox ids, in order.
     */
    private List<Long> queued(QueueReader queues, int n) throws Exception {
        long child = sentTo(queues, 1).get(0);
        long kindId = jdbc.queryForObject("SELECT c.kind_id FROM outbox o JOIN case_event e ON e.id = o.case_event_id "
                + "JOIN signal_case c ON c.case_id = e.case_id WHERE o.id = ?", Long.class, child);
        long runId = jdbc.queryForObject("SELECT MAX(id) FROM nightly_run", Long.class);
        return new SyntheticOutbox(jdbc, transactions).queue(kindId, runId, n, 1, "0994", Outbox.Channel.JMS, QUEUE).stream()
                .map(SyntheticOutbox.Queued::outboxId).toList();
    }

    /** Runs a night for {@code children} new children of gemeente 0994 and answers their outbox ids, as sent. */
    private List<Long> sentTo(QueueReader queues, int children) throws Exception {
        queues.drain(QUEUE);
        StringBuilder csv = new StringBuilder("meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;brin;"
                + "gemeentecode;begindatum\n");
        for (int i = 0; i < children; i++) {
            String bsn = TestBsn.bsn();
            csv.append("ID-").append(bsn).append(";2026-03-02T08:00:00;R;V3;").append(bsn)
                    .append(";2013-03-03;10AA;0994;2026-03-01\n");
        }
        drop("verzuim", "verzuim-in-doubt-" + System.nanoTime() + ".csv", csv.toString());
        assertThat(new HubApi(http).runNight(NIGHT).path("status").asString()).isEqualTo("SUCCEEDED");
        List<Received> sent = queues.drain(QUEUE);
        assertThat(sent).hasSize(children).allSatisfy(r -> assertThat(r.outboxId()).isNotNull());
        return sent.stream().map(Received::outboxId).sorted().toList();
    }

    private void inDoubt(long id) {
        jdbc.update("UPDATE outbox SET status = 'SENDING' WHERE id = ?", id);
    }

    private String status(long id) {
        return jdbc.queryForObject("SELECT status FROM outbox WHERE id = ?", String.class, id);
    }

    private Outbox.Message message(long id) {
        return jdbc.queryForObject("SELECT case_event_id, destination, payload FROM outbox WHERE id = ?",
                (rs, n) -> new Outbox.Message(id, "case", "OPENED", "ABSOLUUT_VERZUIM", RecipientType.GEMEENTE, "0994",
                        Outbox.Channel.JMS, rs.getString("destination"), rs.getString("payload")), id);
    }
}
