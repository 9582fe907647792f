package nl.kindplan.hub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps nothing longer than {@code kindplan.retention.*} allows (AVG art. 5 lid 1 sub e):
 * <ul>
 * <li>a child with no open case whose record got no new source data for {@code kind} (24 months) goes,
 * with all its facts and cases; the processing log keeps only its pseudonymised key, and notes the purge;</li>
 * <li>a closed case whose last event is older than {@code closed-case} (24 months) goes with its events,
 * their facts (case_grond) and its messages (outbox);</li>
 * <li>archived source files after {@code archive-days}, rejected files and reports after {@code error-days}.</li>
 * </ul>
 * Deleted in batches, one transaction per batch. Times are the clock's (when a fact arrived, when an
 * event was stored), never a night's reference date, so replaying an old night purges nothing more.
 */
@Component
public class RetentionPurge {

    /**
     * What belongs to a set of cases (:cases), children first. A table that refers to case_event or
     * signal_case goes here.
     */
    static final List<String> CASE_RECORDS = List.of(
            "DELETE FROM outbox WHERE case_event_id IN (SELECT id FROM case_event WHERE case_id IN (:cases))",
            "DELETE FROM case_grond WHERE case_event_id IN (SELECT id FROM case_event WHERE case_id IN (:cases))",
            "DELETE FROM case_event WHERE case_id IN (:cases)",
            "DELETE FROM signal_case WHERE case_id IN (:cases)");

    /**
     * The tables whose rows belong to a child by {@code kind_id}, deleted before the child itself (its
     * cases go first, through CASE_RECORDS). A new table with a kind_id (e.g. identity_conflict) is added here.
     */
    static final List<String> KIND_FACT_TABLES = List.of("registratie", "verzuimmelding", "jeugdhulp");

    private static final DateTimeFormatter ARCHIVE_DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

    public record Outcome(int kinderen, int cases, int archiveFiles, int errorFiles) {
    }

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final TransactionTemplate tx;
    private final RetentionSettings settings;
    private final PseudonymKey pseudonyms;
    private final Verwerkingenlog log;
    private final Path archiveDir;
    private final Path errorDir;

    public RetentionPurge(JdbcTemplate jdbc, TransactionTemplate tx, RetentionSettings settings,
                          PseudonymKey pseudonyms, Verwerkingenlog log,
                          @Value("${kindplan.archive-dir}") Path archiveDir, @Value("${kindplan.error-dir}") Path errorDir) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.tx = tx;
        this.settings = settings;
        this.pseudonyms = pseudonyms;
        this.log = log;
        this.archiveDir = archiveDir;
        this.errorDir = errorDir;
    }

    public Outcome purge(LocalDateTime now) {
        int kinderen = purgeKinderen(Timestamp.valueOf(now.minus(settings.kind())));
        int cases = purgeClosedCases(Timestamp.valueOf(now.minus(settings.closedCase())));
        LocalDate today = now.toLocalDate();
        int archived = purgeArchive(today.minusDays(settings.archiveDays()));
        int rejected = purgeErrorFiles(now.minusDays(settings.errorDays()).atZone(java.time.ZoneId.systemDefault())
                .toInstant());
        return new Outcome(kinderen, cases, archived, rejected);
    }

    private record Kind(long id, String bsn, String onderwijsnummer) {
    }

    int purgeKinderen(Timestamp staleBefore) {
        int purged = 0;
        while (true) {
            List<Kind> batch = jdbc.query("""
                    SELECT k.id, k.bsn, k.onderwijsnummer FROM kind k
                     WHERE k.updated_at < ?
                       AND NOT EXISTS (SELECT 1 FROM signal_case c WHERE c.kind_id = k.id AND c.open = TRUE)
                     ORDER BY k.id
                     LIMIT\s""" + settings.batchSize(), (rs, n) -> new Kind(rs.getLong(1), trim(rs.getString(2)),
                    trim(rs.getString(3))), staleBefore);
            if (batch.isEmpty()) {
                return purged;
            }
            List<Long> ids = batch.stream().map(Kind::id).toList();
            tx.executeWithoutResult(status -> {
                MapSqlParameterSource kinderen = new MapSqlParameterSource("kinderen", ids);
                List<String> caseIds = named.queryForList("SELECT case_id FROM signal_case WHERE kind_id IN (:kinderen)",
                        kinderen, String.class);
                deleteCases(caseIds);
                for (String table : KIND_FACT_TABLES) {
                    named.update("DELETE FROM " + table + " WHERE kind_id IN (:kinderen)", kinderen);
                }
                named.update("DELETE FROM kind WHERE id IN (:kinderen)", kinderen);
                log.recordPurged(batch.stream().map(k -> pseudonyms.ofKind(k.bsn(), k.onderwijsnummer())).toList());
            });
            purged += batch.size();
        }
    }

    int purgeClosedCases(Timestamp closedBefore) {
        int purged = 0;
        while (true) {
            List<String> batch = jdbc.queryForList("""
                    SELECT c.case_id FROM signal_case c
                     WHERE c.open = FALSE
                       AND (SELECT MAX(e.created_at) FROM case_event e WHERE e.case_id = c.case_id) < ?
                     ORDER BY c.id
                     LIMIT\s""" + settings.batchSize(), String.class, closedBefore);
            if (batch.isEmpty()) {
                return purged;
            }
            tx.executeWithoutResult(status -> deleteCases(batch));
            purged += batch.size();
        }
    }

    private void deleteCases(List<String> caseIds) {
        if (caseIds.isEmpty()) {
            return;
        }
        MapSqlParameterSource cases = new MapSqlParameterSource("cases", caseIds);
        for (String delete : CASE_RECORDS) {
            named.update(delete, cases);
        }
    }

    /** Deletes the day folders archive/&lt;source&gt;/&lt;yyyyMMdd&gt;/ of before {@code keepFrom}; answers the files deleted. */
    int purgeArchive(LocalDate keepFrom) {
        int deleted = 0;
        for (Path source : subfolders(archiveDir)) {
            for (Path day : subfolders(source)) {
                LocalDate date;
                try {
                    date = LocalDate.parse(day.getFileName().toString(), ARCHIVE_DAY);
                } catch (DateTimeParseException notADay) {
                    continue;  // not a folder the hub made: left alone
                }
                if (date.isBefore(keepFrom)) {
                    deleted += deleteTree(day);
                }
            }
        }
        return deleted;
    }

    /** Deletes rejected files and reports in error/&lt;source&gt;/ last changed before {@code keepFrom}. */
    int purgeErrorFiles(Instant keepFrom) {
        int deleted = 0;
        for (Path source : subfolders(errorDir)) {
            try (Stream<Path> files = Files.list(source)) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (Files.getLastModifiedTime(file).compareTo(FileTime.from(keepFrom)) < 0) {
                        Files.delete(file);
                        deleted++;
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot purge rejected files in " + source, e);
            }
        }
        return deleted;
    }

    private static List<Path> subfolders(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    private static int deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            int files = 0;
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                if (Files.isRegularFile(p)) {
                    files++;
                }
                Files.delete(p);
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the archived files in " + dir, e);
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

}
