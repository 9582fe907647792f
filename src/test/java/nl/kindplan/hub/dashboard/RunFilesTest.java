package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.UUID;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.run.RunRegister;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/** A run's files in its detail: 50 a page, filtered by source, status and a part of the name. */
class RunFilesTest extends HubTestSupport {

    @Autowired
    TestRestTemplate http;
    @Autowired
    RunRegister register;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRunOfManyFilesIsReadAPageAtATimeAndFiltered() {
        long runId = register.start(LocalDate.now().minusDays(1), RunRegister.Trigger.SCHEDULE, null, "test");
        // the register of a night of 120 files: 117 taken in, 3 refused whole (their run is set: no night claims them)
        for (int i = 1; i <= 120; i++) {
            boolean refused = i % 40 == 0;
            jdbc.update("""
                    INSERT INTO source_file (source, file_name, sha256, status, received_at, rows_total, rows_taken_in,
                                             rows_rejected, reason, run_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    i % 2 == 0 ? "IJW" : "EDEXML", String.format("bericht_%03d%s.xml", i, refused ? "_kapot" : ""),
                    (UUID.randomUUID().toString() + UUID.randomUUID()).replace("-", "").substring(0, 64),
                    refused ? "REJECTED" : "TAKEN_IN", Timestamp.valueOf(LocalDateTime.now()), 1, refused ? 0 : 1,
                    refused ? 1 : 0, refused ? "XML afgekeurd op regel 1, kolom 1: het bestand houdt te vroeg op (is het leeg of afgebroken?)" : null, runId);
        }
        register.finish(runId, RunRegister.Status.SUCCEEDED, 0, register.sourceCounts(runId), null);
        HubApi api = new HubApi(http);

        JsonNode detail = api.get("/api/dashboard/runs/" + runId);
        assertThat(detail.path("bestandenTotaal").asLong()).isEqualTo(120);
        assertThat(detail.path("bestanden")).hasSize(50);
        assertThat(detail.path("run").path("toestand").asString()).isEqualTo("ONVOLLEDIG");

        JsonNode third = api.get("/api/dashboard/runs/" + runId + "/bestanden?pagina=3");
        assertThat(third.path("totaal").asLong()).isEqualTo(120);
        assertThat(third.path("bestanden")).hasSize(20);
        assertThat(third.path("bestanden").get(0).path("bestand").asString()).isEqualTo("bericht_101.xml");

        JsonNode refused = api.get("/api/dashboard/runs/" + runId + "/bestanden?status=REJECTED");
        assertThat(refused.path("bestanden")).extracting(f -> f.path("bestand").asString())
                .containsExactly("bericht_040_kapot.xml", "bericht_080_kapot.xml", "bericht_120_kapot.xml");
        assertThat(refused.path("bestanden").get(0).path("reden").asString()).isEqualTo("XML afgekeurd op regel 1, kolom 1: het bestand houdt te vroeg op (is het leeg of afgebroken?)");

        JsonNode ijwKapot = api.get("/api/dashboard/runs/" + runId + "/bestanden?bron=IJW&zoek=KAPOT");
        assertThat(ijwKapot.path("totaal").asLong()).isEqualTo(3);
        JsonNode edexml = api.get("/api/dashboard/runs/" + runId + "/bestanden?bron=EDEXML&zoek=_0");
        assertThat(edexml.path("totaal").asLong()).as("odd numbers below 100, '_' taken literally").isEqualTo(50);
        assertThat(api.get("/api/dashboard/runs/" + runId + "/bestanden?zoek=%25").path("totaal").asLong())
                .as("'%' taken literally").isZero();
        assertThat(api.get("/api/dashboard/runs/" + runId + "/bestanden?pagina=0").path("pagina").asInt())
                .as("no page before the first").isEqualTo(1);
    }
}
