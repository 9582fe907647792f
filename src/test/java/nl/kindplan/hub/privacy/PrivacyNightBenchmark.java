package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Base64;

import nl.kindplan.hub.delivery.Minimisation;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The night's privacy step at national size on the embedded H2 file store: 50,000 children, 100,000 cases
 * and events, 200,000 messages sent; half the children stale. Prints how long the processing log takes
 * for all messages, for a night with nothing new, and how long the purge takes. Not part of the build
 * (surefire excludes *Benchmark); run it with
 * {@code ./mvnw -B -q test -Dtest=PrivacyNightBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class PrivacyNightBenchmark {

    private static final int CHILDREN = 50_000;

    @Test
    void processingLogAndPurgeAtNationalSize() throws Exception {
        Path dir = Files.createTempDirectory("kindplan-privacy-bench-");
        JdbcDataSource ds = new JdbcDataSource();
        // the hub keeps the database open through its pool; without DB_CLOSE_DELAY H2 would close (and compact) it per call
        ds.setURL("jdbc:h2:file:" + dir.resolve("db") + ";WRITE_DELAY=0;DB_CLOSE_DELAY=-1");
        ds.setUser("kindplan");
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        JdbcTemplate jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        seed(jdbc);

        PseudonymKey key = PseudonymKey.load(Base64.getEncoder().encodeToString(new byte[32]), dir);
        Minimisation profiles = Minimisation.load(Path.of("mappings/minimisation.yaml"));
        Verwerkingenlog log = new Verwerkingenlog(jdbc, tx, key, profiles,
                Verwerkingsactiviteiten.load(Path.of("mappings/verwerkingsactiviteiten.yaml"), profiles.types()));
        RetentionPurge purge = new RetentionPurge(jdbc, tx, new RetentionSettings(null, null, 0, 0, 0), key, log,
                dir.resolve("archive"), dir.resolve("error"));

        long t0 = System.nanoTime();
        int logged = log.logDeliveries();
        long t1 = System.nanoTime();
        int again = log.logDeliveries();
        long t2 = System.nanoTime();
        RetentionPurge.Outcome purged = purge.purge(LocalDateTime.now());
        long t3 = System.nanoTime();

        assertThat(logged).isEqualTo(4 * CHILDREN);
        assertThat(again).isZero();
        assertThat(purged.kinderen()).isEqualTo(CHILDREN / 2);
        System.out.printf("privacy night on H2: processing log %d messages in %d ms; a night with nothing new %d ms; "
                        + "purge of %d children (%d cases, %d messages) in %d ms%n", logged, (t1 - t0) / 1_000_000,
                (t2 - t1) / 1_000_000, purged.kinderen(), CHILDREN, 2 * CHILDREN, (t3 - t2) / 1_000_000);
    }

    /** Children 1..N (the first half stale), two closed cases each, one event per case, two messages per event. */
    private static void seed(JdbcTemplate jdbc) {
        int n = CHILDREN;
        jdbc.update("INSERT INTO nightly_run (as_of, run_trigger, status, started_at) VALUES (DATE '2025-01-06', 'API', "
                + "'SUCCEEDED', CURRENT_TIMESTAMP)");
        jdbc.update("INSERT INTO kind (id, bsn, geboortedatum, created_at, updated_at) SELECT X, LPAD(CAST(X AS VARCHAR), 9, '0'), "
                + "DATE '2013-01-01', CURRENT_TIMESTAMP, CASE WHEN X <= ? THEN DATEADD('MONTH', -30, CURRENT_TIMESTAMP) "
                + "ELSE CURRENT_TIMESTAMP END FROM SYSTEM_RANGE(1, ?)", n / 2, n);
        jdbc.update("INSERT INTO signal_case (case_id, kind_id, signal, severity, since, open, opened_as_of, closed_as_of) "
                + "SELECT 'case-' || X, (X + 1) / 2, 'MATCH', 'INFO', DATE '2024-01-01', FALSE, DATE '2024-01-08', "
                + "DATE '2024-03-04' FROM SYSTEM_RANGE(1, ?)", 2 * n);
        jdbc.update("INSERT INTO case_event (id, case_id, event, severity, since, as_of, run_id, created_at) "
                + "SELECT X, 'case-' || X, 'RESOLVED', 'INFO', DATE '2024-01-01', DATE '2024-03-04', 1, CURRENT_TIMESTAMP "
                + "FROM SYSTEM_RANGE(1, ?)", 2 * n);
        for (String type : new String[] {"GEMEENTE", "SWV"}) {
            jdbc.update("INSERT INTO outbox (case_event_id, recipient_type, recipient_code, channel, destination, payload, "
                    + "status, attempts, created_at, sent_at) SELECT X, ?, 'C1', 'JMS', 'q', '{}', 'SENT', 1, "
                    + "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP FROM SYSTEM_RANGE(1, ?)", type, 2 * n);
        }
    }
}
