package nl.kindplan.hub.cases;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.signal.SignalSettings;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What the children's wake-up dates were computed on: the signal settings (as a fingerprint) and
 * the reference date of the last evaluation. Other settings, or a replay of an earlier date, make
 * the wake-up dates meaningless: then every child is evaluated.
 */
@Component
public class EvaluationBasis {

    private final JdbcTemplate jdbc;

    public EvaluationBasis(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public boolean needsFullEvaluation(LocalDate asOf, SignalSettings settings) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT fingerprint, as_of FROM evaluation_basis WHERE id = 1");
        if (rows.isEmpty()) {
            return true;
        }
        LocalDate last = ((Date) rows.get(0).get("as_of")).toLocalDate();
        return !fingerprint(settings).equals(rows.get(0).get("fingerprint")) || asOf.isBefore(last);
    }

    public void record(LocalDate asOf, SignalSettings settings) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        if (jdbc.update("UPDATE evaluation_basis SET fingerprint = ?, as_of = ?, updated_at = ? WHERE id = 1",
                fingerprint(settings), Date.valueOf(asOf), now) == 0) {
            jdbc.update("INSERT INTO evaluation_basis (id, fingerprint, as_of, updated_at) VALUES (1, ?, ?, ?)",
                    fingerprint(settings), Date.valueOf(asOf), now);
        }
    }

    static String fingerprint(SignalSettings settings) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(settings.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
