package nl.kindplan.hub.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/** /actuator/prometheus carries Camel's route meters and the hub's own, for a viewer (Prometheus). */
class PrometheusTest extends HubTestSupport {

    @Autowired
    TestRestTemplate http;

    @Test
    void afterANightTheScrapeHasCamelsRouteMetersAndTheHubsOwn() throws Exception {
        drop("verzuim", "verzuim-prometheus.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                + "PR-1;2026-07-01T08:00:00;R;V3;" + TestBsn.bsn() + ";2013-03-03;10AA;00;0994;2026-06-20;;;\n"
                + "PR-2;2026-07-01T08:00:00;R;XX;" + TestBsn.bsn() + ";2013-03-03;10AA;00;0994;2026-06-20;;;\n"
                + "PR-3;2026-07-01T08:00:00;R;V3;" + TestBsn.bsn() + ";2013-03-03;10AA;00;0994;2026-06-20;;;\n"
                + rows(8));
        new HubApi(http).runNight(LocalDate.of(2026, 7, 6));

        String scrape = http.withBasicAuth(VIEWER, VIEWER_PASSWORD).getForObject("/actuator/prometheus", String.class);
        System.out.println(scrape.lines().filter(l -> l.startsWith("camel_") || l.startsWith("kindplan_")).limit(60)
                .reduce("", (a, b) -> a + b + "\n"));

        assertThat(scrape).containsPattern("(?m)^kindplan_ingest_rows_total\\{.*outcome=\"taken_in\".*source=\"verzuim\".*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^kindplan_ingest_rows_total\\{.*outcome=\"rejected\".*source=\"verzuim\".*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^kindplan_ingest_files_total\\{.*source=\"verzuim\".*status=\"TAKEN_IN\".*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^kindplan_case_events_total\\{.*event=\"OPENED\".*signal=\"ABSOLUUT_VERZUIM\".*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^kindplan_run_duration_seconds_count\\{.*status=\"SUCCEEDED\".*\\} [1-9]");
        assertThat(scrape).containsPattern("(?m)^camel_exchanges_total\\{.*routeId=\"ingest-verzuim\".*\\} [1-9]");
    }

    private static String rows(int count) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append("PR-OK-").append(i).append(";2026-07-01T08:00:00;R;V3;").append(TestBsn.bsn())
                    .append(";2013-03-03;10AA;00;0994;2026-06-20;;;\n");
        }
        return rows.toString();
    }
}
