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
 * <li>a child with no open case of which no source said anything for {@code kind} (24 months: neither its
 * record nor any of its facts came from a file received since) goes, with all its facts and cases; the
 * processing log keeps only its pseudonymised key, and notes the purge;</li>
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
     * What belongs to a set of children (:kinderen) besides their cases (which go first, through
     * CASE_RECORDS), deleted before the children themselves. A new table that refers to kind goes here,
     * e.g. "DELETE FROM identity_conflict WHERE kind_id IN (:kinderen) OR other_kind_id IN (:kinderen)".
     */
    static final List<String> KIND_RECORDS = List.of(
            "DELETE FROM registratie WHERE kind_id IN (:kinderen)",
            "DELETE FROM verzuimmelding WHERE kind_id IN (:kinderen)",
            "DELETE FROM jeugdhulp WHERE kind_id IN (:kinderen)",
            "DELETE FROM identity_conflict WHERE kind_id IN (:kinderen) OR other_kind_id IN (:kinderen)");

    /**
     * The facts of a child with the source file they came from: the newest such file tells when a source
     * last said something of the child (a child's updated_at alone may only follow changes of its identity).
     */
    static final List<String> SOURCED_FACT_TABLES = List.of("registratie", "verzuimmelding", "jeugdhulp");

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
            StringBuilder sql = new StringBuilder("""
                    SELECT k.id, k.bsn, k.onderwijsnummer FROM kind k
                     WHERE k.updated_at < ?
                       AND NOT EXISTS (SELECT 1 FROM signal_case c WHERE c.kind_id = k.id AND c.open = TRUE)""");
            for (String table : SOURCED_FACT_TABLES) {
                sql.append("\n   AND NOT EXISTS (SELECT 1 FROM ").append(table).append(" x JOIN source_file f ")
                        .append("ON f.id = x.source_file_id WHERE x.kind_id = k.id AND f.received_at >= ?)");
            }
            sql.append("\n ORDER BY k.id LIMIT ").append(settings.batchSize());
            Object[] args = new Object[1 + SOURCED_FACT_TABLES.size()];
            java.util.Arrays.fill(args, staleBefore);
            List<Kind> batch = jdbc.query(sql.toString(), (rs, n) -> new Kind(rs.getLong(1), trim(rs.getString(2)),
                    trim(rs.getString(3))), args);
            if (batch.isEmpty()) {
                return purged;
            }
            List<Long> ids = batch.stream().map(Kind::id).toList();
            tx.executeWithoutResult(status -> {
                MapSqlParameterSource kinderen = new MapSqlParameterSource("kinderen", ids);
                List<String> caseIds = named.queryForList("SELECT case_id FROM signal_case WHERE kind_id IN (:kinderen)",
                        kinderen, String.class);
                deleteCases(caseIds);
                for (String delete : KIND_RECORDS) {
                    named.update(delete, kinderen);
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
