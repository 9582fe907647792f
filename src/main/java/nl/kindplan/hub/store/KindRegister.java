package nl.kindplan.hub.store;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import nl.kindplan.hub.domain.KindIdentiteit;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.SimpleJdbcInsert;
import org.springframework.stereotype.Component;

/**
 * Finds or creates the one record per child. A child is keyed by BSN; one known only by
 * onderwijsnummer is kept under that number until a row carrying both links them, and then the
 * two records are merged into one.
 */
@Component
public class KindRegister {

    /** Tables whose rows belong to a child and move along when two records merge. */
    private static final List<String> FACT_TABLES = List.of("registratie", "verzuimmelding", "jeugdhulp");

    private final JdbcTemplate jdbc;
    private final SimpleJdbcInsert insert;

    public KindRegister(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
        this.insert = new SimpleJdbcInsert(jdbc).withTableName("kind").usingGeneratedKeyColumns("id")
                .usingColumns("bsn", "onderwijsnummer", "geboortedatum", "achternaam", "voorvoegsel",
                        "voornamen", "created_at", "updated_at");
    }

    /** The id of the child's record, creating, completing or merging records as the identity says. */
    public long resolve(KindIdentiteit kind) {
        Long byBsn = kind.bsn() == null ? null : idBy("bsn", kind.bsn());
        Long byOnr = kind.onderwijsnummer() == null ? null : idBy("onderwijsnummer", kind.onderwijsnummer());
        long id;
        if (byBsn == null && byOnr == null) {
            return create(kind);
        } else if (byBsn != null && byOnr != null && !byBsn.equals(byOnr)) {
            merge(byOnr, byBsn);
            id = byBsn;
        } else {
            id = byBsn != null ? byBsn : byOnr;
        }
        complete(id, kind);
        return id;
    }

    private Long idBy(String column, String nummer) {
        List<Long> ids = jdbc.queryForList("SELECT id FROM kind WHERE " + column + " = ?", Long.class, nummer);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private long create(KindIdentiteit kind) {
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        return insert.executeAndReturnKey(new MapSqlParameterSource()
                .addValue("bsn", kind.bsn())
                .addValue("onderwijsnummer", kind.onderwijsnummer())
                .addValue("geboortedatum", kind.geboortedatum())
                .addValue("achternaam", kind.achternaam())
                .addValue("voorvoegsel", kind.voorvoegsel())
                .addValue("voornamen", kind.voornamen())
                .addValue("created_at", now)
                .addValue("updated_at", now)).longValue();
    }

    /** Fills what the record does not know yet; a known number is never overwritten by another. */
    private void complete(long id, KindIdentiteit kind) {
        jdbc.update("""
                UPDATE kind SET bsn = COALESCE(bsn, ?), onderwijsnummer = COALESCE(onderwijsnummer, ?),
                       geboortedatum = COALESCE(geboortedatum, ?), achternaam = COALESCE(achternaam, ?),
                       voorvoegsel = COALESCE(voorvoegsel, ?), voornamen = COALESCE(voornamen, ?),
                       updated_at = ?
                 WHERE id = ?""",
                kind.bsn(), kind.onderwijsnummer(), kind.geboortedatum(), kind.achternaam(),
                kind.voorvoegsel(), kind.voornamen(), Timestamp.valueOf(LocalDateTime.now()), id);
    }

    /** Moves every fact of the onderwijsnummer-only record to the BSN record and removes the former. */
    private void merge(long from, long into) {
        String onderwijsnummer = jdbc.queryForObject("SELECT onderwijsnummer FROM kind WHERE id = ?", String.class, from);
        for (String table : FACT_TABLES) {
            jdbc.update("UPDATE " + table + " SET kind_id = ? WHERE kind_id = ?", into, from);
        }
        jdbc.update("DELETE FROM kind WHERE id = ?", from);
        jdbc.update("UPDATE kind SET onderwijsnummer = COALESCE(onderwijsnummer, ?) WHERE id = ?", onderwijsnummer, into);
    }
}
