package nl.kindplan.hub.cases;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import tools.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kindplan.hub.config.HubProperties;
import nl.kindplan.hub.delivery.CaseMessages;
import nl.kindplan.hub.delivery.DeliverySettings;
import nl.kindplan.hub.delivery.Minimisation;
import nl.kindplan.hub.delivery.Outbox;
import nl.kindplan.hub.delivery.OutboxQueue;
import nl.kindplan.hub.demo.DemoDataGenerator;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.FileIngester;
import nl.kindplan.hub.ingest.IngestReports;
import nl.kindplan.hub.ingest.csv.InschrijvingenCsvReader;
import nl.kindplan.hub.ingest.csv.VerzuimCsvReader;
import nl.kindplan.hub.ingest.edexml.EdexmlReader;
import nl.kindplan.hub.ingest.ijw.IjwReader;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.signal.SignalEvaluator;
import nl.kindplan.hub.signal.SignalSettings;
import nl.kindplan.hub.store.KindRegister;
import nl.kindplan.hub.store.KindStore;
import nl.kindplan.hub.store.SourceFileRegister;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A delta night (only the children whose facts changed or whose wake-up date came) must send
 * exactly what a full evaluation of every child sends. Two stores take in the same demo population
 * (1 500 children) and the same later files; over eight nights, one store judges with delta nights,
 * the other judges every child every night; their events are compared night by night.
 */
class DeltaNightsTest {

    private static final LocalDate FIRST = LocalDate.of(2026, 11, 23);
    private static final List<LocalDate> NIGHTS = List.of(FIRST, FIRST.plusDays(1), FIRST.plusDays(3),
            FIRST.plusDays(7), FIRST.plusDays(30), FIRST.plusDays(91), FIRST.plusDays(200), FIRST.plusDays(400));

    @TempDir
    Path tmp;

    @Test
    void deltaNightsSendWhatFullEvaluationsSend() throws IOException {
        Path inbox = tmp.resolve("inbox");
        DemoDataGenerator.withSwvTable(Path.of("mappings/swv-scholen.csv")).generate(new DemoDataGenerator.Inboxes(
                inbox.resolve("verzuim"), inbox.resolve("ijw"), inbox.resolve("inschrijvingen"),
                inbox.resolve("edexml")), 1500, 20261202, FIRST);
        Store delta = new Store(tmp.resolve("delta"));
        Store full = new Store(tmp.resolve("full"));
        delta.takeIn(inbox);
        full.takeIn(inbox);

        long run = 0;
        int evaluatedDelta = 0;
        int evaluatedFull = 0;
        long events = 0;
        for (LocalDate night : NIGHTS) {
            run++;
            if (night.equals(FIRST.plusDays(30))) {
                // facts change between nights: meldingen close and a new one opens
                Path later = tmp.resolve("later");
                Files.createDirectories(later.resolve("verzuim"));
                Files.writeString(later.resolve("verzuim").resolve("verzuim-later.csv"), laterMeldingen(delta),
                        StandardCharsets.UTF_8);
                delta.takeIn(later);
                full.takeIn(later);
            }
            CaseKeeper.Outcome d = delta.night(run, night, false);
            CaseKeeper.Outcome f = full.night(run, night, true);
            assertThat(d.problems()).isEmpty();
            assertThat(f.full()).isTrue();
            assertThat(delta.events(run)).as("the events of the night of %s", night).isEqualTo(full.events(run));
            evaluatedDelta += d.kinderen();
            evaluatedFull += f.kinderen();
            events += full.events(run).size();
        }
        System.out.printf("DeltaNightsTest: %d nights, %d events; children judged: delta %d, full %d%n",
                NIGHTS.size(), events, evaluatedDelta, evaluatedFull);
        assertThat(events).isGreaterThan(150);
        assertThat(evaluatedDelta).as("delta nights judge fewer children").isLessThan(evaluatedFull / 2);
    }

