package nl.kindplan.hub.cijfers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.SeededStore;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The monthly figures of a seeded population whose figures are known, January to March 2025, in gemeente
 * 0801 (and one case in 0802), samenwerkingsverband TS0801 (one case first went to TS0802, then to TS0801):
 * <ul>
 * <li>6 thuiszitters since 2024-10-01 (past three months from January), resolved 2025-03-15;</li>
 * <li>2 thuiszitters since 2025-01-10, opened 2025-01-12, still open in March;</li>
 * <li>3 absoluut verzuimers opened 2025-02-03;</li>
 * <li>5 MATCH cases since 2024-11-20..24, resolved 2025-02-10 (durations 82..78 days: median 80);</li>
 * <li>1 ZORG_GESTOPT_BIJ_VERZUIM case opened 2025-01-05 and resolved 2025-01-20.</li>
 * </ul>
 * All seeded cases are closed in the store (some after March), so no night of another test touches them.
 */
class CijfersTest extends HubTestSupport {

    private static final String HEADER = "maand;code;naam;thuiszitters;thuiszitters_langer_dan_3_maanden;"
            + "absoluut_verzuimers;zorg_en_verzuim;zorg_niet_toegewezen;zorg_gestopt_bij_verzuim;geopend;opgelost;"
            + "nog_open;mediane_duur_dagen";
    private static boolean seeded;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;

    @BeforeEach
    void seedOnce() {
        if (seeded) {
            return;
        }
        seeded = true;
        SeededStore seed = new SeededStore(jdbc);
        for (int i = 0; i < 6; i++) {
            kase(seed, "THUISZITTER", d(2024, 10, 1), d(2024, 11, 1), d(2025, 3, 15), "0801", "TS0801");
        }
        kase(seed, "THUISZITTER", d(2025, 1, 10), d(2025, 1, 12), d(2025, 6, 1), "0801", "TS0801");
        String moved = kase(seed, "THUISZITTER", d(2025, 1, 10), d(2025, 1, 12), d(2025, 6, 1), "0801", "TS0802");
        long update = seed.event(moved, "UPDATED", d(2025, 1, 10), d(2025, 1, 19), LocalDateTime.now());
        seed.outbox(update, "SWV", "TS0801");
        for (int i = 0; i < 3; i++) {
            kase(seed, "ABSOLUUT_VERZUIM", d(2025, 2, 1), d(2025, 2, 3), d(2025, 4, 30), "0801", null);
        }
        for (int i = 0; i < 5; i++) {
            kase(seed, "MATCH", d(2024, 11, 20 + i), d(2024, 12, 1), d(2025, 2, 10), "0801", null);
        }
        kase(seed, "ZORG_GESTOPT_BIJ_VERZUIM", d(2025, 1, 4), d(2025, 1, 5), d(2025, 1, 20), "0801", null);
        kase(seed, "THUISZITTER", d(2025, 1, 10), d(2025, 1, 12), d(2025, 6, 1), "0802", null);
    }

    @Test
    void theCsvPerGemeenteHasTheKnownFiguresWithSmallCountsShownAsLessThanFive() {
        ResponseEntity<String> csv = viewerGet("/api/cijfers?van=2025-01&tot=2025-03&niveau=gemeente", "text/csv");

        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().isCompatibleWith(MediaType.valueOf("text/csv"))).isTrue();
        assertThat(csv.getHeaders().getContentDisposition().getFilename())
                .isEqualTo("kindplan-cijfers-gemeente-2025-01-2025-03.csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines).contains(
                "2025-01;0801;;8;6;0;5;0;0;<5;<5;13;",
                "2025-02;0801;;8;6;<5;0;0;0;<5;5;11;80",
                "2025-03;0801;;<5;0;<5;0;0;0;0;6;5;165",
                "2025-01;0802;;<5;0;0;0;0;0;<5;0;<5;",
                "2025-03;0802;;<5;0;0;0;0;0;0;0;<5;");
        // anonymised throughout, whatever else the store holds: no count from 1 to 4 in any row
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(";", -1);
            assertThat(Arrays.asList(cells).subList(3, cells.length)).allSatisfy(cell ->
                    assertThat(cell).as(line).matches("|<5|0|[5-9]|[1-9][0-9]+"));
        }
        assertThat(jdbc.queryForList("SELECT actor, rol FROM verwerking WHERE activiteit = 'cijfers' AND betrokkene IS NULL"))
                .as("the export is in the processing log, without a subject")
                .contains(java.util.Map.of("ACTOR", VIEWER, "ROL", "VIEWER"));
    }

    @Test
    void perSamenwerkingsverbandACaseCountsWhereItsLatestMessageWent() {
        JsonNode answer = HubApi.asViewer(http).get("/api/cijfers?van=2025-01&tot=2025-03&niveau=swv");

        assertThat(answer.path("niveau").asString()).isEqualTo("SWV");
        assertThat(answer.path("kolommen").get(0).asString()).isEqualTo("thuiszitters");
        JsonNode januari = row(answer, "2025-01", "TS0801");
        assertThat(januari.path("cijfers").path("thuiszitters").asLong()).isEqualTo(8);
        assertThat(januari.path("cijfers").path("thuiszitters_langer_dan_3_maanden").asLong()).isEqualTo(6);
        assertThat(januari.path("cijfers").path("geopend").asString()).isEqualTo("<5");
        assertThat(row(answer, "2025-03", "TS0801").path("cijfers").path("opgelost").asLong()).isEqualTo(6);
        assertThat(answer.path("rijen")).noneMatch(r -> r.path("code").asString().equals("TS0802"));
    }

    @Test
    void badRangesAndLevelsAreRefusedWithAReason() {
        HubApi viewer = HubApi.asViewer(http);
        assertThat(viewer.getStatus("/api/cijfers?van=2025-13&tot=2025-03")).isEqualTo(400);
        assertThat(viewer.getStatus("/api/cijfers?van=2025-03&tot=2025-01")).isEqualTo(400);
        assertThat(viewer.getStatus("/api/cijfers?van=2025-01&tot=2025-03&niveau=school")).isEqualTo(400);
        assertThat(viewer.getStatus("/cijfers.html")).isEqualTo(200);
    }

    private ResponseEntity<String> viewerGet(String path, String accept) {
        HttpHeaders headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.valueOf(accept)));
        return http.withBasicAuth(VIEWER, VIEWER_PASSWORD).exchange(path, HttpMethod.GET, new HttpEntity<>(headers),
                String.class);
    }

    private static JsonNode row(JsonNode answer, String maand, String code) {
        for (JsonNode r : answer.path("rijen")) {
            if (r.path("maand").asString().equals(maand) && r.path("code").asString().equals(code)) {
                return r;
            }
        }
        throw new AssertionError("no row " + maand + " " + code + " in " + answer);
    }

    private static String kase(SeededStore seed, String signal, LocalDate since, LocalDate opened, LocalDate closed,
                               String gemeente, String swv) {
        long kind = seed.kind(TestBsn.bsn(), LocalDateTime.now());
        String caseId = seed.kase(kind, signal, since, opened, closed);
        long event = seed.event(caseId, "OPENED", since, opened, LocalDateTime.now());
        seed.outbox(event, "GEMEENTE", gemeente);
        if (swv != null) {
            seed.outbox(event, "SWV", swv);
        }
        return caseId;
    }

    private static LocalDate d(int y, int m, int day) {
        return LocalDate.of(y, m, day);
    }
}
