package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.IjwBerichten;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * Two nights end to end: real files in the inboxes, runs started through the API with their asOf,
 * and the queues read by a plain JMS consumer over TCP, as an SWV or a gemeente would.
 * The children live in gemeente 0996 and go to school at 10AE (samenwerkingsverband PO2802).
 */
class NightsEndToEndTest extends HubTestSupport {

    private static final String GEMEENTE = "0996";
    private static final LocalDate NIGHT_1 = LocalDate.of(2026, 3, 2);
    private static final LocalDate NIGHT_2 = NIGHT_1.plusDays(91);

    private final String thuiszitter = TestBsn.bsn();
    private final String absoluutVerzuim = TestBsn.bsn();
    private final String zorgNietToegewezen = TestBsn.bsn();
    private final String zorgGestopt = TestBsn.bsn();
    private final String match = TestBsn.bsn();
    private final String unchanged = TestBsn.bsn();

    @Autowired
    TestRestTemplate http;

    @Test
    void twoNightsOpenUpdateAndResolveCasesAndANightRunTwiceSendsNothingTwice() throws Exception {
        HubApi api = new HubApi(http);
        Set<String> ours = Set.of(thuiszitter, absoluutVerzuim, zorgNietToegewezen, zorgGestopt, match, unchanged);
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente." + GEMEENTE);
            dropNight1Files();

            JsonNode run1 = api.runNight(NIGHT_1);

            assertThat(run1.path("status").asString()).isEqualTo("SUCCEEDED");
            List<Received> gemeente1 = queues.drain("kindplan.gemeente." + GEMEENTE);
            assertThat(gemeente1).extracting(r -> bsn(r), Received::event, Received::signal, r -> r.json().path("severity").asString())
                    .containsExactlyInAnyOrder(
                            tuple(thuiszitter, "OPENED", "THUISZITTER", "SIGNAAL"),
                            tuple(absoluutVerzuim, "OPENED", "ABSOLUUT_VERZUIM", "SIGNAAL"),
                            tuple(zorgNietToegewezen, "OPENED", "ZORG_NIET_TOEGEWEZEN", "SIGNAAL"),
                            tuple(zorgGestopt, "OPENED", "ZORG_GESTOPT_BIJ_VERZUIM", "SIGNAAL"),
                            tuple(match, "OPENED", "MATCH", "INFO"),
                            tuple(unchanged, "OPENED", "MATCH", "INFO"));
            assertThat(gemeente1).allSatisfy(r -> {
                assertThat(r.json().path("caseId").asString()).isEqualTo(r.caseId());
                assertThat(r.json().path("event").asString()).isEqualTo(r.event());
                assertThat(r.json().path("signal").asString()).isEqualTo(r.signal());
                assertThat(r.json().path("asOf").asString()).isEqualTo(NIGHT_1.toString());
                assertThat(r.json().path("recipient").path("type").asString()).isEqualTo("GEMEENTE");
                assertThat(r.json().path("recipient").path("code").asString()).isEqualTo(GEMEENTE);
            });
            assertThat(message(gemeente1, thuiszitter).json().path("since").asString()).isEqualTo("2026-02-20");
            assertThat(message(gemeente1, absoluutVerzuim).json().path("since").asString()).isEqualTo("2026-02-11");
            assertThat(message(gemeente1, zorgNietToegewezen).json().path("since").asString()).isEqualTo("2026-02-24");

            List<Received> swv1 = ours(queues.drain("kindplan.swv.PO2802"), ours);
            assertThat(swv1).hasSize(6);
            assertThat(swv1).extracting(Received::caseId)
                    .as("one case, one caseId, the same for every recipient")
                    .containsExactlyInAnyOrderElementsOf(gemeente1.stream().map(Received::caseId).toList());
            assertMinimisedForSwv(message(swv1, unchanged).json(), message(gemeente1, unchanged).json());

            dropNight2Files();
            JsonNode run2 = api.runNight(NIGHT_2);

            assertThat(run2.path("status").asString()).isEqualTo("SUCCEEDED");
            List<Received> gemeente2 = queues.drain("kindplan.gemeente." + GEMEENTE);
            assertThat(gemeente2).extracting(r -> bsn(r), Received::event, Received::signal, r -> r.json().path("severity").asString())
                    .containsExactlyInAnyOrder(
                            tuple(thuiszitter, "UPDATED", "THUISZITTER", "ESCALATIE"),
                            tuple(absoluutVerzuim, "UPDATED", "ABSOLUUT_VERZUIM", "ESCALATIE"),
                            tuple(zorgNietToegewezen, "RESOLVED", "ZORG_NIET_TOEGEWEZEN", "SIGNAAL"),
                            tuple(zorgNietToegewezen, "OPENED", "MATCH", "INFO"),
                            tuple(zorgGestopt, "RESOLVED", "ZORG_GESTOPT_BIJ_VERZUIM", "SIGNAAL"),
                            tuple(match, "RESOLVED", "MATCH", "INFO"));
            assertThat(message(gemeente2, thuiszitter).caseId()).as("an update keeps the case's id")
                    .isEqualTo(message(gemeente1, thuiszitter).caseId());
            assertThat(ours(queues.drain("kindplan.swv.PO2802"), ours)).hasSize(6);

            JsonNode rerun = api.runNight(NIGHT_2);

            assertThat(rerun.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(queues.drain("kindplan.gemeente." + GEMEENTE)).as("the same night again sends nothing").isEmpty();
            assertThat(ours(queues.drain("kindplan.swv.PO2802"), ours)).isEmpty();
        }

        JsonNode record = api.kind(thuiszitter);
        JsonNode kase = record.path("casussen").get(0);
        assertThat(kase.path("signal").asString()).isEqualTo("THUISZITTER");
        assertThat(kase.path("events")).extracting(e -> e.path("event").asString()).containsExactly("OPENED", "UPDATED");
        assertThat(kase.path("events").get(0).path("gronden"))
                .as("why the case opened: the LRV melding and the registration, with file and line")
                .extracting(g -> g.path("soort").asString(), g -> g.path("herkomst").path("bestand").asString(),
                        g -> g.path("herkomst").path("regel").asLong())
                .contains(tuple("MELDING", "verzuim-e2e-night1.csv", 2L),
                        tuple("REGISTRATIE", "inschrijvingen-e2e-night1.csv", 2L));
    }

