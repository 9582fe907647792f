package nl.kindplan.hub.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

import nl.kindplan.hub.store.IdentityConflicts;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Rejected files and rows with their reasons, newest first, as the source file register holds them. */
@Component
public class Rejections {

    /** A file that was rejected whole, or taken in with some rows rejected. */
    public record RejectedFile(long id, String bron, String bestand, String status, OffsetDateTime ontvangen,
                               Long runId, int regels, int afgekeurd, String reden) {
    }

    public record RejectedRow(long bestandId, String bron, String bestand, long regel, String reden) {
    }

    /** A row kept with its own BSN while its onderwijsnummer belongs to another child: never merged. */
    public record Conflict(String bron, String bestand, long regel, String reden, OffsetDateTime gevonden, Long runId) {
    }

    public record Overview(long bestandenAfgekeurd, long regelsAfgekeurd, List<RejectedFile> bestanden,
                           List<RejectedRow> regels, long identiteitsconflicten, List<Conflict> conflicten) {
    }

    private final JdbcTemplate jdbc;
    private final IdentityConflicts identityConflicts;

    public Rejections(JdbcTemplate jdbc, IdentityConflicts identityConflicts) {
        this.jdbc = jdbc;
        this.identityConflicts = identityConflicts;
    }

    public Overview overview(int maxFiles, int maxRows) {
        long files = jdbc.queryForObject("SELECT COUNT(*) FROM source_file WHERE status = 'REJECTED'", Long.class);
        long rows = jdbc.queryForObject("SELECT COUNT(*) FROM row_error", Long.class);
        List<RejectedFile> bestanden = jdbc.query("""
                SELECT id, source, file_name, status, received_at, run_id, rows_total, rows_rejected, reason
                  FROM source_file WHERE status = 'REJECTED' OR rows_rejected > 0
                 ORDER BY id DESC LIMIT ?""",
                (rs, n) -> new RejectedFile(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("status"), Tijd.metZone(rs.getTimestamp("received_at").toLocalDateTime()),
                        rs.getObject("run_id") == null ? null : rs.getLong("run_id"), rs.getInt("rows_total"),
                        rs.getInt("rows_rejected"), Privacy.scrub(rs.getString("reason"))), maxFiles);
        List<RejectedRow> regels = jdbc.query("""
                SELECT r.source_file_id, f.source, f.file_name, r.line_no, r.reason
                  FROM row_error r JOIN source_file f ON f.id = r.source_file_id
                 ORDER BY r.id DESC LIMIT ?""",
                (rs, n) -> new RejectedRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
                        Privacy.scrub(rs.getString(5))), maxRows);
        List<Conflict> conflicten = identityConflicts.latest(maxRows).stream().map(c -> new Conflict(c.source(),
                c.fileName(), c.lineNo(), Privacy.scrub(c.reason()), Tijd.metZone(c.foundAt()), c.runId())).toList();
        return new Overview(files, rows, bestanden, regels, identityConflicts.count(), conflicten);
    }
}
