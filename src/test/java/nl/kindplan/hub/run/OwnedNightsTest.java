package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A night belongs to the instance that runs it: a night of another instance that still beats is never
 * closed, and blocks every other start (the API at once, the schedule and run-once after watching its
 * heartbeat); a night whose instance stopped beating is closed as FAILED, naming that instance, and the
 * next night runs. The database refuses a second active night whoever inserts it.
 */
class OwnedNightsTest extends HubTestSupport {

    private static final LocalDate NIGHT = LocalDate.of(2026, 6, 1);

    @Autowired
    RunRegister register;
    @Autowired
    RunService runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    private Long foreign;

    @AfterEach
    void endTheForeignNight() {
        if (foreign != null) {
            jdbc.update("UPDATE nightly_run SET status = 'FAILED', active = NULL WHERE id = ? AND active = 1", foreign);
        }
    }

    @Test
    void aNightOfAnotherInstanceThatBeatsIsNeverClosedAndRefusesEveryOtherStart() {
        foreign = register.start(NIGHT, RunRegister.Trigger.SCHEDULE, null, "andere-instantie/4711");

        assertThat(register.closeAbandoned(Duration.ofSeconds(60))).as("nothing to close: it beats").isZero();
        assertThatThrownBy(() -> register.start(NIGHT, RunRegister.Trigger.API, null, runs.instance()))
                .as("the database itself refuses a second active night").isInstanceOf(DuplicateKeyException.class);
        assertThatThrownBy(() -> runs.startInBackground(NIGHT, RunRegister.Trigger.API, "beheerder"))
                .isInstanceOf(RunInProgressException.class)
                .hasMessageContaining("night " + foreign).hasMessageContaining("in progress on andere-instantie/4711");
        // run-once and the schedule watch the holder's heartbeat: it beats, so they give way
        Thread beating = new Thread(() -> {
            for (int i = 0; i < 40 && register.heartbeat(foreign) == 1; i++) {
                pause(500);
            }
        });
        beating.start();
        assertThatThrownBy(() -> runs.runNow(NIGHT, RunRegister.Trigger.RUN_ONCE)).isInstanceOf(RunInProgressException.class);
        assertThat(runs.isRunning()).isTrue();
        assertThat(status(foreign)).isEqualTo("RUNNING");
        jdbc.update("UPDATE nightly_run SET status = 'FAILED', active = NULL WHERE id = ?", foreign);
        foreign = null;
    }

    @Test
    void aNightWhoseInstanceStoppedBeatingIsClosedAsFailedAndTheNextNightRuns() throws Exception {
        foreign = register.start(NIGHT, RunRegister.Trigger.SCHEDULE, null, "gestopte-instantie/13");
        jdbc.update("UPDATE nightly_run SET heartbeat_at = LOCALTIMESTAMP - INTERVAL '120' SECOND WHERE id = ?", foreign);
        assertThat(runs.isRunning()).as("a night whose instance stopped beating is not running").isFalse();

        long next = runs.startInBackground(NIGHT, RunRegister.Trigger.API, "beheerder");

        Map<String, Object> closed = jdbc.queryForMap("SELECT status, active, error FROM nightly_run WHERE id = ?", foreign);
        assertThat(closed.get("STATUS")).isEqualTo("FAILED");
        assertThat(closed.get("ACTIVE")).isNull();
        assertThat((String) closed.get("ERROR")).contains("geen hartslag").contains("gestopte-instantie/13");
        foreign = null;
        for (int i = 0; i < 300 && "RUNNING".equals(status(next)); i++) {
            pause(100);
        }
        assertThat(status(next)).isEqualTo("SUCCEEDED");
        assertThat(new HubApi(http).run(next).path("owner").asString()).as("the run record names its instance")
                .isEqualTo(runs.instance());
        assertThat(runs.isRunning()).isFalse();
    }

    private String status(long runId) {
        return jdbc.queryForObject("SELECT status FROM nightly_run WHERE id = ?", String.class, runId);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
