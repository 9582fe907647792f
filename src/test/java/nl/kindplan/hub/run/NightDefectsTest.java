package nl.kindplan.hub.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.IjwBerichten;
import nl.kindplan.hub.QueueReader;
import nl.kindplan.hub.QueueReader.Received;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.cases.CaseKeeper;
import nl.kindplan.hub.cases.CaseStore;
import nl.kindplan.hub.cases.EvaluationBasis;
import nl.kindplan.hub.cases.EventOutbox;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.signal.KindOpDatum;
import nl.kindplan.hub.signal.SignalCode;
import nl.kindplan.hub.signal.SignalEvaluator;
import nl.kindplan.hub.signal.SignalHit;
import nl.kindplan.hub.signal.SignalRule;
import nl.kindplan.hub.signal.SignalSettings;
import nl.kindplan.hub.store.KindStore;
import org.apache.camel.ProducerTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The three defects of national-size nights, each shown through the running hub: an iJw stop whose
 * toewijzing the hub never stored, a child whose evaluation throws, and an onderwijsnummer that a
 * second BSN claims. Children of gemeente 0993 at school 10AE (samenwerkingsverband PO2802).
 */
class NightDefectsTest extends HubTestSupport {

    private static final String GEMEENTE = "0993";
    private static final LocalDate NIGHT = LocalDate.of(2026, 3, 2);
    private static final String VERZUIM_HEADER = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;"
            + "onderwijsnummer;geboortedatum;brin;vestiging;gemeentecode;begindatum;einddatum;uren\n";
    private static final String INSCHRIJVINGEN_HEADER = "soort;mutatie;regel_id;bsn;onderwijsnummer;geboortedatum;"
            + "gemeentecode;brin;vestiging;onderwijssoort;begindatum;einddatum;reden\n";

    @Autowired
    TestRestTemplate http;
    @Autowired
    KindStore kinderen;
    @Autowired
    CaseStore cases;
    @Autowired
    SignalSettings settings;
    @Autowired
    EventOutbox outbox;
    @Autowired
    EvaluationBasis basis;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    RunRegister register;
    @Autowired
    NightlyRun nightlyRun;
    @Autowired
    ProducerTemplate camel;

