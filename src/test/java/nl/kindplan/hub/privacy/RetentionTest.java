package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

import tools.jackson.databind.JsonNode;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.SeededStore;
import nl.kindplan.hub.TestBsn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What the retention purge takes and what it leaves (defaults: 24 months for a child without open case
 * or new source data and for a closed case, 90 days for archived and rejected files). The store is
 * seeded with records whose clock times lie before or after those limits.
 */
class RetentionTest extends HubTestSupport {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RetentionPurge purge;
    @Autowired
    Verwerkingenlog log;
    @Autowired
    PseudonymKey pseudonyms;
    @Autowired
    TestRestTemplate http;

    @Test
    void thePurgeTakesStaleChildrenOldClosedCasesAndOldFilesAndLeavesTheRest() throws IOException {
        SeededStore seed = new SeededStore(jdbc);
        LocalDateTime now = LocalDateTime.now();
        LocalDateTime longAgo = now.minusMonths(25);
        long oldFile = seed.sourceFile("verzuim-retention-old.csv", longAgo);
        long file = seed.sourceFile("verzuim-retention.csv");

        // A: no new data for 25 months, only a closed case: goes whole
        String bsnA = TestBsn.bsn();
        long a = seed.kind(bsnA, longAgo);
        seed.registratie(a, oldFile);
        seed.verzuimmelding(a, oldFile);
        String caseA = seed.kase(a, "MATCH", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 6, 3));
        long eventA = seed.event(caseA, "RESOLVED", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3), longAgo);
        seed.outbox(eventA, "GEMEENTE", "0801");
        log.record(Verwerkingsactiviteiten.KIND_INZIEN, pseudonyms.of(bsnA), "tester", "OPERATOR");
        // B: no new data for 25 months, but an open case: stays
        long b = seed.kind(TestBsn.bsn(), longAgo);
        String caseB = seed.kase(b, "THUISZITTER", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15), null);
        seed.event(caseB, "OPENED", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15), longAgo);
        // C: fresh data; one case closed 25 months ago (goes), one closed last month (stays)
        long c = seed.kind(TestBsn.bsn(), now);
        seed.registratie(c, file);
        String oldCaseC = seed.kase(c, "MATCH", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 1, 15), LocalDate.of(2024, 6, 3));
        long oldEventC = seed.event(oldCaseC, "RESOLVED", LocalDate.of(2024, 1, 8), LocalDate.of(2024, 6, 3), longAgo);
        seed.outbox(oldEventC, "SWV", "TS0801");
        String newCaseC = seed.kase(c, "MATCH", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 7), LocalDate.of(2026, 10, 5));
        seed.event(newCaseC, "RESOLVED", LocalDate.of(2026, 9, 1), LocalDate.of(2026, 10, 5), now.minusMonths(1));
        // D: no new data for 23 months, no case: stays
        long d = seed.kind(TestBsn.bsn(), now.minusMonths(23));
        // E: its record unchanged for 25 months, but a source sent a melding of it this week: stays
        long e = seed.kind(TestBsn.bsn(), longAgo);
        seed.registratie(e, oldFile);
        seed.verzuimmelding(e, file);

        Path archive = DATA_DIR.resolve("archive").resolve("verzuim");
        Path oldDay = write(archive.resolve(DAY.format(now.toLocalDate().minusDays(91))).resolve("verzuim-old.csv"));
        Path recentDay = write(archive.resolve(DAY.format(now.toLocalDate().minusDays(89))).resolve("verzuim-recent.csv"));
        Path notADay = write(archive.resolve("handmatig").resolve("verzuim-kept.csv"));
        Path errors = DATA_DIR.resolve("error").resolve("verzuim");
        Path oldRejected = age(write(errors.resolve("verzuim-bad.csv")), 91);
        Path oldReport = age(write(errors.resolve("verzuim-bad.csv.report.txt")), 91);
        Path newRejected = age(write(errors.resolve("verzuim-bad-too.csv")), 89);
        try {
            RetentionPurge.Outcome outcome = purge.purge(now);

            assertThat(outcome).isEqualTo(new RetentionPurge.Outcome(1, 1, 1, 2));
            assertThat(seed.count("SELECT COUNT(*) FROM kind WHERE id = ?", a)).isZero();
            for (String table : RetentionPurge.SOURCED_FACT_TABLES) {
                assertThat(seed.count("SELECT COUNT(*) FROM " + table + " WHERE kind_id = ?", a)).as(table).isZero();
            }
            assertThat(seed.count("SELECT COUNT(*) FROM signal_case WHERE case_id IN (?, ?)", caseA, oldCaseC)).isZero();
            assertThat(seed.count("SELECT COUNT(*) FROM case_event WHERE id IN (?, ?)", eventA, oldEventC)).isZero();
            assertThat(seed.count("SELECT COUNT(*) FROM case_grond WHERE case_event_id IN (?, ?)", eventA, oldEventC)).isZero();
            assertThat(seed.count("SELECT COUNT(*) FROM outbox WHERE case_event_id IN (?, ?)", eventA, oldEventC)).isZero();
            // what stays: B with its open case, C with its registration and recent case, D, E with its facts
            assertThat(seed.count("SELECT COUNT(*) FROM kind WHERE id IN (?, ?, ?, ?)", b, c, d, e)).isEqualTo(4);
            assertThat(seed.count("SELECT COUNT(*) FROM registratie WHERE kind_id = ?", e)).isEqualTo(1);
            assertThat(seed.count("SELECT COUNT(*) FROM signal_case WHERE case_id IN (?, ?)", caseB, newCaseC)).isEqualTo(2);
            assertThat(seed.count("SELECT COUNT(*) FROM registratie WHERE kind_id = ?", c)).isEqualTo(1);
            // the processing log keeps A's entries under its key only, and notes the purge
            assertThat(jdbc.queryForList("SELECT activiteit FROM verwerking WHERE betrokkene = ? ORDER BY id", String.class,
                    pseudonyms.of(bsnA))).containsExactly("kind-inzien", "bewaartermijn");
            assertThat(Files.exists(oldDay)).isFalse();
            assertThat(Files.exists(oldDay.getParent())).isFalse();
            assertThat(recentDay).exists();
            assertThat(notADay).exists();
            assertThat(Files.exists(oldRejected)).isFalse();
            assertThat(Files.exists(oldReport)).isFalse();
            assertThat(newRejected).exists();

            assertThat(purge.purge(now)).as("a second purge finds nothing more").isEqualTo(new RetentionPurge.Outcome(0, 0, 0, 0));
        } finally {
            // B's case has no facts behind it: closed, so that no later night of another test resolves it
            jdbc.update("UPDATE signal_case SET open = FALSE, closed_as_of = ? WHERE case_id = ?",
                    java.sql.Date.valueOf(LocalDate.of(2024, 2, 5)), caseB);
        }
    }

    @Test
    void theNightPurgesAndCountsItInTheRunRecord() throws Exception {
        SeededStore seed = new SeededStore(jdbc);
        long stale = seed.kind(TestBsn.bsn(), LocalDateTime.now().minusYears(3));

        JsonNode run = new HubApi(http).runNight(LocalDate.of(2026, 3, 23));

        assertThat(run.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(run.path("counts").path("purge.kinderen").asLong()).isPositive();
        assertThat(run.path("counts").has("purge.cases")).isTrue();
        assertThat(run.path("counts").has("purge.files")).isTrue();
        assertThat(seed.count("SELECT COUNT(*) FROM kind WHERE id = ?", stale)).isZero();
    }

    private static Path write(Path file) throws IOException {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "meldingsnummer;bsn\n");
    }

    private static Path age(Path file, int days) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(days, ChronoUnit.DAYS)));
        return file;
    }
}
