package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.run.UnmatchedFiles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The three states an operator reads (geslaagd, onvolledig with its reasons, mislukt), files in an
 * inbox that no route takes, and who started a run. The runs made here through the register (not the
 * night's flow) take no files: they are there only for their record.
 */
class RunToestandTest extends DashboardTestSupport {

    private static final LocalDate AS_OF = LocalDate.now().minusDays(1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    RunRegister register;
    @Autowired
    UnmatchedFiles unmatched;

    @Test
    void aFailedRunIsMisluktWithItsError() {
        long runId = register.start(AS_OF, RunRegister.Trigger.SCHEDULE, null, "test");
        register.finish(runId, RunRegister.Status.FAILED, 0, Map.of(), "java.net.ConnectException: broker weg");

        JsonNode row = new HubApi(http).get("/api/dashboard/runs/" + runId).path("run");
        assertThat(row.path("status").asString()).isEqualTo("FAILED");
        assertThat(row.path("toestand").asString()).isEqualTo("MISLUKT");
        assertThat(row.path("complete").asBoolean()).isFalse();
        assertThat(row.path("redenen").get(0).asString()).isEqualTo("de run is mislukt: java.net.ConnectException: broker weg");
        assertThat(row.path("gestartDoor").isMissingNode()).as("the schedule is no person").isTrue();
    }

    @Test
    void filesNoRouteTakesAreListedPerInboxWithTheirPatternAndMakeTheNightOnvolledig() throws Exception {
        Path wrongName = drop("verzuim", "DUO_verzuim_20261004.csv", "meldingsnummer;bsn\n");
        Path wrongKind = drop("verzuim", "verzuim-20261004.txt", "iets\n");
        Path upperCase = drop("verzuim", "verzuim-toestand-20261004.CSV.part", "nog bezig\n");
        Path beingWritten = inbox("verzuim").resolve(".verzuim-toestand-20261005.csv.part");
        Files.writeString(beingWritten, "wordt geschreven");
        Path wrongIjw = drop("ijw", "jw301-toestand.xml.bak", "<x/>");
        try {
            UnmatchedFiles.Inbox verzuim = unmatched.scan(Source.VERZUIM);
            assertThat(verzuim.files()).containsExactly("DUO_verzuim_20261004.csv", "verzuim-20261004.txt",
                    "verzuim-toestand-20261004.CSV.part");
            assertThat(verzuim.pattern()).isEqualTo("(?i)verzuim-.*\\.(csv|zip)");
            assertThat(unmatched.scan()).extracting(UnmatchedFiles.Inbox::source).containsExactly(Source.values());
            assertThat(unmatched.scan(Source.IJW).files()).containsExactly("jw301-toestand.xml.bak");

            long runId = register.start(AS_OF, RunRegister.Trigger.SCHEDULE, null, "test");
            assertThat(unmatched.record(runId)).isEqualTo(4);
            register.finish(runId, RunRegister.Status.SUCCEEDED, 0, Map.of(), null);

            HubApi api = new HubApi(http);
            JsonNode run = api.get("/api/runs/" + runId);
            assertThat(run.path("complete").asBoolean(true)).isFalse();
            assertThat(run.path("counts").path("unmatched.VERZUIM").asLong()).isEqualTo(3);
            assertThat(run.path("counts").path("unmatched.IJW").asLong()).isEqualTo(1);
            JsonNode problems = DashboardApiTest.find(run.path("sources"), "source", "VERZUIM").path("problems");
            assertThat(problems).hasSize(3);
            assertThat(problems.get(0).asString()).isEqualTo("bestand 'DUO_verzuim_20261004.csv' wordt door geen route "
                    + "opgepakt: de naam past niet bij het patroon (?i)verzuim-.*\\.(csv|zip); het blijft in de inbox "
                    + "liggen tot het hernoemd of weggehaald is");

            JsonNode row = api.get("/api/dashboard/runs/" + runId).path("run");
            assertThat(row.path("status").asString()).as("the night itself went well").isEqualTo("SUCCEEDED");
            assertThat(row.path("toestand").asString()).isEqualTo("ONVOLLEDIG");
            assertThat(row.path("nietOpgepakt").asLong()).isEqualTo(4);
            assertThat(row.path("redenen")).extracting(JsonNode::asText).containsExactly(
                    "IJW: 1 bestand(en) in de inbox die door geen route worden opgepakt",
                    "VERZUIM: 3 bestand(en) in de inbox die door geen route worden opgepakt");

            JsonNode list = api.get("/api/runs?max=5");
            assertThat(DashboardApiTest.find(list, "runId", String.valueOf(runId)).path("complete").asBoolean(true))
                    .as("the runs list has complete too").isFalse();
        } finally {
            // left there, the files would make every later night of these tests onvolledig
            for (Path file : List.of(wrongName, wrongKind, upperCase, beingWritten, wrongIjw)) {
                Files.deleteIfExists(file);
            }
        }
    }

    @Test
    void theDashboardButtonAndTheApiRecordWhoStartedTheRun() throws Exception {
        HubApi api = new HubApi(http);
        long viaApi = api.runNight(AS_OF).path("runId").asLong();
        JsonNode apiRun = api.get("/api/runs/" + viaApi);
        assertThat(apiRun.path("trigger").asString()).isEqualTo("API");
        assertThat(apiRun.path("startedBy").asString()).isEqualTo(OPERATOR);

        ResponseEntity<Map> started = http.withBasicAuth(OPERATOR, OPERATOR_PASSWORD)
                .postForEntity("/api/runs?asOf=" + AS_OF + "&via=dashboard", null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long viaButton = ((Number) started.getBody().get("runId")).longValue();
        awaitEnd(api, viaButton);
        JsonNode row = api.get("/api/dashboard/runs/" + viaButton).path("run");
        assertThat(row.path("trigger").asString()).isEqualTo("DASHBOARD");
        assertThat(row.path("gestartDoor").asString()).isEqualTo(OPERATOR);
        assertThat(row.path("toestand").asString()).as("nothing waited, every source answered").isEqualTo("GESLAAGD");
        assertThat(row.path("redenen")).isEmpty();
        assertThat(register.startedBy(viaButton)).contains(OPERATOR);
    }

    private static void awaitEnd(HubApi api, long runId) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            if (!"RUNNING".equals(api.run(runId).path("status").asString())) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not end within 120 s");
    }
}
