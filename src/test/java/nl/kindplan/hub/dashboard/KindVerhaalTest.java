package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import nl.kindplan.hub.HubApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The child's whole story ({@code GET /api/kinderen/{bsn}}) over two nights: every fact names the
 * night that took it in beside its file and line (a melding's first version the first night, its
 * update the second), the case names its samenwerkingsverband with code and name and its gronden
 * with their nights, and the timeline tells it all in date order. The view is recorded in the
 * processing log.
 */
class KindVerhaalTest extends DashboardTestSupport {

    private static final LocalDate FIRST = LocalDate.now().minusDays(3);
    private static final LocalDate SECOND = FIRST.plusDays(1);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void everyFactWithItsNightTheCaseWithItsSwvAndGrondenAndATimeline() throws Exception {
        HubApi api = new HubApi(http);
        Night night = dropNightWithCases(FIRST);
        String bsn = night.thuiszitterLang();
        long first = api.runNight(FIRST).path("runId").asLong();

        // the next night, the school updates the melding: 60 hours now
        String melding = "DASH-L-" + bsn;
        drop("verzuim", "verzuim-verhaal-" + bsn.substring(6) + ".csv",
                "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;brin;vestiging;"
                        + "gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                        + String.join(";", melding, SECOND + "T08:00:00", "R", "LRV", bsn, "2012-05-01",
                        SHARED_SCHOOL, "00", GEMEENTE, FIRST.minusDays(120).toString(), "", "60", "") + "\n");
        long second = api.runNight(SECOND).path("runId").asLong();
        assertThat(second).isGreaterThan(first);
        long viewsBefore = views();

        var kind = api.kind(bsn);

        var inschrijving = kind.path("inschrijvingen").get(0);
        assertThat(inschrijving.path("herkomst").path("bestand").asString()).isEqualTo(night.inschrijvingenFile());
        assertThat(inschrijving.path("herkomst").path("regel").asLong()).isEqualTo(2);
        assertThat(inschrijving.path("herkomst").path("nacht").path("runId").asLong()).isEqualTo(first);
        assertThat(inschrijving.path("herkomst").path("nacht").path("asOf").asString()).isEqualTo(FIRST.toString());
        assertThat(inschrijving.path("samenwerkingsverband").path("code").asString()).isEqualTo("VO2704");
        assertThat(inschrijving.path("samenwerkingsverband").path("naam").asString()).isEqualTo("SWV VO Demo-Regio");

        var versies = kind.path("meldingen").get(0).path("versies");
        assertThat(versies).hasSize(2);
        assertThat(versies.get(0).path("herkomst").path("nacht").path("runId").asLong()).isEqualTo(first);
        assertThat(versies.get(1).path("herkomst").path("nacht").path("runId").asLong()).isEqualTo(second);
        assertThat(versies.get(1).path("herkomst").path("nacht").path("asOf").asString()).isEqualTo(SECOND.toString());

        var casus = kind.path("casussen").get(0);
        assertThat(casus.path("signal").asString()).isEqualTo("THUISZITTER");
        assertThat(casus.path("signaalNaam").asString()).isEqualTo("Thuiszitter");
        assertThat(casus.path("open").asBoolean()).isTrue();
        assertThat(casus.path("samenwerkingsverband").path("code").asString()).isEqualTo("VO2704");
        assertThat(casus.path("samenwerkingsverband").path("naam").asString()).isEqualTo("SWV VO Demo-Regio");
        var opened = casus.path("events").get(0);
        assertThat(opened.path("event").asString()).isEqualTo("OPENED");
        assertThat(opened.path("omschrijving").asString()).isEqualTo("zaak Thuiszitter geopend");
        assertThat(opened.path("runId").asLong()).isEqualTo(first);
        List<String> gronden = new ArrayList<>();
        opened.path("gronden").forEach(g -> gronden.add(g.path("soort").asString() + " "
                + g.path("herkomst").path("bestand").asString() + " " + g.path("herkomst").path("nacht").path("runId").asLong()));
        assertThat(gronden).contains("REGISTRATIE " + night.inschrijvingenFile() + " " + first,
                "MELDING " + night.verzuimFile() + " " + first);

        List<String> datums = new ArrayList<>();
        List<String> soorten = new ArrayList<>();
        kind.path("tijdlijn").forEach(m -> {
            datums.add(m.path("datum").asString());
            soorten.add(m.path("soort").asString());
        });
        assertThat(datums).as("in date order").isSorted();
        assertThat(soorten).contains("INSCHRIJVING", "MELDING", "ZAAK");
        var zaak = kind.path("tijdlijn").get(soorten.indexOf("ZAAK"));
        assertThat(zaak.path("wat").asString()).startsWith("zaak Thuiszitter geopend").contains("VO2704 · SWV VO Demo-Regio");
        assertThat(zaak.path("nacht").path("runId").asLong()).isEqualTo(first);
        var ingeschreven = kind.path("tijdlijn").get(soorten.indexOf("INSCHRIJVING"));
        assertThat(ingeschreven.path("datum").asString()).isEqualTo("2024-08-20");
        assertThat(ingeschreven.path("wat").asString()).isEqualTo("ingeschreven op " + SHARED_SCHOOL + "00 (VO2704 · SWV VO Demo-Regio)");
        assertThat(ingeschreven.path("herkomst").path("nacht").path("runId").asLong()).isEqualTo(first);

        assertThat(views()).as("the view is recorded for the processing log").isEqualTo(viewsBefore + 1);
    }

    private long views() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM verwerking WHERE activiteit = 'kind-inzien'", Long.class);
    }
}
