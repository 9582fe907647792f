package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The hub's operator API as a test calls it. */
public final class HubApi {

    private final TestRestTemplate http;

    /** Calls the API as the tests' operator, over HTTP Basic. */
    public HubApi(TestRestTemplate http) {
        this.http = http.withBasicAuth(HubTestSupport.OPERATOR, HubTestSupport.OPERATOR_PASSWORD);
    }

    private HubApi(TestRestTemplate http, String user, String password) {
        this.http = http.withBasicAuth(user, password);
    }

    /** Calls the API as the tests' viewer, who reads but does not act. */
    public static HubApi asViewer(TestRestTemplate http) {
        return new HubApi(http, HubTestSupport.VIEWER, HubTestSupport.VIEWER_PASSWORD);
    }

    /** Starts a run for {@code asOf} through POST /api/runs and waits until it is over; answers the run. */
    public JsonNode runNight(LocalDate asOf) throws InterruptedException {
        ResponseEntity<Map> started = http.postForEntity("/api/runs?asOf=" + asOf, null, Map.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        long runId = ((Number) started.getBody().get("runId")).longValue();
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            JsonNode run = http.getForObject("/api/runs/" + runId, JsonNode.class);
            if (!"RUNNING".equals(run.path("status").asString())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("run " + runId + " did not end within 120 s");
    }

    /** GET /api/runs/{runId}: a run's status and counts. */
    public JsonNode run(long runId) {
        return http.getForObject("/api/runs/" + runId, JsonNode.class);
    }

    public JsonNode kind(String bsn) {
        return http.getForObject("/api/kinderen/" + bsn, JsonNode.class);
    }

    /** A GET that must answer 200; its JSON. */
    public JsonNode get(String path) {
        ResponseEntity<JsonNode> answer = http.getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode()).as("GET " + path).isEqualTo(HttpStatus.OK);
        return answer.getBody();
    }

    /** The status a GET answers. */
    public int getStatus(String path) {
        return http.getForEntity(path, String.class).getStatusCode().value();
    }

    /** A POST without body; the answer whatever its status. */
    public ResponseEntity<JsonNode> post(String path) {
        return http.postForEntity(path, null, JsonNode.class);
    }
}