    /** Closes the open meldingen of a few children and opens an LRV melding for one more. */
    private static String laterMeldingen(Store store) {
        StringBuilder csv = new StringBuilder("meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren\n");
        List<Map<String, Object>> open = store.jdbc.queryForList("SELECT m.meldingsnummer, m.verzuimsoort, k.bsn, "
                + "k.geboortedatum, m.brin, m.vestiging, m.gemeentecode, m.begindatum FROM verzuimmelding m "
                + "JOIN kind k ON k.id = m.kind_id WHERE m.status = 'R' AND k.bsn IS NOT NULL ORDER BY m.id");
        for (int i = 0; i < Math.min(40, open.size()); i++) {
            Map<String, Object> m = open.get(i);
            csv.append(String.join(";", (String) m.get("MELDINGSNUMMER"), FIRST.plusDays(29) + "T10:00:00", "G",
                    (String) m.get("VERZUIMSOORT"), ((String) m.get("BSN")).trim(), m.get("GEBOORTEDATUM").toString(),
                    ((String) m.get("BRIN")).trim(), ((String) m.get("VESTIGING")).trim(),
                    ((String) m.get("GEMEENTECODE")).trim(), m.get("BEGINDATUM").toString(), FIRST.plusDays(28).toString(),
                    "10")).append('\n');
        }
        Map<String, Object> m = open.get(open.size() - 1);
        csv.append(String.join(";", "LATER-LRV-1", FIRST.plusDays(29) + "T10:00:00", "R", "LRV",
                ((String) m.get("BSN")).trim(), m.get("GEBOORTEDATUM").toString(), ((String) m.get("BRIN")).trim(),
                ((String) m.get("VESTIGING")).trim(), ((String) m.get("GEMEENTECODE")).trim(),
                FIRST.plusDays(20).toString(), "", "16")).append('\n');
        return csv.toString();
    }

    /** One store with the hub's real intake and evaluation, on its own H2 database. */
    private static final class Store {
        final JdbcTemplate jdbc;
        final FileIngester ingester;
        final CaseKeeper keeper;
        final EvaluationBasis basis;

        Store(Path dir) throws IOException {
            JdbcDataSource ds = new JdbcDataSource();
            ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0");
            ds.setUser("test");
            Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
            jdbc = new JdbcTemplate(ds);
            DataSourceTransactionManager tm = new DataSourceTransactionManager(ds);
            Mappings mappings = Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
            SignalSettings settings = SignalSettings.defaults();
            HubProperties properties = new HubProperties(dir, Path.of("mappings"),
                    new HubProperties.MappingFiles(Path.of("mappings/swv-scholen.csv")), new HubProperties.Ingest(500, 0.10));
            ingester = new FileIngester(List.of(new VerzuimCsvReader(mappings), new InschrijvingenCsvReader(mappings),
                    new IjwReader(mappings), new EdexmlReader(mappings)), new SourceFileRegister(jdbc),
                    new KindRegister(jdbc), jdbc, tm, properties, new IngestReports(dir.resolve("error")),
                    new HubMetrics(new SimpleMeterRegistry()), dir.resolve("archive"), dir.resolve("error"));
            ObjectMapper json = new ObjectMapper();
            OutboxQueue outbox = new OutboxQueue(new CaseMessages(json, mappings, settings),
                    Minimisation.load(Path.of("mappings/minimisation.yaml")), new DeliverySettings(Map.of(), Map.of(),
                    "kindplan.dlq"), mappings, json, new Outbox(jdbc));
            basis = new EvaluationBasis(jdbc);
            keeper = new CaseKeeper(new KindStore(jdbc), new CaseStore(jdbc), new SignalEvaluator(settings), settings,
                    outbox, basis, new TransactionTemplate(tm), 700);
        }

        void takeIn(Path inbox) throws IOException {
            for (Source source : Source.values()) {
                Path dir = inbox.resolve(source.key());
                if (!Files.isDirectory(dir)) {
                    continue;
                }
                try (Stream<Path> files = Files.list(dir)) {
                    ingester.ingest(source, files.sorted().toList());
                }
            }
        }

        CaseKeeper.Outcome night(long run, LocalDate asOf, boolean forceFull) {
            jdbc.update("INSERT INTO nightly_run (id, as_of, run_trigger, status, started_at) VALUES (?, ?, 'API', "
                    + "'RUNNING', CURRENT_TIMESTAMP)", run, java.sql.Date.valueOf(asOf));
            if (forceFull) {
                jdbc.update("DELETE FROM evaluation_basis");
            }
            return keeper.evaluateAll(run, asOf);
        }

        /** The night's events as a receiver sees them: whose, which signal, what happened, severity, since, outbox rows. */
        List<String> events(long run) {
            List<String> events = new ArrayList<>(jdbc.queryForList("SELECT COALESCE(k.bsn, k.onderwijsnummer) || ' ' "
                    + "|| c.signal || ' ' || e.event || ' ' || e.severity || ' ' || e.since || ' ' || "
                    + "(SELECT COUNT(*) FROM outbox o WHERE o.case_event_id = e.id) FROM case_event e "
                    + "JOIN signal_case c ON c.case_id = e.case_id JOIN kind k ON k.id = c.kind_id WHERE e.run_id = ?",
                    String.class, run));
            events.sort(null);
            return events;
        }
    }
}