    /** The SWV gets identity, school, signal and verzuim, and of jeugdhulp only 'active' and its broad form. */
    private static void assertMinimisedForSwv(JsonNode swv, JsonNode gemeente) {
        assertThat(gemeente.path("jeugdhulp").path("toewijzingen").get(0).path("aanbieder").asString()).isEqualTo("99001001");
        assertThat(gemeente.path("jeugdhulp").path("toewijzingen").get(0).path("productcode").asString()).isEqualTo("45A01");
        assertThat(gemeente.path("verzuim").get(0).path("vermoedelijkeReden").asString()).isEqualTo("ziek; thuis");
        assertThat(gemeente.path("gronden").size()).isPositive();

        assertThat(swv.path("recipient").path("type").asString()).isEqualTo("SWV");
        assertThat(swv.path("kind").path("bsn").asString()).isEqualTo(gemeente.path("kind").path("bsn").asString());
        assertThat(swv.path("school").path("samenwerkingsverband").path("code").asString()).isEqualTo("PO2802");
        assertThat(swv.path("verzuim").get(0).path("verzuimsoort").asString()).isEqualTo("V3");
        assertThat(swv.path("jeugdhulp").path("actief").asBoolean()).isTrue();
        assertThat(swv.path("jeugdhulp").path("vormen")).extracting(JsonNode::asText).containsExactly("AMBULANT");
        String text = swv.toString();
        assertThat(text).doesNotContain("aanbieder", "99001001", "productcode", "45A01", "verwijzer",
                "vermoedelijkeReden", "ziek", "toewijzingen", "berichten", "gronden", "productcategorie");
    }

