package nl.kindplan.hub.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.TestBsn;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Delivery speed, not a test of it (excluded from surefire; run it by name):
 * <pre>./mvnw -B -q test -Dtest=OutboxDeliveryBenchmark [-Dkindplan.benchmark.messages=20000]
 *     [-Dkindplan.delivery.jms.batch-size=100] [-Dkindplan.delivery.page-size=1000]</pre>
 * Queues that many JMS messages in the outbox (4 gemeente queues, 10 events per case) and times
 * the delivery route over them, against the embedded broker (KahaDB) and the embedded H2 store
 * (WRITE_DELAY=0), as a night delivers; prints messages/s. Then checks that each is on its queue.
 */
class OutboxDeliveryBenchmark extends HubTestSupport {

    private static final List<String> GEMEENTEN = List.of("0981", "0982", "0983", "0984");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PlatformTransactionManager transactions;
    @Autowired
    ProducerTemplate camel;
    @Autowired
    Environment environment;

    @Test
    void deliverTheOutbox() throws Exception {
        int messages = Integer.getInteger("kindplan.benchmark.messages", 20_000);
        int perGemeente = messages / GEMEENTEN.size();
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            long kindId = aChildOfAPastNight();
            queues.take("kindplan.gemeente." + GEMEENTEN.get(0));  // that night's own message
            long runId = jdbc.queryForObject("SELECT MAX(id) FROM nightly_run", Long.class);
            SyntheticOutbox outbox = new SyntheticOutbox(jdbc, transactions);
            long queueing = System.nanoTime();
            for (String gemeente : GEMEENTEN) {
                outbox.queue(kindId, runId, perGemeente / 10, 10, gemeente, Outbox.Channel.JMS, "kindplan.gemeente." + gemeente);
            }
            long pending = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'", Long.class);
            double queuedIn = (System.nanoTime() - queueing) / 1e9;

            long begin = System.nanoTime();
            camel.requestBody("direct:deliver-outbox", (Object) null);
            double seconds = (System.nanoTime() - begin) / 1e9;

            long sent = jdbc.queryForObject("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'", Long.class);
            System.out.printf("%nOutboxDeliveryBenchmark: %d messages pending (queued in %.1f s), delivered in %.1f s: "
                            + "%.0f messages/s (jms.batch-size %s, page-size %s; embedded broker, H2 WRITE_DELAY=0, "
                            + "%d cores, max heap %d MB)%n%n", pending, queuedIn, seconds, pending / seconds,
                    environment.getProperty("kindplan.delivery.jms.batch-size", "default"),
                    environment.getProperty("kindplan.delivery.page-size", "default"),
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);

            assertThat(sent).as("every message SENT").isEqualTo(pending + 1);
            int onQueues = 0;
            for (String gemeente : GEMEENTEN) {
                onQueues += queues.take("kindplan.gemeente." + gemeente);
            }
            assertThat(onQueues).as("each on its queue once").isEqualTo(pending);
        }
    }

    /** The cases need a child: one of gemeente 0981, stored by a night. */
    private long aChildOfAPastNight() throws Exception {
        String bsn = TestBsn.bsn();
        drop("verzuim", "verzuim-benchmark.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;"
                + "geboortedatum;brin;gemeentecode;begindatum\n"
                + "BM-" + bsn + ";2026-03-02T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;0981;2026-03-01\n");
        assertThat(new HubApi(http).runNight(LocalDate.of(2026, 4, 6)).path("status").asString()).isEqualTo("SUCCEEDED");
        return jdbc.queryForObject("SELECT id FROM kind WHERE bsn = ?", Long.class, bsn);
    }
}
