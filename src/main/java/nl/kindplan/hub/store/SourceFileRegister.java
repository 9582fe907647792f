package nl.kindplan.hub.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.Source;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/** The register of every file the hub was given: what became of it, and its rejected rows. */
@Component
public class SourceFileRegister {

    public enum Status { TAKEN_IN, REJECTED, DUPLICATE }

    /** What the register knows of one file. */
    public record SourceFile(long id, Source source, String fileName, Status status, LocalDateTime receivedAt,
                             int rowsTotal, int rowsTakenIn, int rowsRejected, String reason) {
    }

    /** One rejected row: its line and why. */
    public record RowError(long lineNo, String reason) {
    }

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    public SourceFileRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("source_file").usingGeneratedKeyColumns("id")
                .usingColumns("source", "file_name", "sha256", "status", "received_at", "reason", "duplicate_of");
    }

    /** The file taken in earlier with this content, if any. */
    public Optional<Long> takenInWithContent(String sha256) {
        return jdbc.queryForList("SELECT id FROM source_file WHERE sha256 = ? AND status = 'TAKEN_IN' ORDER BY id",
                Long.class, sha256).stream().findFirst();
    }

    public long register(Source source, String fileName, String sha256, Status status, String reason, Long duplicateOf) {
        return insert.executeAndReturnKey(new MapSqlParameterSource()
                .addValue("source", source.name())
                .addValue("file_name", fileName)
                .addValue("sha256", sha256)
                .addValue("status", status.name())
                .addValue("received_at", Timestamp.valueOf(LocalDateTime.now()))
                .addValue("reason", reason == null ? null : truncate(reason, 2000))
                .addValue("duplicate_of", duplicateOf)).longValue();
    }

    public void counts(long fileId, int total, int takenIn, int rejected) {
        jdbc.update("UPDATE source_file SET rows_total = ?, rows_taken_in = ?, rows_rejected = ? WHERE id = ?",
                total, takenIn, rejected, fileId);
    }

    public void rowErrors(long fileId, List<RowError> errors) {
        if (errors.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO row_error (source_file_id, line_no, reason) VALUES (?, ?, ?)", errors, 500,
                (ps, e) -> {
                    ps.setLong(1, fileId);
                    ps.setLong(2, e.lineNo());
                    ps.setString(3, truncate(e.reason(), 1000));
                });
    }

    public void notes(long fileId, List<String> notes) {
        if (notes.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO file_note (source_file_id, note) VALUES (?, ?)", notes, 500,
                (ps, n) -> {
                    ps.setLong(1, fileId);
                    ps.setString(2, truncate(n, 1000));
                });
    }

    public Optional<SourceFile> find(long id) {
        return jdbc.query("SELECT * FROM source_file WHERE id = ?", (rs, n) -> new SourceFile(rs.getLong("id"),
                Source.valueOf(rs.getString("source")), rs.getString("file_name"), Status.valueOf(rs.getString("status")),
                rs.getTimestamp("received_at").toLocalDateTime(), rs.getInt("rows_total"), rs.getInt("rows_taken_in"),
                rs.getInt("rows_rejected"), rs.getString("reason")), id).stream().findFirst();
    }

    public List<RowError> rowErrorsOf(long fileId) {
        return jdbc.query("SELECT line_no, reason FROM row_error WHERE source_file_id = ? ORDER BY line_no",
                (rs, n) -> new RowError(rs.getLong(1), rs.getString(2)), fileId);
    }

    /** A file rejected whole or taken in with rejected rows, as the register holds it. */
    public record FileWithRejections(long id, String source, String fileName, String status,
                                     java.time.LocalDateTime receivedAt, Long runId, int rowsTotal, int rowsRejected,
                                     String reason) {
    }

    /** A rejected row with its file. */
    public record RejectedRow(long fileId, String source, String fileName, long lineNo, String reason) {
    }

    public long countRejectedFiles() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM source_file WHERE status = 'REJECTED'", Long.class);
    }

    public long countRejectedRows() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM row_error", Long.class);
    }

    /** The newest files rejected whole or with rejected rows. */
    public List<FileWithRejections> latestWithRejections(int max) {
        return jdbc.query("""
                SELECT id, source, file_name, status, received_at, run_id, rows_total, rows_rejected, reason
                  FROM source_file WHERE status = 'REJECTED' OR rows_rejected > 0
                 ORDER BY id DESC LIMIT ?""",
                (rs, n) -> new FileWithRejections(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("status"), rs.getTimestamp("received_at").toLocalDateTime(),
                        rs.getObject("run_id") == null ? null : rs.getLong("run_id"), rs.getInt("rows_total"),
                        rs.getInt("rows_rejected"), rs.getString("reason")), max);
    }

    /** The newest rejected rows. */
    public List<RejectedRow> latestRejectedRows(int max) {
        return jdbc.query("""
                SELECT r.source_file_id, f.source, f.file_name, r.line_no, r.reason
                  FROM row_error r JOIN source_file f ON f.id = r.source_file_id
                 ORDER BY r.id DESC LIMIT ?""",
                (rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        rs.getString(5)), max);
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