    private void dropNight1Files() {
        String header = "soort;mutatie;regel_id;bsn;geboortedatum;gemeentecode;brin;vestiging;onderwijssoort;"
                + "begindatum;einddatum;reden\n";
        StringBuilder inschrijvingen = new StringBuilder(header);
        for (String bsn : List.of(thuiszitter, zorgNietToegewezen, zorgGestopt, match, unchanged)) {
            inschrijvingen.append("INSCHRIJVING;TOEGEVOEGD;E2E-").append(bsn).append(';').append(bsn)
                    .append(";2014-05-01;0996;10AE;00;BAO;2020-08-20;;\n");
        }
        inschrijvingen.append("INSCHRIJVING;TOEGEVOEGD;E2E-").append(absoluutVerzuim).append(';').append(absoluutVerzuim)
                .append(";2014-05-01;0996;10AE;00;BAO;2020-08-20;2026-02-10;VERHUIZING\n");
        drop("inschrijvingen", "inschrijvingen-e2e-night1.csv", inschrijvingen.toString());

        drop("verzuim", "verzuim-e2e-night1.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                + melding("E2E-A-" + thuiszitter, "2026-02-21T10:00:00", "R", "LRV", thuiszitter, "2026-02-20", "", "")
                + melding("E2E-C-" + zorgNietToegewezen, "2026-02-02T10:00:00", "R", "V3", zorgNietToegewezen, "2026-02-01", "", "")
                + melding("E2E-D-" + zorgGestopt, "2026-02-24T10:00:00", "R", "V3", zorgGestopt, "2026-02-23", "", "")
                + melding("E2E-E-" + match, "2026-02-03T10:00:00", "R", "V3", match, "2026-02-02", "", "")
                + melding("E2E-F-" + unchanged, "2026-02-03T10:00:00", "R", "V3", unchanged, "2026-02-02", "",
                "\"ziek; thuis\""));

        drop("ijw", "jw315-e2e-c.xml", IjwBerichten.jw315(zorgNietToegewezen, GEMEENTE, "E2EC315",
                LocalDate.of(2026, 2, 16), "REF-E2E-C", "45"));
        drop("ijw", "jw301-e2e-d.xml", IjwBerichten.jw301(zorgGestopt, GEMEENTE, "E2ED301", LocalDate.of(2025, 8, 25),
                "9101", "REF-E2E-D", "45", "45A01", LocalDate.of(2025, 9, 1), null));
        drop("ijw", "jw307-e2e-d.xml", IjwBerichten.jw307(zorgGestopt, GEMEENTE, "E2ED307", LocalDate.of(2026, 2, 21),
                "9101", "45", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 2, 20), "33"));
        drop("ijw", "jw301-e2e-e.xml", IjwBerichten.jw301(match, GEMEENTE, "E2EE301", LocalDate.of(2025, 12, 20),
                "9102", "REF-E2E-E", "43", "43A01", LocalDate.of(2026, 1, 1), null));
        drop("ijw", "jw301-e2e-f.xml", IjwBerichten.jw301(unchanged, GEMEENTE, "E2EF301", LocalDate.of(2025, 12, 20),
                "9103", "REF-E2E-F", "45", "45A01", LocalDate.of(2026, 1, 1), null));
    }

    private void dropNight2Files() {
        drop("verzuim", "verzuim-e2e-night2.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                + melding("E2E-E-" + match, "2026-05-01T10:00:00", "G", "V3", match, "2026-02-02", "2026-04-30", ""));
        drop("ijw", "jw301-e2e-c.xml", IjwBerichten.jw301(zorgNietToegewezen, GEMEENTE, "E2EC301",
                LocalDate.of(2026, 5, 10), "9104", "REF-E2E-C", "45", "45A01", LocalDate.of(2026, 5, 15), null));
    }

    private static String melding(String nummer, String mutatie, String status, String soort, String bsn,
                                  String begin, String eind, String reden) {
        return String.join(";", nummer, mutatie, status, soort, bsn, "2014-05-01", "10AE", "00", GEMEENTE, begin, eind,
                "20", reden) + "\n";
    }

    private static String bsn(Received r) {
        return r.json().path("kind").path("bsn").asString();
    }

    private static Received message(List<Received> messages, String bsn) {
        return messages.stream().filter(r -> bsn.equals(bsn(r))).findFirst().orElseThrow();
    }

    private static List<Received> ours(List<Received> messages, Set<String> ours) {
        return messages.stream().filter(r -> ours.contains(bsn(r))).toList();
    }
}
