package nl.kindplan.hub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import nl.kindplan.hub.HubTestSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * Who gets in where: nothing but the probes without a login, viewers read, operators act, and the
 * usual default passwords open nothing.
 */
class AccessTest extends HubTestSupport {

    @Autowired
    TestRestTemplate anonymous;

    @ParameterizedTest
    @ValueSource(strings = {"/api/runs", "/api/kinderen/123456782", "/api/kinderen/123456782/inzage", "/api/cijfers",
            "/actuator/prometheus", "/actuator/health", "/actuator/metrics"})
    void machinePathsAnswer401WithABasicChallengeWithoutLogin(String path) {
        ResponseEntity<String> response = anonymous.getForEntity(path, String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(response.getHeaders().getFirst(HttpHeaders.WWW_AUTHENTICATE)).startsWith("Basic");
    }

    @Test
    void theDashboardSendsABrowserToTheLoginForm() {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.TEXT_HTML));
        ResponseEntity<String> response = anonymous.withRedirects(HttpRedirects.DONT_FOLLOW)
                .exchange("/", HttpMethod.GET, new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(response.getHeaders().getLocation()).hasPath("/login");
    }

    @Test
    void theProbesAreOpenForTheOrchestrator() {
        assertThat(anonymous.getForEntity("/actuator/health/liveness", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        ResponseEntity<String> readiness = anonymous.getForEntity("/actuator/health/readiness", String.class);
        assertThat(readiness.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(readiness.getBody()).contains("\"status\":\"UP\"");
    }

    @Test
    void aViewerReadsButCannotStartARunNorOpenAChild() {
        TestRestTemplate viewer = anonymous.withBasicAuth(VIEWER, VIEWER_PASSWORD);

        assertThat(viewer.getForEntity("/api/runs", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.getForEntity("/actuator/prometheus", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(viewer.postForEntity("/api/runs?asOf=2020-01-06", null, String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getForEntity("/api/kinderen/123456782", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        // an inzage shows a child and its processing log: operators only; the figures hold no child
        assertThat(viewer.getForEntity("/api/kinderen/123456782/inzage", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getForEntity("/api/kinderen/123456782/inzage?format=html", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(viewer.getForEntity("/api/cijfers?van=2025-01&tot=2025-02", String.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);
    }

    @Test
    void anOperatorCanStartARun() throws Exception {
        TestRestTemplate operator = anonymous.withBasicAuth(OPERATOR, OPERATOR_PASSWORD);

        ResponseEntity<Map> started = operator.postForEntity("/api/runs?asOf=2020-01-06", null, Map.class);

        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        awaitEnd(operator, ((Number) started.getBody().get("runId")).longValue());
    }

    @Test
    void aWrongPasswordIs401() {
        assertThat(anonymous.withBasicAuth(OPERATOR, "wrong").getForEntity("/api/runs", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"admin:admin", "admin:password", "user:password", "beheerder:beheerder", "kindplan:kindplan",
            "operator:operator", "viewer:viewer", "admin:", "beheerder:"})
    void noDefaultPasswordWorks(String credentials) {
        String[] userAndPassword = credentials.split(":", -1);
        TestRestTemplate guess = anonymous.withBasicAuth(userAndPassword[0], userAndPassword[1]);

        assertThat(guess.getForEntity("/api/runs", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void theLoginFormLogsInAndAPostWithoutCsrfTokenIsRefused() {
        // the form needs its CSRF token: first the page (token and session cookie), then the POST
        ResponseEntity<String> page = anonymous.getForEntity("/login", String.class);
        String token = page.getBody().replaceAll("(?s).*name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\".*", "$1");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, cookie(page, "XSRF-TOKEN"));
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", OPERATOR);
        form.add("password", OPERATOR_PASSWORD);
        form.add("_csrf", token);

        ResponseEntity<String> login = anonymous.withRedirects(HttpRedirects.DONT_FOLLOW).postForEntity("/login", new HttpEntity<>(form, headers), String.class);

        assertThat(login.getStatusCode()).isEqualTo(HttpStatus.FOUND);
        assertThat(login.getHeaders().getLocation().getPath()).isEqualTo("/");
        HttpHeaders withSession = new HttpHeaders();
        withSession.add(HttpHeaders.COOKIE, cookie(login, "JSESSIONID"));
        assertThat(anonymous.exchange("/api/runs", HttpMethod.GET, new HttpEntity<>(withSession), String.class)
                .getStatusCode()).isEqualTo(HttpStatus.OK);
        // a forged POST riding on the session cookie, without the token, is refused
        assertThat(anonymous.exchange("/api/runs?asOf=2020-01-06", HttpMethod.POST, new HttpEntity<>(withSession),
                String.class).getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private static String cookie(ResponseEntity<?> response, String name) {
        return response.getHeaders().get(HttpHeaders.SET_COOKIE).stream().filter(c -> c.startsWith(name + "="))
                .findFirst().orElseThrow(() -> new AssertionError("no cookie " + name)).split(";")[0];
    }

    private static void awaitEnd(TestRestTemplate operator, long runId) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            if (!"RUNNING".equals(operator.getForObject("/api/runs/" + runId, Map.class).get("status"))) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("run " + runId + " did not end");
    }
}
