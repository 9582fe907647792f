package nl.kindplan.hub.run;

import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** The record of every nightly run: when, on which reference date, how it ended, and its counts. */
@Component
public class RunRegister {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    /** What started a run; API and DASHBOARD also record the signed-in user (started_by). */
    public enum Trigger { SCHEDULE, API, RUN_ONCE, DASHBOARD }

    /** What a run is doing while it is in progress. */
    public enum Phase { FETCHING, TAKING_IN, EVALUATING, DELIVERING }

    /**
     * A run as the API shows it: its counts, what it is doing while in progress, whether it was
     * complete, and per source what came in, what was refused and why.
     */
    public record Run(long runId, LocalDate asOf, Trigger trigger, Status status, LocalDateTime startedAt,
                      LocalDateTime finishedAt, int kinderen, String error, Map<String, Long> counts, Phase phase,
                      Boolean complete, List<SourceRecord> sources) {
    }

    /** One source in one run: files and rows, why rows or files were refused, what went wrong reaching it. */
    public record SourceRecord(String source, long files, long takenIn, long rejected, long duplicates,
                               long rejectedFiles, List<Refusal> refusals, List<String> problems) {
    }

    /** A refused row (with its line) or a refused file (no line), with the reason. */
    public record Refusal(String file, Long line, String reason) {
    }

    /** At most this many refusals per source in a run's record; the error folder's reports have all. */
    static final int REFUSALS_SHOWN = 50;

    private final JdbcTemplate jdbc;
    private final PhaseTimes phaseTimes = new PhaseTimes();

