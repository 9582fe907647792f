package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.demo.DemoDataGenerator;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the crash and outage tests share: a data folder of their own with the demo dataset of one
 * night in its inboxes, an external broker ({@link TestBroker}) in a folder beside it, the
 * arguments of a run-once hub against that broker, and the check that every case message of the
 * outbox is on the recipients' queues exactly once.
 */
final class NightUnderTest {

    static final LocalDate NIGHT = LocalDate.of(2026, 3, 2);
    static final String RECEIPTS = "kindplan.hub.receipts";

    final Path dir;
    final Path dataDir;
    final Path brokerDir;
    final int brokerPort = SeparateJvm.freePort();

    NightUnderTest(String name) throws IOException {
        Path target = Files.createDirectories(SeparateJvm.PROJECT.resolve("target"));
        dir = Files.createTempDirectory(target, name + "-");
        dataDir = dir.resolve("data");
        brokerDir = dir.resolve("broker");
    }

    Path inbox(String source) {
        return dataDir.resolve("inbox").resolve(source);
    }

    /** The demo dataset of {@link #NIGHT} for this many children, written into the inboxes. */
    DemoDataGenerator.Summary generate(int children) {
        return DemoDataGenerator.withSwvTable(SeparateJvm.PROJECT.resolve("mappings/swv-scholen.csv"))
                .generate(new DemoDataGenerator.Inboxes(inbox("verzuim"), inbox("ijw"), inbox("inschrijvingen"),
                        inbox("edexml")), children, 20260302L, NIGHT);
    }

    SeparateJvm startBroker() throws IOException {
        return SeparateJvm.broker(dir.resolve("broker.log"), brokerPort, brokerDir);
    }

    /**
     * The night as a gemeente's cron runs it, against the external broker through the failover
     * transport (reconnecting at least every second), logging each file it begins and each message
     * it sends, so the test can kill it at those moments. Its JMS batches are small (5 messages per
     * JMS transaction), so that a night of a few hundred messages has many batch boundaries to be
     * killed at, before, in and after a batch's commit.
     */
    SeparateJvm startHub(String name) throws IOException {
        return SeparateJvm.hub(name, dir.resolve(name + ".log"), List.of(
                "--kindplan.run-once=true", "--kindplan.as-of=" + NIGHT,
                "--kindplan.data-dir=" + dataDir,
                "--kindplan.broker.embedded=false",
                "--kindplan.broker.url=failover:(tcp://127.0.0.1:" + brokerPort + ")?initialReconnectDelay=100"
                        + "&maxReconnectDelay=1000",
                "--kindplan.ingest.poll-delay=200",
                // intake groups, evaluation chunks and JMS batches small enough that a kill can fall between two of them
                "--kindplan.ingest.group-files=2",
                "--kindplan.evaluation.chunk-size=50",
                "--kindplan.delivery.jms.batch-size=5",
                // a killed hub's night is taken over by the next start once its heartbeat is 5 s stale, not 60 s
                "--kindplan.cluster.heartbeat=PT1S", "--kindplan.cluster.owner-timeout=PT5S",
                "--logging.level.nl.kindplan.hub.ingest.FileIngester=DEBUG",
                "--logging.level.nl.kindplan.hub.delivery.JmsDelivery=DEBUG"));
    }

    /** The outcome of reading every recipient queue against the outbox. */
    record Delivered(long messages, long onQueues, long lost, long duplicates) {
    }

    /**
     * Every JMS message of the outbox is SENT and on its queue exactly once (counted by its
     * outboxId), nothing else is on the queues, and the receipts are cleared up.
     */
    Delivered everyMessageOnceOnTheQueues(StoreFile store) throws Exception {
        return everyMessageOnceOnTheQueues(store.jdbc());
    }

    /** As {@link #everyMessageOnceOnTheQueues(StoreFile)}, for a store on a database server. */
    Delivered everyMessageOnceOnTheQueues(JdbcTemplate store) throws Exception {
        Map<Long, String> outbox = store.query("SELECT id, destination FROM outbox WHERE channel = 'JMS'",
                (rs, n) -> Map.entry(rs.getLong(1), rs.getString(2))).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertThat(store.queryForObject("SELECT COUNT(*) FROM outbox WHERE status <> 'SENT'", Long.class))
                .as("outbox rows not SENT").isZero();
        List<Received> received;
        int receipts;
        try (QueueReader queues = new QueueReader(brokerPort)) {
            received = queues.drainRecipientQueues();
            receipts = queues.take(RECEIPTS);
        }
        Map<Long, Long> perOutboxId = received.stream()
                .collect(Collectors.groupingBy(r -> r.outboxId() == null ? -1L : r.outboxId(), Collectors.counting()));
        long duplicates = perOutboxId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum();
        long lost = outbox.keySet().stream().filter(id -> !perOutboxId.containsKey(id)).count();
        assertThat(perOutboxId.keySet()).as("the messages on the queues are the outbox's, by outboxId")
                .containsExactlyInAnyOrderElementsOf(outbox.keySet());
        assertThat(duplicates).as("messages on the queues more than once").isZero();
        assertThat(received).as("each on its own queue")
                .allSatisfy(r -> assertThat(r.queue()).isEqualTo(outbox.get(r.outboxId())));
        assertThat(received.stream().collect(Collectors.groupingBy(r -> r.queue() + "/" + r.caseId() + "/" + r.event(),
                Collectors.counting())).values()).as("no case event twice for one recipient").allMatch(n -> n == 1);
        assertThat(receipts).as("receipts left on " + RECEIPTS).isZero();
        return new Delivered(outbox.size(), received.size(), lost, duplicates);
    }
}
