package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.core.type.TypeReference;
import tools.jackson.dataformat.yaml.YAMLMapper;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.IjwBerichten;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
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
 * One night through the hub, read as a privacy officer would: the messages each recipient got hold only
 * the fields of its minimisation profile; every message sent and every failed webhook call is in the
 * processing log under a pseudonymised key, with its activity, recipient, fields and a trace id that
 * names the run and the outbox entry (the receiver sees the same outboxId); a rerun logs nothing twice;
 * an operator's view of the child and the inzage request are logged too; the inzage answers everything,
 * as JSON and as a page, and only to an operator. The log holds no BSN.
 *
 * <p>The MATCH child lives in gemeente 0996 and goes to school at 10AE (samenwerkingsverband PO2802);
 * the thuiszitter lives in gemeente 0998, whose webhook always fails (and which has no JMS queue).
 */
class ProcessingLogTest extends HubTestSupport {

    private static final LocalDate NIGHT = LocalDate.of(2026, 3, 9);
    private static final Map<String, List<String>> PROFILES = profiles();

    private final String match = TestBsn.bsn();
    private final String thuiszitter = TestBsn.bsn();

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Betrokkene betrokkene;

    @Test
    void aNightsMessagesViewsAndInzageAreLoggedUnderAPseudonymAndTheInzageTellsItAll() throws Exception {
        HubApi api = new HubApi(http);
        Received gemeente;
        Received swv;
        JsonNode run;
        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            dropFiles();

            run = api.runNight(NIGHT);

            assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
            gemeente = only(queues.drain("kindplan.gemeente.0996"), match);
            swv = only(queues.drain("kindplan.swv.PO2802"), match);
        }
        assertThat(run.path("counts").path("verwerkingen.berichten").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(run.path("counts").has("purge.kinderen")).as("the purge is counted in the run: %s", run).isTrue();
        assertThat(run.path("counts").has("purge.cases")).isTrue();
        assertThat(run.path("counts").has("purge.files")).isTrue();

        // minimisation per recipient: every field of a message is one its profile lists
        assertThat(leafPaths(swv.json())).allSatisfy(path -> assertThat(allowed("SWV", path))
                .as("the SWV message holds %s, which its profile does not list", path).isTrue());
        assertThat(swv.json().toString()).doesNotContain("vermoedelijkeReden", "ziek; thuis", "aanbieder", "gronden");
        assertThat(leafPaths(gemeente.json())).allSatisfy(path -> assertThat(allowed("GEMEENTE", path)).isTrue());
        assertThat(gemeente.json().path("verzuim").get(0).path("vermoedelijkeReden").asString()).isEqualTo("ziek; thuis");

        // the processing log: one entry per message, under the pseudonymised key, tied to run and outbox entry
        Set<String> keys = betrokkene.keys(match);
        List<Map<String, Object>> messages = jdbc.queryForList("SELECT * FROM verwerking WHERE betrokkene = ? "
                + "AND outbox_id IS NOT NULL ORDER BY ontvanger", keys.iterator().next());
        long runId = run.path("runId").asLong();
        assertThat(messages).extracting(m -> m.get("ACTIVITEIT"), m -> m.get("ONTVANGER"), m -> m.get("KANAAL"),
                        m -> m.get("UITKOMST"), m -> m.get("ACTOR"), m -> ((Number) m.get("RUN_ID")).longValue())
                .containsExactly(
                        tuple("casusbericht-gemeente", "GEMEENTE:0996", "JMS", "SENT", "kindplan-hub", runId),
                        tuple("casusbericht-swv", "SWV:PO2802", "JMS", "SENT", "kindplan-hub", runId));
        assertThat(messages.get(0).get("TRACE_ID")).isEqualTo("run-" + runId + ":outbox-" + gemeente.outboxId());
        assertThat(messages.get(1).get("TRACE_ID")).isEqualTo("run-" + runId + ":outbox-" + swv.outboxId());
        assertThat(messages.get(0).get("VELDEN")).isEqualTo("*");
        assertThat((String) messages.get(1).get("VELDEN")).contains("kind.bsn", "verzuim[].uren", "jeugdhulp.vormen")
                .doesNotContain("vermoedelijkeReden");
        assertThat(messages).allSatisfy(m -> assertThat(m.get("CASE_ID")).isEqualTo(gemeente.caseId()));

        List<Map<String, Object>> failed = jdbc.queryForList("SELECT * FROM verwerking WHERE betrokkene = ? "
                + "AND kanaal = 'WEBHOOK'", betrokkene.keys(thuiszitter).iterator().next());
        assertThat(failed).extracting(m -> m.get("ACTIVITEIT"), m -> m.get("ONTVANGER"), m -> m.get("UITKOMST"),
                m -> m.get("SIGNAAL")).containsExactly(tuple("casusbericht-gemeente", "GEMEENTE:0998", "DEAD",
                "THUISZITTER"));

        // the same night again sends nothing, and logs nothing twice
        assertThat(api.runNight(NIGHT).path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(countFor(match)).isEqualTo(2);
        assertThat(countFor(thuiszitter)).isEqualTo(2);  // gemeente webhook (dead) and SWV PO2801

        // an operator opens the child: logged with user and role
        assertThat(api.kind(match).path("kind").path("bsn").asString()).isEqualTo(match);
        assertThat(jdbc.queryForList("SELECT actor, rol FROM verwerking WHERE betrokkene = ? AND activiteit = 'kind-inzien'",
                keys.iterator().next())).containsExactly(Map.of("ACTOR", OPERATOR, "ROL", "OPERATOR"));

        JsonNode inzage = api.get("/api/kinderen/" + match + "/inzage");

        assertThat(inzage.path("bekend").asBoolean()).isTrue();
        assertThat(inzage.path("gegevens").path("kind").path("bsn").asString()).isEqualTo(match);
        assertThat(inzage.path("gegevens").path("meldingen").get(0).path("versies").get(0).path("herkomst")
                .path("bestand").asString()).as("where each fact came from").isEqualTo("verzuim-privacy.csv");
        assertThat(inzage.path("gegevens").path("casussen").get(0).path("events").get(0).path("gronden").size()).isPositive();
        assertThat(inzage.path("verwerkingen")).extracting(v -> v.path("activiteit").asString(),
                        v -> v.path("ontvanger").asString(null))
                .containsExactly(tuple("casusbericht-gemeente", "GEMEENTE:0996"), tuple("casusbericht-swv", "SWV:PO2802"),
                        tuple("kind-inzien", null), tuple("inzageverzoek", null));
        assertThat(last(inzage.path("verwerkingen")).path("traceId").asString())
                .as("the inzage request is recorded itself").isEqualTo(inzage.path("traceId").asString());
        assertThat(inzage.path("activiteiten")).extracting(a -> a.path("id").asString())
                .containsExactlyInAnyOrder("casusbericht-gemeente", "casusbericht-swv", "kind-inzien", "inzageverzoek");
        assertThat(inzage.path("activiteiten")).allSatisfy(a -> assertThat(a.path("grondslag").size()).isPositive());
        assertThat(inzage.path("bewaartermijnen").path("kind").asString()).isEqualTo("P24M");

        // the printable page, by parameter or by Accept header
        TestRestTemplate operator = http.withBasicAuth(OPERATOR, OPERATOR_PASSWORD);
        ResponseEntity<String> page = operator.getForEntity("/api/kinderen/" + match + "/inzage?format=html", String.class);
        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
        assertThat(page.getBody()).contains("<h1>Inzage", "verzuim-privacy.csv, regel 2", "SWV:PO2802",
                "Wet passend onderwijs", "ziek; thuis");
        HttpHeaders html = new HttpHeaders();
        html.setAccept(List.of(MediaType.TEXT_HTML));
        assertThat(operator.exchange("/api/kinderen/" + match + "/inzage", HttpMethod.GET, new HttpEntity<>(html),
                String.class).getBody()).startsWith("<!DOCTYPE html>");

        // only operators; and a number the hub does not know gets an answer too
        assertThat(HubApi.asViewer(http).getStatus("/api/kinderen/" + match + "/inzage")).isEqualTo(403);
        JsonNode unknown = api.get("/api/kinderen/" + TestBsn.bsn() + "/inzage");
        assertThat(unknown.path("bekend").asBoolean()).isFalse();
        assertThat(unknown.path("verwerkingen")).extracting(v -> v.path("activiteit").asString()).containsExactly("inzageverzoek");

        // no BSN anywhere in the log
        for (Map<String, Object> row : jdbc.queryForList("SELECT * FROM verwerking")) {
            assertThat(row.toString()).doesNotContain(match).doesNotContain(thuiszitter);
        }
        assertThat(keys.iterator().next()).hasSize(64).matches("[0-9a-f]{64}");
    }

    private long countFor(String bsn) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM verwerking WHERE betrokkene = ? AND outbox_id IS NOT NULL",
                Long.class, betrokkene.keys(bsn).iterator().next());
    }

    private void dropFiles() {
        drop("inschrijvingen", "inschrijvingen-privacy.csv", "soort;mutatie;regel_id;bsn;geboortedatum;gemeentecode;"
                + "brin;vestiging;onderwijssoort;begindatum;einddatum;reden\n"
                + "INSCHRIJVING;TOEGEVOEGD;PRIV-" + match + ";" + match + ";2014-05-01;0996;10AE;00;BAO;2020-08-20;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;PRIV-" + thuiszitter + ";" + thuiszitter
                + ";2013-04-05;0998;10AA;00;BAO;2019-08-19;;\n");
        drop("verzuim", "verzuim-privacy.csv", "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren;vermoedelijke_reden\n"
                + "PRIV-M-" + match + ";2026-02-03T10:00:00;R;V3;" + match + ";2014-05-01;10AE;00;0996;2026-02-02;;20;"
                + "\"ziek; thuis\"\n"
                + "PRIV-T-" + thuiszitter + ";2026-02-03T10:00:00;R;LRV;" + thuiszitter
                + ";2013-04-05;10AA;00;0998;2026-02-02;;;\n");
        drop("ijw", "jw301-privacy.xml", IjwBerichten.jw301(match, "0996", "PRIV301", LocalDate.of(2025, 12, 20),
                "9201", "REF-PRIV", "45", "45A01", LocalDate.of(2026, 1, 1), null));
    }

    private static Received only(List<Received> messages, String bsn) {
        List<Received> ours = messages.stream().filter(r -> bsn.equals(r.json().path("kind").path("bsn").asString())).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }

    private static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }

    /** Every leaf of a message as a profile path: kind.bsn, verzuim[].uren, jeugdhulp.vormen. */
    static List<String> leafPaths(JsonNode node) {
        List<String> paths = new ArrayList<>();
        collect(node, "", paths);
        return paths;
    }

    private static void collect(JsonNode node, String path, List<String> paths) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.properties().iterator(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                collect(field.getValue(), path.isEmpty() ? field.getKey() : path + "." + field.getKey(), paths);
            }
        } else if (node.isArray() && node.size() > 0 && node.get(0).isContainer()) {
            node.forEach(element -> collect(element, path + "[]", paths));
        } else {
            paths.add(path);
        }
    }

    /** A path is allowed when the profile lists it, or a part of the message it lies in ("school", "*"). */
    static boolean allowed(String profile, String path) {
        for (String entry : PROFILES.get(profile)) {
            if (entry.equals("*") || path.equals(entry) || path.startsWith(entry + ".") || path.startsWith(entry + "[]")) {
                return true;
            }
        }
        return false;
    }

    private static Map<String, List<String>> profiles() {
        return new YAMLMapper().readValue(Path.of("mappings/minimisation.yaml").toFile(), new TypeReference<>() { });
    }
}
