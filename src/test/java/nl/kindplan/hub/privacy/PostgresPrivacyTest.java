package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.kindplan.hub.SeededStore;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.cijfers.Maandcijfers;
import nl.kindplan.hub.cijfers.Niveau;
import nl.kindplan.hub.delivery.Minimisation;
import nl.kindplan.hub.mapping.Mappings;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The V6 migration, the processing log's paged writes and reads, the retention purge (in batches of two)
 * and the monthly figures' query on a real PostgreSQL (embedded), as production runs them; the other
 * tests run on H2.
 */
class PostgresPrivacyTest {

    @TempDir
    static Path tmp;

    static EmbeddedPostgres postgres;
    static JdbcTemplate jdbc;
    static Verwerkingenlog log;
    static RetentionPurge purge;
    static Maandcijfers cijfers;
    static PseudonymKey pseudonyms;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        DataSource ds = postgres.getPostgresDatabase(Map.of("prepareThreshold", "1"));
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        jdbc = new JdbcTemplate(ds);
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(ds));
        pseudonyms = PseudonymKey.load(Base64.getEncoder().encodeToString(new byte[32]), tmp);
        Minimisation profiles = Minimisation.load(Path.of("mappings/minimisation.yaml"));
        Verwerkingsactiviteiten register = Verwerkingsactiviteiten.load(Path.of("mappings/verwerkingsactiviteiten.yaml"),
                profiles.types());
        log = new Verwerkingenlog(jdbc, tx, pseudonyms, profiles, register);
        purge = new RetentionPurge(jdbc, tx, new RetentionSettings(null, null, 0, 0, 2), pseudonyms, log,
                tmp.resolve("archive"), tmp.resolve("error"));
        cijfers = new Maandcijfers(jdbc, Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv")), 91);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theProcessingLogThePurgeAndTheFiguresRunOnPostgresql() {
        SeededStore seed = new SeededStore(jdbc);
        LocalDateTime longAgo = LocalDateTime.now().minusMonths(25);
        long oldFile = seed.sourceFile("verzuim-pg-old.csv", longAgo);
        String fresh = TestBsn.bsn();
        long freshKind = seed.kind(fresh, LocalDateTime.now());
        String freshCase = seed.kase(freshKind, "THUISZITTER", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6), null);
        long freshEvent = seed.event(freshCase, "OPENED", LocalDate.of(2025, 1, 2), LocalDate.of(2025, 1, 6),
                LocalDateTime.now());
        seed.outbox(freshEvent, "GEMEENTE", "0801");
        seed.outbox(freshEvent, "SWV", "PO2802");
        for (int i = 0; i < 3; i++) {
            long stale = seed.kind(TestBsn.bsn(), longAgo);
            seed.registratie(stale, oldFile);
            seed.verzuimmelding(stale, oldFile);
            String closed = seed.kase(stale, "MATCH", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 1, 8),
                    LocalDate.of(2024, 3, 4));
            seed.outbox(seed.event(closed, "RESOLVED", LocalDate.of(2024, 1, 2), LocalDate.of(2024, 3, 4), longAgo),
                    "GEMEENTE", "0801");
        }

        assertThat(log.logDeliveries()).isEqualTo(5);
        assertThat(log.logDeliveries()).as("nothing twice").isZero();
        log.record(Verwerkingsactiviteiten.KIND_INZIEN, pseudonyms.of(fresh), "tester", "OPERATOR");
        assertThat(log.of(List.of(pseudonyms.of(fresh)))).extracting(Verwerking::activiteit)
                .containsExactly("casusbericht-gemeente", "casusbericht-swv", "kind-inzien");

        assertThat(purge.purge(LocalDateTime.now())).isEqualTo(new RetentionPurge.Outcome(3, 0, 0, 0));
        assertThat(seed.count("SELECT COUNT(*) FROM kind")).isEqualTo(1);
        assertThat(seed.count("SELECT COUNT(*) FROM outbox")).isEqualTo(2);
        assertThat(seed.count("SELECT COUNT(*) FROM verwerking WHERE activiteit = 'bewaartermijn'")).isEqualTo(3);

        List<Maandcijfers.Rij> rows = cijfers.figures(YearMonth.of(2025, 1), YearMonth.of(2025, 2), Niveau.SWV);
        assertThat(rows).extracting(Maandcijfers.Rij::code, r -> r.cijfers().get("thuiszitters"))
                .containsExactly(org.assertj.core.api.Assertions.tuple("PO2802", "<5"),
                        org.assertj.core.api.Assertions.tuple("PO2802", "<5"));
        assertThat(rows.get(0).naam()).isEqualTo("SWV PO Demo-Zuid");
    }
}