    @Test
    void aStopOfCareWhoseToewijzingTheHubNeverStoredIsASignalAndItsMessageSaysWhatTheStopSays() throws Exception {
        String kind = TestBsn.bsn();
        drop("inschrijvingen", "inschrijvingen-orphan.csv", INSCHRIJVINGEN_HEADER + inschrijving(kind, null, "10AE"));
        drop("verzuim", "verzuim-orphan.csv", VERZUIM_HEADER + melding("ORPH-" + kind, kind, "", "V3", "2026-02-20"));
        drop("ijw", "jw307-orphan.xml", IjwBerichten.jw307(kind, GEMEENTE, "ORPH307", LocalDate.of(2026, 2, 24), "99307",
                "45", LocalDate.of(2025, 9, 1), LocalDate.of(2026, 2, 23), "33"));

        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente." + GEMEENTE);
            JsonNode run = new HubApi(http).runNight(NIGHT);

            assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
            Received message = only(queues.drain("kindplan.gemeente." + GEMEENTE), kind);
            assertThat(message.signal()).isEqualTo("ZORG_GESTOPT_BIJ_VERZUIM");
            JsonNode toewijzing = message.json().path("jeugdhulp").path("toewijzingen").get(0);
            assertThat(toewijzing.path("toewijzingNummer").asString()).isEqualTo("99307");
            assertThat(toewijzing.path("bekendUit").asString()).as("known from the JW307 alone").isEqualTo("JW307");
            assertThat(toewijzing.path("aanbieder").asString()).isEqualTo("99001001");
            assertThat(toewijzing.path("einddatum").asString()).isEqualTo("2026-02-23");
            assertThat(toewijzing.has("ingangsdatum")).as("no JW301 field is made up").isFalse();
            assertThat(toewijzing.path("actief").asBoolean()).isFalse();
            // in service mode the intake phase is the night's own: files taken in earlier in the day do not count
            long span = java.time.Duration.between(java.time.LocalDateTime.parse(run.path("startedAt").asString()),
                    java.time.LocalDateTime.parse(run.path("finishedAt").asString())).toMillis();
            assertThat(run.path("counts").path("phase.TAKING_IN.ms").asLong()).isBetween(0L, span);
            // the night records its open cases per signal; the dashboard draws them over the nights
            assertThat(run.path("counts").path("open.ZORG_GESTOPT_BIJ_VERZUIM").asLong()).isPositive();
            JsonNode rows = new HubApi(http).get("/api/dashboard/runs?max=1");
            assertThat(rows.get(rows.size() - 1).path("openZaken").path("ZORG_GESTOPT_BIJ_VERZUIM").asLong())
                    .isEqualTo(run.path("counts").path("open.ZORG_GESTOPT_BIJ_VERZUIM").asLong());
        }
    }

    @Test
    void aChildWhoseEvaluationThrowsIsLeftOutAloneRecordedAndJudgedAgainNextNight() throws Exception {
        String planted = TestBsn.bsn();
        String other = TestBsn.bsn();
        drop("inschrijvingen", "inschrijvingen-planted.csv", INSCHRIJVINGEN_HEADER + inschrijving(planted, null, "10AE")
                + inschrijving(other, null, "10AE"));
        drop("verzuim", "verzuim-planted.csv", VERZUIM_HEADER + melding("PLANT-" + planted, planted, "", "LRV",
                "2026-02-10") + melding("PLANT-" + other, other, "", "LRV", "2026-02-10"));
        List<SignalRule> rules = new ArrayList<>(SignalEvaluator.rules(settings));
        rules.add(new Planted(planted));
        CaseKeeper faulty = new CaseKeeper(kinderen, cases, new SignalEvaluator(settings, rules), settings, outbox, basis, tx, 1000);

        try (QueueReader queues = new QueueReader(BROKER_PORT)) {
            queues.drain("kindplan.gemeente." + GEMEENTE);
            // the night's own steps, with an evaluation that throws for one child
            long runId = register.start(NIGHT, RunRegister.Trigger.API, null, "test");
            nightlyRun.takeIn(runId);
            CaseKeeper.Outcome outcome = faulty.evaluateAll(runId, NIGHT);
            camel.requestBody("direct:deliver-outbox", (Object) null);
            nightlyRun.finish(runId, outcome);

            assertThat(outcome.problems()).extracting(CaseKeeper.Problem::kind).containsExactly(masked(planted));
            assertThat(ours(queues.drain("kindplan.gemeente." + GEMEENTE), planted, other))
                    .extracting(r -> bsn(r), Received::signal)
                    .as("the other child's case went out; nothing of the planted child")
                    .containsExactly(tuple(other, "THUISZITTER"));
            JsonNode record = new HubApi(http).run(runId);
            assertThat(record.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(record.path("complete").asBoolean()).isFalse();
            assertThat(record.path("counts").path("evaluation.problems").asLong()).isEqualTo(1);
            List<String> problems = new ArrayList<>();
            record.path("sources").forEach(s -> {
                if (s.path("source").asString().equals("KIND")) {
                    s.path("problems").forEach(p -> problems.add(p.asString()));
                }
            });
            assertThat(problems).singleElement().asString().contains(masked(planted), "kon niet worden beoordeeld", "planted fault")
                    .doesNotContain(planted);

            JsonNode next = new HubApi(http).runNight(NIGHT);

            assertThat(next.path("status").asString()).isEqualTo("SUCCEEDED");
            assertThat(ours(queues.drain("kindplan.gemeente." + GEMEENTE), planted, other))
                    .extracting(r -> bsn(r), Received::signal)
                    .as("next night the planted child is judged again; the other has nothing new")
                    .containsExactly(tuple(planted, "THUISZITTER"));
        }
    }

    @Test
    void anOnderwijsnummerThatASecondBsnClaimsIsAnIdentityConflictAndNeverMergesTwoChildren() throws Exception {
        String first = TestBsn.bsn();
        String second = TestBsn.bsn();
        String onderwijsnummer = TestBsn.onderwijsnummer();
        drop("inschrijvingen", "inschrijvingen-conflict.csv", INSCHRIJVINGEN_HEADER
                + inschrijving(first, onderwijsnummer, "10AE") + inschrijving(second, onderwijsnummer, "20BB"));
        drop("verzuim", "verzuim-conflict.csv", VERZUIM_HEADER
                + melding("CONF-2-" + second, second, "", "V3", "2026-02-20")
                + melding("CONF-3-" + first, first, "", "V3", "2026-02-20"));
        HubApi api = new HubApi(http);
        JsonNode run = api.runNight(NIGHT);

        JsonNode firstRecord = api.kind(first);
        JsonNode secondRecord = api.kind(second);
        assertThat(firstRecord.path("kind").path("onderwijsnummer").asString()).isEqualTo(onderwijsnummer);
        assertThat(firstRecord.path("inschrijvingen")).extracting(i -> i.path("brin").asString()).containsExactly("10AE");
        assertThat(firstRecord.path("meldingen")).extracting(m -> m.path("meldingsnummer").asString())
                .containsExactly("CONF-3-" + first);
        assertThat(secondRecord.path("kind").has("onderwijsnummer")).as("kept without the contested number").isFalse();
        assertThat(secondRecord.path("inschrijvingen")).extracting(i -> i.path("brin").asString()).containsExactly("20BB");
        assertThat(secondRecord.path("meldingen")).extracting(m -> m.path("meldingsnummer").asString())
                .containsExactly("CONF-2-" + second);
        assertThat(run.path("counts").path("source.INSCHRIJVINGEN.identityConflicts").asLong()).isEqualTo(1);
        JsonNode listed = null;
        for (JsonNode c : api.get("/api/dashboard/afkeur").path("conflicten")) {
            if (c.path("bestand").asString().equals("inschrijvingen-conflict.csv")) {
                listed = c;
            }
        }
        assertThat(listed).as("the conflict is listed on the dashboard").isNotNull();
        assertThat(listed.path("regel").asLong()).isEqualTo(3);
        assertThat(listed.path("reden").asString()).contains(masked(onderwijsnummer), masked(first), masked(second))
                .contains("is al gekoppeld aan BSN", "identiteitsconflict: niet samengevoegd")
                .doesNotContain(onderwijsnummer, first, second);

        // a later row known only by the contested number cannot be placed with either child
        StringBuilder later = new StringBuilder(VERZUIM_HEADER)
                .append(melding("CONF-ONR-" + onderwijsnummer, "", onderwijsnummer, "V3", "2026-02-21"));
        for (int i = 4; i <= 13; i++) {
            later.append(melding("CONF-" + i + "-" + first, first, "", "V3", "2026-02-21"));
        }
        drop("verzuim", "verzuim-conflict-later.csv", later.toString());
        JsonNode next = api.runNight(NIGHT.plusDays(1));

        assertThat(api.kind(first).path("meldingen")).extracting(m -> m.path("meldingsnummer").asString())
                .hasSize(11).doesNotContain("CONF-ONR-" + onderwijsnummer);
        assertThat(api.kind(second).path("meldingen")).hasSize(1);
        List<String> refusals = new ArrayList<>();
        next.path("sources").forEach(s -> s.path("refusals").forEach(r -> refusals.add(r.path("reason").asString())));
        assertThat(refusals).filteredOn(r -> r.contains("hoort bij twee BSN's")).singleElement().asString()
                .contains(masked(onderwijsnummer)).doesNotContain(onderwijsnummer);
    }

    /** A rule that throws for one child, as a bug in one child's data would. */
    private record Planted(String bsn) implements SignalRule {
        @Override
        public SignalCode code() {
            return SignalCode.MATCH;
        }

        @Override
        public Optional<SignalHit> evaluate(KindOpDatum kind) {
            return evaluate(kind.dossier(), kind.asOf());
        }

        @Override
        public Optional<SignalHit> evaluate(KindDossier dossier, LocalDate asOf) {
            if (bsn.equals(dossier.identiteit().bsn())) {
                throw new IllegalStateException("planted fault for child " + bsn);
            }
            return Optional.empty();
        }
    }

    private static String inschrijving(String bsn, String onderwijsnummer, String brin) {
        return String.join(";", "INSCHRIJVING", "TOEGEVOEGD", "DEF-" + bsn, bsn, onderwijsnummer == null ? "" : onderwijsnummer,
                "2014-05-01", GEMEENTE, brin, "00", "BAO", "2020-08-20", "", "") + "\n";
    }

    private static String melding(String nummer, String bsn, String onderwijsnummer, String soort, String begin) {
        return String.join(";", nummer, begin + "T10:00:00", "R", soort, bsn, onderwijsnummer, "2014-05-01", "10AE", "00",
                GEMEENTE, begin, "", "12") + "\n";
    }

    private static String masked(String nummer) {
        return "******" + nummer.substring(6);
    }

    private static String bsn(Received r) {
        return r.json().path("kind").path("bsn").asString();
    }

    /** The messages about these children (others of the gemeente's queue belong to other tests). */
    private static List<Received> ours(List<Received> messages, String... bsns) {
        List<String> wanted = List.of(bsns);
        return messages.stream().filter(r -> wanted.contains(bsn(r))).toList();
    }

    private static Received only(List<Received> messages, String bsn) {
        List<Received> ours = messages.stream().filter(r -> bsn.equals(bsn(r))).toList();
        assertThat(ours).hasSize(1);
        return ours.get(0);
    }
}
