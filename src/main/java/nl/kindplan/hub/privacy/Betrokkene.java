package nl.kindplan.hub.privacy;

import java.util.LinkedHashSet;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * A child as the processing log knows it: by pseudonymised key. One number asked for may stand for a
 * child known by both BSN and onderwijsnummer (entries may be under either, e.g. from before the two
 * records were merged), or for a child already purged (then only that number's key is left).
 */
@Component
public class Betrokkene {

    private final JdbcTemplate jdbc;
    private final PseudonymKey pseudonyms;

    public Betrokkene(JdbcTemplate jdbc, PseudonymKey pseudonyms) {
        this.jdbc = jdbc;
        this.pseudonyms = pseudonyms;
    }

    /** The key a new entry of this child is logged under: of its BSN, else of its onderwijsnummer. */
    public String key(long kindId) {
        return jdbc.queryForObject("SELECT bsn, onderwijsnummer FROM kind WHERE id = ?",
                (rs, n) -> pseudonyms.ofKind(trim(rs.getString(1)), trim(rs.getString(2))), kindId);
    }

    /** Every key this number's child may have been logged under. */
    public Set<String> keys(String nummer) {
        Set<String> keys = new LinkedHashSet<>();
        keys.add(pseudonyms.of(nummer));
        jdbc.query("SELECT bsn, onderwijsnummer FROM kind WHERE bsn = ? OR onderwijsnummer = ?", rs -> {
            if (rs.getString(1) != null) {
                keys.add(pseudonyms.of(rs.getString(1).trim()));
            }
            if (rs.getString(2) != null) {
                keys.add(pseudonyms.of(rs.getString(2).trim()));
            }
        }, nummer, nummer);
        return keys;
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
