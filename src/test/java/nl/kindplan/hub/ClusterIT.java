package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.kindplan.hub.run.RunOnce;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

/**
 * Several instances on one database (issue 11): two hubs in service mode, each a JVM of its own from the
 * packaged jar, on one PostgreSQL (zonky's embedded binaries) and one external broker, both scheduled for
 * the same second. Exactly one of them runs the night; while it runs, the other instance answers 409 to
 * {@code POST /api/runs} and a run-once on the same database refuses with its own exit code. Then the
 * instance running the night is killed with SIGKILL halfway through sending, and the other one takes the
 * night over (Quartz recovers the job, the dead instance's heartbeat goes stale) and finishes it: every
 * case message of the outbox on the queues once, none lost, none twice.
 */
class ClusterIT {

    private static final Duration STEP = Duration.ofMinutes(3);
    private static final String USER = "beheerder-cluster";
    private static final String PASSWORD = java.util.UUID.randomUUID().toString();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final List<AutoCloseable> started = new ArrayList<>();

    @AfterEach
    void stopEverything() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void twoInstancesOneNightOnceAndTheSurvivorFinishesTheNightOfTheOneKilled() throws Exception {
        EmbeddedPostgres postgres = EmbeddedPostgres.builder().start();
        started.add(postgres);
        JdbcTemplate db = new JdbcTemplate(postgres.getPostgresDatabase());
        NightUnderTest night = new NightUnderTest("cluster-it");
        started.add(night.startBroker());
        night.generate(1000);
        // the night's first step, fetching the HTTP source, is held 40 s: long enough to try a second night
        TestHttpSources sources = new TestHttpSources();
        sources.queue("verzuim", new TestHttpSources.Answer(204, "", 40_000));

        // both instances on the same schedule: one night, at a second far enough ahead for both to be up
        LocalDateTime fire = LocalDateTime.now().plusSeconds(100).withNano(0);
        String cron = fire.getSecond() + " " + fire.getMinute() + " " + fire.getHour() + " * * ?";
        int portA = SeparateJvm.freePort();
        int portB = SeparateJvm.freePort();
        SeparateJvm hubA = hub(night, postgres, "hub-a", night.dataDir, portA, cron, sources);
        SeparateJvm hubB = hub(night, postgres, "hub-b", night.dir.resolve("data-b"), portB, cron, sources);
        Pattern up = Pattern.compile("Started KindplanHubApplication");
        hubA.awaitLine(up, 1, STEP);
        hubB.awaitLine(up, 1, STEP);
        assertThat(LocalDateTime.now()).as("both instances up before the night's second").isBefore(fire.minusSeconds(5));

        // 1. at the second, one instance takes the night; the other does not start one of its own
        Map<String, Object> first = awaitRow(db, "SELECT id, owner, status FROM nightly_run WHERE run_trigger = 'SCHEDULE'",
                Duration.ofSeconds(150));
        String owner = (String) first.get("owner");
        assertThat(owner).isIn("hub-a", "hub-b");
        SeparateJvm leader = owner.equals("hub-a") ? hubA : hubB;
        SeparateJvm other = leader == hubA ? hubB : hubA;
        int otherPort = leader == hubA ? portB : portA;

        // 2. while it runs: the other instance refuses a night over the API, and a run-once refuses too
        HttpResponse<String> refused = post(otherPort, "/api/runs");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        try (SeparateJvm runOnce = SeparateJvm.hub("run-once-refused", night.dir.resolve("run-once.log"), List.of(
                "--kindplan.run-once=true", "--kindplan.data-dir=" + night.dir.resolve("data-once"),
                "--spring.datasource.url=" + jdbcUrl(postgres), "--spring.datasource.username=postgres",
                "--kindplan.broker.embedded=false", "--kindplan.broker.url=tcp://127.0.0.1:" + night.brokerPort,
                "--kindplan.cluster.instance-id=run-once", "--kindplan.cluster.heartbeat=PT1S",
                "--kindplan.cluster.owner-timeout=PT6S"))) {
            assertThat(runOnce.awaitExit(STEP)).as(runOnce.tail()).isEqualTo(RunOnce.REFUSED);
            assertThat(runOnce.lines()).anyMatch(l -> l.startsWith("kindplan-hub run-once refused: night "
                    + first.get("id") + " ") && l.contains("in progress on " + owner));
        }
        assertThat(count(db, "SELECT COUNT(*) FROM nightly_run")).as("no second night").isEqualTo(1);

        // 3. the leader dies halfway through sending; the other instance finishes the night
        leader.awaitLine(Pattern.compile("Outbox \\d+ sent to "), 20, STEP);
        leader.kill();
        Map<String, Object> second = awaitRow(db, "SELECT id, owner, status FROM nightly_run WHERE id > "
                + first.get("id") + " AND status <> 'RUNNING'", STEP);
        assertThat(second.get("owner")).isEqualTo(other == hubA ? "hub-a" : "hub-b");
        assertThat(second.get("status")).isEqualTo("SUCCEEDED");
        assertThat(db.queryForMap("SELECT status, error FROM nightly_run WHERE id = ?", first.get("id")))
                .containsEntry("status", "FAILED")
                .hasEntrySatisfying("error", e -> assertThat((String) e).contains("gestopt").contains(owner));
        assertThat(count(db, "SELECT COUNT(*) FROM nightly_run")).as("the killed night and its finish, no more").isEqualTo(2);

        NightUnderTest.Delivered delivered = night.everyMessageOnceOnTheQueues(db);
        System.out.printf("ClusterIT: night %s of %s killed after 20 messages sent; finished by %s as night %s: "
                        + "%d messages, %d on the queues, %d lost, %d duplicates%n", first.get("id"), owner,
                second.get("owner"), second.get("id"), delivered.messages(), delivered.onQueues(), delivered.lost(),
                delivered.duplicates());
        assertThat(delivered.messages()).isPositive();
        assertThat(other.isAlive()).isTrue();
    }

