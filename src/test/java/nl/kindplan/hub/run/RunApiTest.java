package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import nl.kindplan.hub.HeldNight;
import nl.kindplan.hub.HubTestSupport;
import org.apache.camel.CamelContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** POST /api/runs while a run is in progress answers 409; GET /api/runs/{id} tells how a run ended. */
class RunApiTest extends HubTestSupport {

    @Autowired
    TestRestTemplate anonymous;
    TestRestTemplate http;
    @Autowired
    CamelContext camel;
    @Autowired
    RunService runService;
    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @org.junit.jupiter.api.BeforeEach
    void asOperator() {
        http = anonymous.withBasicAuth(OPERATOR, OPERATOR_PASSWORD);
    }

    @Test
    void aSecondRunWhileOneIsInProgressIsRefusedWith409() throws Exception {
        // hold the run before delivery, so that it is surely in progress
        try (HeldNight held = HeldNight.beforeDelivery(camel)) {
            ResponseEntity<Map> first = http.postForEntity("/api/runs?asOf=2026-05-04", null, Map.class);
            assertThat(first.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
            held.awaitHeld();

            ResponseEntity<Map> second = http.postForEntity("/api/runs", null, Map.class);

            assertThat(second.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            long runId = ((Number) first.getBody().get("runId")).longValue();
            assertThat(http.getForObject("/api/runs/" + runId, Map.class).get("status")).isEqualTo("RUNNING");
            held.release();
            awaitStatus(runId, "SUCCEEDED");
        }
    }

    @Test
    void aScheduledRunAndAManualRunNeverOverlap() throws Exception {
        try (HeldNight held = HeldNight.beforeDelivery(camel)) {
            // the schedule's tick starts tonight's run and holds it
            Thread scheduled = new Thread(runService::runScheduled, "test-schedule");
            scheduled.start();
            held.awaitHeld();
            long runsBefore = runs();

            // a manual run meanwhile is refused, and a second tick of the schedule is skipped
            assertThat(http.postForEntity("/api/runs", null, Map.class).getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            runService.runScheduled();
            assertThat(runs()).isEqualTo(runsBefore);
            assertThat(runService.isRunning()).isTrue();

            held.release();
            scheduled.join(60_000);
            assertThat(runService.isRunning()).isFalse();
            assertThat(jdbc.queryForObject("SELECT run_trigger FROM nightly_run ORDER BY id DESC LIMIT 1", String.class))
                    .isEqualTo("SCHEDULE");
        }
    }

    private long runs() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM nightly_run", Long.class);
    }

    @Test
    void anUnknownRunIs404() {
        assertThat(http.getForEntity("/api/runs/999999", Map.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    private void awaitStatus(long runId, String status) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            if (status.equals(http.getForObject("/api/runs/" + runId, Map.class).get("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not become " + status);
    }
}