    public RunRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A night begins, owned by instance {@code owner}; {@code startedBy} is the signed-in user who asked for it
     * (none for the schedule and run-once). While another night is active, in this instance or another one, the
     * database refuses the row (the unique index on {@code active}) with a {@link DuplicateKeyException}.
     */
    public long start(LocalDate asOf, Trigger trigger, String startedBy, String owner) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.update(connection -> {
            PreparedStatement insert = connection.prepareStatement("INSERT INTO nightly_run (as_of, run_trigger, "
                    + "status, started_at, started_by, owner, heartbeat_at, active) "
                    + "VALUES (?, ?, 'RUNNING', ?, ?, ?, LOCALTIMESTAMP, 1)", new String[]{"id"});
            insert.setDate(1, Date.valueOf(asOf));
            insert.setString(2, trigger.name());
            insert.setTimestamp(3, Timestamp.valueOf(LocalDateTime.now()));
            insert.setString(4, startedBy == null ? null : startedBy.substring(0, Math.min(startedBy.length(), 100)));
            insert.setString(5, owner);
            return insert;
        }, key);
        return key.getKey().longValue();
    }

    /** The night that runs now in any instance: who owns it, and when it last beat (both by the database's clock). */
    public record ActiveNight(long runId, LocalDate asOf, String owner, LocalDateTime startedAt,
                              LocalDateTime heartbeatAt, Duration sinceHeartbeat) {
    }

    public Optional<ActiveNight> activeNight() {
        return jdbc.query("SELECT id, as_of, owner, started_at, heartbeat_at, LOCALTIMESTAMP AS db_now "
                + "FROM nightly_run WHERE active = 1", (rs, n) -> {
            LocalDateTime beat = rs.getTimestamp("heartbeat_at") == null ? null
                    : rs.getTimestamp("heartbeat_at").toLocalDateTime();
            LocalDateTime now = rs.getTimestamp("db_now").toLocalDateTime();
            return new ActiveNight(rs.getLong("id"), rs.getDate("as_of").toLocalDate(), rs.getString("owner"),
                    rs.getTimestamp("started_at").toLocalDateTime(), beat,
                    beat == null ? Duration.ofDays(365) : Duration.between(beat, now));
        }).stream().findFirst();
    }

    /** The owner of a running night shows it is alive; 0 when the night is no longer active (another instance closed it). */
    public int heartbeat(long runId) {
        return jdbc.update("UPDATE nightly_run SET heartbeat_at = LOCALTIMESTAMP WHERE id = ? AND active = 1", runId);
    }

    /**
     * Nights whose owner is gone: RUNNING with no heartbeat for {@code ownerTimeout} (or from before instances
     * beat at all) failed. A night whose owner still beats is never touched, whichever instance asks.
     */
    public int closeAbandoned(Duration ownerTimeout) {
        return jdbc.update("UPDATE nightly_run SET status = 'FAILED', active = NULL, phase = NULL, finished_at = ?, "
                + "error = 'de instantie die deze nacht draaide is gestopt (geen hartslag sinds " + ownerTimeout.toSeconds()
                + " s): ' || COALESCE(owner, 'onbekend') WHERE status = 'RUNNING' AND (active IS NULL "
                + "OR heartbeat_at IS NULL OR heartbeat_at < LOCALTIMESTAMP - INTERVAL '" + ownerTimeout.toSeconds()
                + "' SECOND)", Timestamp.valueOf(LocalDateTime.now()));
    }

    /** This instance stops while its night runs: the night failed, and another instance may start one at once. */
    public void closeStopped(long runId, String owner) {
        jdbc.update("UPDATE nightly_run SET status = 'FAILED', active = NULL, phase = NULL, finished_at = ?, error = ? "
                + "WHERE id = ? AND active = 1", Timestamp.valueOf(LocalDateTime.now()),
                "de instantie die deze nacht draaide is tijdens de nacht gestopt: " + owner, runId);
    }

    /** The files taken in since the last run belong to this one. */
    public void claimFiles(long runId) {
        jdbc.update("UPDATE source_file SET run_id = ? WHERE run_id IS NULL", runId);
    }

    /** Per source: files, rows taken in, rows rejected, duplicates and rejected files of this run. */
    public Map<String, Long> sourceCounts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("""
                SELECT source, COUNT(*) AS files, SUM(rows_taken_in) AS taken_in, SUM(rows_rejected) AS rejected,
                       SUM(CASE WHEN status = 'DUPLICATE' THEN 1 ELSE 0 END) AS duplicates,
                       SUM(CASE WHEN status = 'REJECTED' THEN 1 ELSE 0 END) AS rejected_files
                  FROM source_file WHERE run_id = ? GROUP BY source ORDER BY source""", rs -> {
            String source = rs.getString("source");
            counts.put("source." + source + ".files", rs.getLong("files"));
            counts.put("source." + source + ".takenIn", rs.getLong("taken_in"));
            counts.put("source." + source + ".rejected", rs.getLong("rejected"));
            counts.put("source." + source + ".duplicates", rs.getLong("duplicates"));
            counts.put("source." + source + ".rejectedFiles", rs.getLong("rejected_files"));
        }, runId);
        jdbc.query("SELECT f.source, COUNT(*) FROM identity_conflict c JOIN source_file f ON f.id = c.source_file_id "
                + "WHERE f.run_id = ? GROUP BY f.source", rs -> {
            counts.put("source." + rs.getString(1) + ".identityConflicts", rs.getLong(2));
        }, runId);
        return counts;
    }

    public void finish(long runId, Status status, int kinderen, Map<String, Long> runCounts, String error) {
        Map<String, Long> counts = new TreeMap<>(runCounts);
        counts.putAll(phaseTimes.end(runId, intakeBegan(runId)));
        jdbc.update("UPDATE nightly_run SET status = ?, finished_at = ?, kinderen = ?, error = ?, phase = NULL, "
                        + "complete = ?, active = NULL WHERE id = ?", status.name(), Timestamp.valueOf(LocalDateTime.now()), kinderen,
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)),
                status == Status.SUCCEEDED && isComplete(runId), runId);
        jdbc.batchUpdate("INSERT INTO run_count (run_id, counter, amount) VALUES (?, ?, ?)",
                counts.entrySet().stream().map(e -> new Object[]{runId, e.getKey(), e.getValue()}).toList());
    }

    public void phase(long runId, Phase phase) {
        phaseTimes.begin(runId, phase);
        jdbc.update("UPDATE nightly_run SET phase = ? WHERE id = ?", phase.name(), runId);
    }

    /**
     * When a run-once hub began taking in this run's files (it takes its inboxes in while it starts, before
     * the run); null for a hub in service mode, whose files may have come in hours before the night.
     */
    private java.time.Instant intakeBegan(long runId) {
        Timestamp first = jdbc.queryForObject("SELECT MIN(f.received_at) FROM source_file f JOIN nightly_run r "
                + "ON r.id = f.run_id WHERE f.run_id = ? AND r.run_trigger = 'RUN_ONCE'", Timestamp.class, runId);
        return first == null ? null : first.toInstant();
    }

    /** Something kept a source from being complete in this run (it failed after its retries, say). */
    public void problem(long runId, String source, String problem) {
        jdbc.update("INSERT INTO run_problem (run_id, source, problem) VALUES (?, ?, ?)", runId, source,
                problem.substring(0, Math.min(problem.length(), 2000)));
    }

    /** Complete: every source reached and every file of the run taken in (none refused whole). */
    boolean isComplete(long runId) {
        Long problems = jdbc.queryForObject("SELECT COUNT(*) FROM run_problem WHERE run_id = ?", Long.class, runId);
        Long refusedFiles = jdbc.queryForObject("SELECT COUNT(*) FROM source_file WHERE run_id = ? AND status = 'REJECTED'",
                Long.class, runId);
        return problems == 0 && refusedFiles == 0;
    }

    /** Prefix of the counter {@code unmatched.<SOURCE>}: the files of that inbox no route takes (UnmatchedFiles). */
    public static final String UNMATCHED_COUNTER = "unmatched.";
    /** At most this many unmatched files of one inbox are listed one by one as problems of a run. */
    static final int UNMATCHED_LISTED = 100;

    /**
     * Files lying in a source's inbox that no route will take (their names match no include pattern):
     * one problem of the run per file, so the run is not complete, and their number as the counter
     * {@code unmatched.<SOURCE>}. Call before {@link #finish}; a second call for the same source adds
     * its problems and replaces the count.
     */
    public void unmatchedFiles(long runId, String source, String pattern, List<String> fileNames) {
        if (fileNames.isEmpty()) {
            return;
        }
        fileNames.stream().limit(UNMATCHED_LISTED).forEach(name -> problem(runId, source, "bestand '" + name
                + "' wordt door geen route opgepakt: de naam past niet bij het patroon " + pattern
                + "; het blijft in de inbox liggen tot het hernoemd of weggehaald is"));
        if (fileNames.size() > UNMATCHED_LISTED) {
            problem(runId, source, "en nog " + (fileNames.size() - UNMATCHED_LISTED) + " bestand(en) die door geen "
                    + "route worden opgepakt (patroon " + pattern + ")");
        }
        jdbc.update("DELETE FROM run_count WHERE run_id = ? AND counter = ?", runId, UNMATCHED_COUNTER + source);
        jdbc.update("INSERT INTO run_count (run_id, counter, amount) VALUES (?, ?, ?)", runId,
                UNMATCHED_COUNTER + source, (long) fileNames.size());
    }

    /** Whether a problem of a run is one that {@link #unmatchedFiles} wrote (they are counted apart). */
    public static boolean isUnmatchedProblem(String problem) {
        return problem.contains(" door geen route ");
    }

    /** The user who started a run, if a person did. */
    /** The instance that ran (or runs) the night, as {@code kindplan.cluster.instance-id} names it. */
    public Optional<String> owner(long runId) {
        return jdbc.queryForList("SELECT owner FROM nightly_run WHERE id = ?", String.class, runId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    public Optional<String> startedBy(long runId) {
        return jdbc.queryForList("SELECT started_by FROM nightly_run WHERE id = ?", String.class, runId).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The newest run that is over (succeeded, complete or not, or failed), for the alerts. */
    public Optional<Run> lastFinished() {
        return jdbc.queryForList("SELECT id FROM nightly_run WHERE status <> 'RUNNING' ORDER BY id DESC LIMIT 1",
                Long.class).stream().findFirst().flatMap(this::find);
    }

    /** The newest run that ran to its end (SUCCEEDED, complete or not): a night that was not missed. */
    public Optional<Run> lastSucceeded() {
        return jdbc.queryForList("SELECT id FROM nightly_run WHERE status = 'SUCCEEDED' ORDER BY id DESC LIMIT 1",
                Long.class).stream().findFirst().flatMap(this::find);
    }

    /** A file taken in (or refused, or skipped as duplicate) for a run. */
    public record RunFile(long id, String source, String fileName, String status, LocalDateTime receivedAt,
                          int rowsTotal, int rowsTakenIn, int rowsRejected, String reason) {
    }

    /** One page of a run's files, and how many match the filter in all. */
    public record FilePage(long total, List<RunFile> files) {
    }

    /**
     * A run's files in the order they were taken in, filtered (each filter may be null: source,
     * status TAKEN_IN / REJECTED / DUPLICATE, a part of the name, case ignored) and paged.
     */
    public FilePage files(long runId, String source, String status, String nameContains, int offset, int limit) {
        StringBuilder where = new StringBuilder(" WHERE run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (source != null && !source.isBlank()) {
            where.append(" AND source = ?");
            args.add(source);
        }
        if (status != null && !status.isBlank()) {
            where.append(" AND status = ?");
            args.add(status);
        }
        if (nameContains != null && !nameContains.isBlank()) {
            where.append(" AND LOWER(file_name) LIKE ? ESCAPE '!'");
            args.add("%" + nameContains.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%")
                    .replace("_", "!_") + "%");
        }
        Long total = jdbc.queryForObject("SELECT COUNT(*) FROM source_file" + where, Long.class, args.toArray());
        List<Object> paged = new ArrayList<>(args);
        paged.add(limit);
        paged.add(offset);
        List<RunFile> files = jdbc.query("SELECT id, source, file_name, status, received_at, rows_total, rows_taken_in, "
                + "rows_rejected, reason FROM source_file" + where + " ORDER BY id LIMIT ? OFFSET ?",
                (rs, n) -> new RunFile(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("status"), rs.getTimestamp("received_at").toLocalDateTime(), rs.getInt("rows_total"),
                        rs.getInt("rows_taken_in"), rs.getInt("rows_rejected"), rs.getString("reason")),
                paged.toArray());
        return new FilePage(total == null ? 0 : total, files);
    }

    public Optional<Run> find(long runId) {
        Map<String, Long> counts = counts(runId);
        return jdbc.query("SELECT * FROM nightly_run WHERE id = ?", (rs, n) -> new Run(rs.getLong("id"),
                rs.getDate("as_of").toLocalDate(), Trigger.valueOf(rs.getString("run_trigger")),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toLocalDateTime(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toLocalDateTime(),
                rs.getInt("kinderen"), rs.getString("error"), counts,
                rs.getString("phase") == null ? null : Phase.valueOf(rs.getString("phase")),
                (Boolean) rs.getObject("complete"), sources(runId, counts)), runId).stream().findFirst();
    }

    public List<Run> latest(int max) {
        return jdbc.queryForList("SELECT id FROM nightly_run ORDER BY id DESC LIMIT ?", Long.class, max).stream()
                .map(id -> find(id).orElseThrow()).toList();
    }

    /**
     * Per source, from the counts the run recorded when it ended (the same as sourceCounts then:
     * files belong to a run from its taking in on); a run in progress, or one that a stopped hub
     * left, has recorded none, so its files are counted now.
     */
    private List<SourceRecord> sources(long runId, Map<String, Long> recorded) {
        Map<String, Long> counts = recorded.keySet().stream().anyMatch(k -> k.startsWith("source."))
                ? recorded : sourceCounts(runId);
        Map<String, List<String>> problems = new TreeMap<>();
        jdbc.query("SELECT source, problem FROM run_problem WHERE run_id = ? ORDER BY id", rs -> {
            problems.computeIfAbsent(rs.getString(1), s -> new ArrayList<>()).add(rs.getString(2));
        }, runId);
        Set<String> names = new TreeSet<>(problems.keySet());
        counts.keySet().stream().filter(k -> k.startsWith("source.")).forEach(k -> names.add(k.split("\\.")[1]));
        return names.stream().map(source -> new SourceRecord(source,
                counts.getOrDefault("source." + source + ".files", 0L),
                counts.getOrDefault("source." + source + ".takenIn", 0L),
                counts.getOrDefault("source." + source + ".rejected", 0L),
                counts.getOrDefault("source." + source + ".duplicates", 0L),
                counts.getOrDefault("source." + source + ".rejectedFiles", 0L),
                refusals(runId, source), problems.getOrDefault(source, List.of()))).toList();
    }

    /** Files refused whole first, then refused rows in file and line order. */
    private List<Refusal> refusals(long runId, String source) {
        return jdbc.query("""
                SELECT file_name, line_no, reason FROM (
                    SELECT f.file_name, CAST(NULL AS BIGINT) AS line_no, f.reason, f.id AS file_id, 0 AS kind
                      FROM source_file f WHERE f.run_id = ? AND f.source = ? AND f.status = 'REJECTED'
                    UNION ALL
                    SELECT f.file_name, r.line_no, r.reason, f.id AS file_id, 1 AS kind
                      FROM row_error r JOIN source_file f ON f.id = r.source_file_id
                     WHERE f.run_id = ? AND f.source = ?) refused
                 ORDER BY kind, file_id, line_no LIMIT ?""", (rs, n) -> new Refusal(rs.getString(1),
                rs.getObject(2) == null ? null : rs.getLong(2), rs.getString(3)),
                runId, source, runId, source, REFUSALS_SHOWN);
    }

    private Map<String, Long> counts(long runId) {
        Map<String, Long> counts = new LinkedHashMap<>();
        jdbc.query("SELECT counter, amount FROM run_count WHERE run_id = ? ORDER BY counter",
                rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                }, runId);
        return counts;
    }
}