    private SeparateJvm hub(NightUnderTest night, EmbeddedPostgres postgres, String name, Path dataDir, int port,
                            String cron, TestHttpSources sources) throws Exception {
        String hash = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);
        SeparateJvm hub = SeparateJvm.hub(name, night.dir.resolve(name + ".log"), List.of(
                "--server.port=" + port,
                "--kindplan.data-dir=" + dataDir,
                "--spring.datasource.url=" + jdbcUrl(postgres), "--spring.datasource.username=postgres",
                "--kindplan.broker.embedded=false",
                "--kindplan.broker.url=failover:(tcp://127.0.0.1:" + night.brokerPort + ")?initialReconnectDelay=100"
                        + "&maxReconnectDelay=1000",
                "--kindplan.run.cron=" + cron,
                "--kindplan.sources.verzuim-url=" + sources.url("verzuim"),
                "--kindplan.cluster.instance-id=" + name,
                "--kindplan.cluster.heartbeat=PT1S", "--kindplan.cluster.owner-timeout=PT6S",
                "--kindplan.security.users[0].name=" + USER, "--kindplan.security.users[0].password-hash=" + hash,
                "--kindplan.security.users[0].role=OPERATOR",
                "--kindplan.ingest.poll-delay=200", "--kindplan.evaluation.chunk-size=50",
                "--kindplan.delivery.jms.batch-size=5",
                "--logging.level.nl.kindplan.hub.delivery.JmsDelivery=DEBUG"));
        started.add(hub);
        return hub;
    }

    private static String jdbcUrl(EmbeddedPostgres postgres) {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    private static HttpResponse<String> post(int port, String path) throws Exception {
        String basic = Base64.getEncoder().encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Basic " + basic).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, Object> awaitRow(JdbcTemplate db, String sql, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            List<Map<String, Object>> rows = db.queryForList(sql + " ORDER BY id");
            if (!rows.isEmpty()) {
                return rows.get(0);
            }
            Thread.sleep(200);
        }
        throw new AssertionError("no row for " + sql + " within " + timeout.toSeconds() + " s");
    }

    private static long count(JdbcTemplate db, String sql) {
        Long n = db.queryForObject(sql, Long.class);
        return n == null ? 0 : n;
    }
}
