package nl.kindplan.hub.store;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The identity conflicts intake found (an onderwijsnummer claimed by a second BSN), newest first. */
@Component
public class IdentityConflicts {

    /** One conflict: the file and line of the row, and the reason with the numbers masked. */
    public record IdentityConflict(long id, String source, String fileName, long lineNo, String reason,
                                   LocalDateTime foundAt, Long runId) {
    }

    private final JdbcTemplate jdbc;

    public IdentityConflicts(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public long count() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM identity_conflict", Long.class);
    }

    public List<IdentityConflict> latest(int max) {
        return jdbc.query("""
                SELECT c.id, f.source, f.file_name, c.line_no, c.reason, c.created_at, f.run_id
                  FROM identity_conflict c JOIN source_file f ON f.id = c.source_file_id
                 ORDER BY c.id DESC LIMIT ?""", (rs, n) -> new IdentityConflict(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getLong(4), rs.getString(5), rs.getTimestamp(6).toLocalDateTime(),
                rs.getObject(7) == null ? null : rs.getLong(7)), max);
    }
}
