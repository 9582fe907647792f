package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.domain.Elfproef;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * The dashboard's JSON after a night with cases: the run with its counts and files, open cases per
 * signal and per samenwerkingsverband, the thuiszitters past three months, rejected files and rows,
 * routes from Camel's management and the health of database and broker. None of it holds a full BSN.
 */
class DashboardApiTest extends DashboardTestSupport {

    /** Last night, as in DashboardBrowserTest: a fixture child judged again by another of these nights is judged the same. */
    private static final LocalDate AS_OF = LocalDate.now().minusDays(1);

    @Autowired
    TestRestTemplate http;

    @Test
    void aNightShowsWithItsCountsCasesAndRejectionsAndNoFullBsn() throws Exception {
        HubApi api = new HubApi(http);
        JsonNode before = api.get("/api/dashboard/zaken");
        Night night = dropNightWithCases(AS_OF, OWN_SCHOOL);

        long runId = api.runNight(AS_OF).path("runId").asLong();

        JsonNode runs = api.get("/api/dashboard/runs?max=30");
        JsonNode last = runs.get(runs.size() - 1);
        assertThat(last.path("runId").asLong()).as("oldest first: the newest run is last").isEqualTo(runId);
        assertThat(last.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(last.path("toestand").asString()).as("a file refused whole: not every file taken in")
                .isEqualTo("ONVOLLEDIG");
        assertThat(last.path("complete").asBoolean(true)).isFalse();
        assertThat(last.path("redenen")).extracting(JsonNode::asText)
                .contains("VERZUIM: 1 bestand(en) geheel afgekeurd");
        assertThat(last.path("gestartDoor").asString()).isEqualTo(OPERATOR);
        assertThat(last.path("asOf").asString()).isEqualTo(AS_OF.toString());
        assertThat(last.path("trigger").asString()).isEqualTo("API");
        assertThat(last.path("ingelezen").asLong()).as("2 inschrijvingen and 3 meldingen").isGreaterThanOrEqualTo(5);
        assertThat(last.path("afgekeurd").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(last.path("afgekeurdeBestanden").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(last.path("gebeurtenissen").path("THUISZITTER").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(last.path("gebeurtenissen").path("ABSOLUUT_VERZUIM").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(fieldNames(last.path("gebeurtenissen"))).as("every signal, also with none")
                .containsExactly("THUISZITTER", "ABSOLUUT_VERZUIM", "ZORG_NIET_TOEGEWEZEN", "ZORG_GESTOPT_BIJ_VERZUIM",
                        "MATCH");
        assertThat(last.path("gebeurtenissenTotaal").asLong()).isEqualTo(sum(last.path("gebeurtenissen")));
        assertThat(last.path("duurMs").isNumber()).isTrue();
        assertThat(last.path("berichten").path("SENT").asLong()).as("gemeente and SWV messages")
                .isGreaterThanOrEqualTo(5);

        JsonNode detail = api.get("/api/dashboard/runs/" + runId);
        JsonNode taken = file(detail.path("bestanden"), night.verzuimFile());
        assertThat(taken.path("status").asString()).isEqualTo("TAKEN_IN");
        assertThat(taken.path("ingelezen").asInt()).isEqualTo(3);
        assertThat(file(detail.path("bestanden"), night.inschrijvingenFile()).path("ingelezen").asInt()).isEqualTo(2);
        JsonNode rejected = file(detail.path("bestanden"), night.rejectedFile());
        assertThat(rejected.path("status").asString()).isEqualTo("REJECTED");
        assertThat(rejected.path("reden").asString()).isNotBlank();
        JsonNode verzuim = find(detail.path("perBron"), "bron", "VERZUIM");
        assertThat(verzuim.path("bestanden").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(verzuim.path("afgekeurdeBestanden").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(find(detail.path("perSignaal"), "signaal", "THUISZITTER").path("geopend").asLong())
                .isGreaterThanOrEqualTo(2);

        JsonNode zaken = api.get("/api/dashboard/zaken");
        assertThat(openAt(zaken, OWN_SWV, "THUISZITTER") - openAt(before, OWN_SWV, "THUISZITTER"))
                .as("both thuiszitters go to school in VO2703, which only this test uses").isEqualTo(2);
        assertThat(openAt(zaken, OWN_SWV, "ABSOLUUT_VERZUIM")).as("the child never registered has no SWV").isZero();
        assertThat(find(zaken.path("perSwv"), "code", OWN_SWV).path("naam").asString()).isEqualTo("SWV VO Demo-Stad");
        JsonNode withoutSwv = find(zaken.path("perSwv"), "code", null);
        assertThat(withoutSwv.path("perSignaal").path("ABSOLUUT_VERZUIM").asLong())
                .as("a child never registered has no school and so no SWV").isGreaterThanOrEqualTo(1);
        assertThat(zaken.path("thuiszittersLangerDanDrieMaanden").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(find(zaken.path("perSignaal"), "signaal", "THUISZITTER").path("perErnst").path("ESCALATIE").asLong())
                .isEqualTo(zaken.path("thuiszittersLangerDanDrieMaanden").asLong());
        assertThat(zaken.path("open").asLong()).isEqualTo(sumOf(zaken.path("perSignaal"), "open"));
        assertThat(zaken.path("open").asLong()).isEqualTo(sumOf(zaken.path("perSwv"), "open"));
        assertThat(api.kind(night.thuiszitterLang()).path("casussen").get(0).path("severity").asString())
                .as("the one counted past three months").isEqualTo("ESCALATIE");
        assertThat(api.kind(night.thuiszitterKort()).path("casussen").get(0).path("severity").asString())
                .isEqualTo("SIGNAAL");

        JsonNode afkeur = api.get("/api/dashboard/afkeur");
        assertThat(afkeur.path("bestandenAfgekeurd").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(file(afkeur.path("bestanden"), night.rejectedFile()).path("status").asString()).isEqualTo("REJECTED");
        JsonNode row = file(afkeur.path("regels"), night.rejectedFile());
        assertThat(row.path("regel").asLong()).isEqualTo(3);
        assertThat(row.path("reden").asString()).contains(Elfproef.masker(night.foutBsn()));

        JsonNode routes = api.get("/api/dashboard/routes");
        JsonNode nightly = find(routes, "routeId", "nightly-run");
        assertThat(nightly.path("bron").asString()).as("Camel's own management").isEqualTo("JMX");
        assertThat(nightly.path("status").asString()).isEqualTo("Started");
        assertThat(nightly.path("gezondheid").asString()).isEqualTo("UP");
        assertThat(nightly.path("voltooid").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(nightly.path("bezig").asLong()).isZero();
        assertThat(nightly.path("laatsteActiviteit").asString()).isNotBlank();
        assertThat(nightly.path("gemiddeldeMs").isNumber()).isTrue();
        assertThat(routes).extracting(r -> r.path("routeId").asString())
                .contains("ingest-verzuim", "deliver-outbox", "dead-letter");

        JsonNode health = api.get("/api/dashboard/gezondheid");
        assertThat(health.path("database").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("broker").path("status").asString()).isEqualTo("UP");
        assertThat(health.path("camel").path("status").asString()).isEqualTo("UP");

        JsonNode status = api.get("/api/dashboard/status");
        assertThat(status.path("bezig").asBoolean()).isFalse();

        String everything = String.join("\n", zaken.toString(), runs.toString(), detail.toString(), afkeur.toString(),
                routes.toString(), health.toString(), status.toString(), api.get("/api/dlq").toString());
        for (String bsn : night.bsns()) {
            assertThat(everything).as("no full BSN on the dashboard").doesNotContain(bsn);
        }
    }

    @Test
    void aViewerReadsTheDashboardButDoesNotResend() {
        HubApi viewer = HubApi.asViewer(http);
        for (String path : List.of("/api/dashboard/status", "/api/dashboard/routes", "/api/dashboard/gezondheid",
                "/api/dashboard/runs", "/api/dashboard/afkeur", "/api/dashboard/zaken", "/api/dlq")) {
            assertThat(viewer.getStatus(path)).as(path).isEqualTo(200);
        }
        assertThat(viewer.post("/api/dlq/ID:iets-1:1:1:1/opnieuw").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void anUnknownRunIs404() {
        assertThat(new HubApi(http).getStatus("/api/dashboard/runs/987654")).isEqualTo(404);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        return StreamSupport.stream(array.spliterator(), false)
                .filter(n -> value == null ? n.path(field).isMissingNode() || n.path(field).isNull()
                        : value.equals(n.path(field).asString()))
                .findFirst().orElseThrow(() -> new AssertionError("no " + field + " = " + value + " in " + array));
    }

    private static JsonNode file(JsonNode array, String name) {
        return find(array, "bestand", name);
    }

    private static long openAt(JsonNode zaken, String swv, String signal) {
        return StreamSupport.stream(zaken.path("perSwv").spliterator(), false)
                .filter(n -> swv.equals(n.path("code").asString())).findFirst()
                .map(n -> n.path("perSignaal").path(signal).asLong()).orElse(0L);
    }

    private static long sum(JsonNode object) {
        long total = 0;
        for (JsonNode v : object) {
            total += v.asLong();
        }
        return total;
    }

    private static long sumOf(JsonNode array, String field) {
        long total = 0;
        for (JsonNode v : array) {
            total += v.path(field).asLong();
        }
        return total;
    }

    private static List<String> fieldNames(JsonNode object) {
        List<String> names = new ArrayList<>();
        names.addAll(object.propertyNames());
        return names;
    }
}
