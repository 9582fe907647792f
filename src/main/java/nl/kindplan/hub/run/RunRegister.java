package nl.kindplan.hub.run;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/** The record of every nightly run: when, on which reference date, how it ended, and its counts. */
@Component
public class RunRegister {

    public enum Status { RUNNING, SUCCEEDED, FAILED }

    public enum Trigger { SCHEDULE, API, RUN_ONCE }

    /** A run as the API shows it. */
    public record Run(long runId, LocalDate asOf, Trigger trigger, Status status, LocalDateTime startedAt,
                      LocalDateTime finishedAt, int kinderen, String error, Map<String, Long> counts) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    public RunRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("nightly_run").usingGeneratedKeyColumns("id")
                .usingColumns("as_of", "run_trigger", "status", "started_at");
    }

    public long start(LocalDate asOf, Trigger trigger) {
        return insert.executeAndReturnKey(new MapSqlParameterSource()
                .addValue("as_of", Date.valueOf(asOf))
                .addValue("run_trigger", trigger.name())
                .addValue("status", Status.RUNNING.name())
                .addValue("started_at", Timestamp.valueOf(LocalDateTime.now()))).longValue();
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
        return counts;
    }

    public void finish(long runId, Status status, int kinderen, Map<String, Long> counts, String error) {
        jdbc.update("UPDATE nightly_run SET status = ?, finished_at = ?, kinderen = ?, error = ? WHERE id = ?",
                status.name(), Timestamp.valueOf(LocalDateTime.now()), kinderen,
                error == null ? null : error.substring(0, Math.min(error.length(), 2000)), runId);
        jdbc.batchUpdate("INSERT INTO run_count (run_id, counter, amount) VALUES (?, ?, ?)",
                counts.entrySet().stream().map(e -> new Object[]{runId, e.getKey(), e.getValue()}).toList());
    }

    /** A run left RUNNING by a process that died is not running any more. */
    public int abandonRunning() {
        return jdbc.update("UPDATE nightly_run SET status = 'FAILED', finished_at = ?, "
                + "error = 'the hub stopped while this run was in progress' WHERE status = 'RUNNING'",
                Timestamp.valueOf(LocalDateTime.now()));
    }

    public Optional<Run> find(long runId) {
        return jdbc.query("SELECT * FROM nightly_run WHERE id = ?", (rs, n) -> new Run(rs.getLong("id"),
                rs.getDate("as_of").toLocalDate(), Trigger.valueOf(rs.getString("run_trigger")),
                Status.valueOf(rs.getString("status")), rs.getTimestamp("started_at").toLocalDateTime(),
                rs.getTimestamp("finished_at") == null ? null : rs.getTimestamp("finished_at").toLocalDateTime(),
                rs.getInt("kinderen"), rs.getString("error"), counts(runId)), runId).stream().findFirst();
    }

    public List<Run> latest(int max) {
        return jdbc.queryForList("SELECT id FROM nightly_run ORDER BY id DESC", Long.class).stream().limit(max)
                .map(id -> find(id).orElseThrow()).toList();
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
