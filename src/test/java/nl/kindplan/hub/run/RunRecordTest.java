package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.StreamSupport;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.IjwBerichten;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.TestHttpSources.Answer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * The run record tells an operator at a glance what went wrong, per source: what came in, what
 * was refused and why, which source could not be reached, and whether the run was complete. An
 * HTTP source that fails is retried, then reported, and the other sources still go in.
 */
class RunRecordTest extends HubTestSupport {

    private static final String HEADER = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
            + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n";

    @Autowired
    TestRestTemplate http;

    @Test
    void anHttpSourceAnswering500IsRetriedThenReportedWhileTheOtherSourcesGoIn() throws Exception {
        String viaInbox = TestBsn.bsn();
        String viaHttp = TestBsn.bsn();
        HTTP_SOURCES.queue("verzuim", new Answer(500, "", 0), new Answer(500, "", 0), new Answer(500, "", 0),
                new Answer(500, "", 0));
        HTTP_SOURCES.queue("ijw", new Answer(200, IjwBerichten.jw315(viaHttp, "0995", "RR315", LocalDate.of(2026, 6, 1),
                "REF-RR", "45"), 0));
        int verzuimRequestsBefore = HTTP_SOURCES.requests("verzuim");
        drop("verzuim", "verzuim-run-record.csv", HEADER
                + "RR-1;2026-06-01T08:00:00;R;V3;" + viaInbox + ";2013-03-03;10AA;00;0995;2026-05-20;;;\n"
                + "RR-2;2026-06-01T08:00:00;R;V3;" + TestBsn.bsn() + ";2013-02-31;10AA;00;0995;2026-05-20;;;\n"
                + rows(9, "RR-OK-"));

        JsonNode run = new HubApi(http).runNight(LocalDate.of(2026, 6, 8));

        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("complete").asBoolean(true)).as("a source was not reached").isFalse();
        assertThat(run.path("phase").isMissingNode() || run.path("phase").isNull()).isTrue();
        assertThat(HTTP_SOURCES.requests("verzuim") - verzuimRequestsBefore).as("1 try + 3 retries").isEqualTo(4);
        JsonNode verzuim = source(run, "VERZUIM");
        assertThat(verzuim.path("problems").get(0).asString())
                .isEqualTo("HTTP-bron niet opgehaald na 4 poging(en): de bron antwoordde HTTP 500");
        assertThat(verzuim.path("files").asLong()).isEqualTo(1);
        assertThat(verzuim.path("takenIn").asLong()).isEqualTo(10);
        assertThat(verzuim.path("rejected").asLong()).isEqualTo(1);
        JsonNode refusal = verzuim.path("refusals").get(0);
        assertThat(refusal.path("file").asString()).isEqualTo("verzuim-run-record.csv");
        assertThat(refusal.path("line").asLong()).isEqualTo(3);
        assertThat(refusal.path("reason").asString()).contains("geboortedatum").contains("is geen geldige datum");
        JsonNode ijw = source(run, "IJW");
        assertThat(ijw.path("takenIn").asLong()).isEqualTo(1);
        assertThat(ijw.path("problems")).isEmpty();
        assertThat(new HubApi(http).kind(viaHttp).path("jeugdhulp")).isNotEmpty();
        assertThat(new HubApi(http).kind(viaInbox).path("meldingen")).isNotEmpty();
    }

    @Test
    void aSourceThatTimesOutOnceIsFetchedOnTheRetryAndTheRunIsComplete() throws Exception {
        String bsn = TestBsn.bsn();
        String csv = HEADER + "RT-1;2026-06-15T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;00;0995;2026-06-10;;;\n";
        HTTP_SOURCES.queue("verzuim", new Answer(200, csv, 4_000), new Answer(200, csv, 0));
        int before = HTTP_SOURCES.requests("verzuim");

        JsonNode run = new HubApi(http).runNight(LocalDate.of(2026, 6, 22));

        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(HTTP_SOURCES.requests("verzuim") - before).as("timed out once, then fetched").isEqualTo(2);
        assertThat(source(run, "VERZUIM").path("problems")).isEmpty();
        assertThat(source(run, "VERZUIM").path("takenIn").asLong()).isEqualTo(1);
        assertThat(run.path("complete").asBoolean()).isTrue();
        assertThat(new HubApi(http).kind(bsn).path("meldingen")).hasSize(1);
    }

    private static String rows(int count, String prefix) {
        StringBuilder rows = new StringBuilder();
        for (int i = 0; i < count; i++) {
            rows.append(prefix).append(i).append(";2026-06-01T08:00:00;R;V3;").append(TestBsn.bsn())
                    .append(";2013-03-03;10AA;00;0995;2026-05-20;;;\n");
        }
        return rows.toString();
    }

    private static JsonNode source(JsonNode run, String source) {
        List<JsonNode> found = StreamSupport.stream(run.path("sources").spliterator(), false)
                .filter(s -> s.path("source").asString().equals(source)).toList();
        assertThat(found).as("source %s in %s", source, run).hasSize(1);
        return found.get(0);
    }
}
