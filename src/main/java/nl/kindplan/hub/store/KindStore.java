package nl.kindplan.hub.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Reads a child's whole record back from the store, every fact with the file and line it came from. */
@Component
public class KindStore {

    private final JdbcTemplate jdbc;

    public KindStore(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The child known by this BSN or onderwijsnummer (no number passes both 11-proeven). */
    public Optional<Long> findKindId(String nummer) {
        return jdbc.queryForList("SELECT id FROM kind WHERE bsn = ? OR onderwijsnummer = ?", Long.class, nummer, nummer)
                .stream().findFirst();
    }

    public List<Long> allKindIds() {
        return jdbc.queryForList("SELECT id FROM kind ORDER BY id", Long.class);
    }

    public long countKinderen() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM kind", Long.class);
    }

    public Optional<KindDossier> dossier(long kindId) {
        List<KindIdentiteit> kind = jdbc.query("SELECT * FROM kind WHERE id = ?", (rs, n) -> new KindIdentiteit(
                rs.getString("bsn"), rs.getString("onderwijsnummer"), localDate(rs, "geboortedatum"),
                rs.getString("achternaam"), rs.getString("voorvoegsel"), rs.getString("voornamen")), kindId);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KindDossier(kindId, kind.get(0), registraties(kindId), meldingen(kindId), jeugdhulp(kindId)));
    }

    private List<Registratie> registraties(long kindId) {
        return jdbc.query("SELECT r.*, f.file_name FROM registratie r JOIN source_file f ON f.id = r.source_file_id "
                + "WHERE r.kind_id = ? ORDER BY r.begindatum, r.id", (rs, n) -> new Registratie(
                Registratie.Bron.valueOf(rs.getString("bron")), rs.getString("regel_id"),
                Registratie.Soort.valueOf(rs.getString("soort")), trim(rs.getString("gemeentecode")),
                trim(rs.getString("brin")), trim(rs.getString("vestiging")), rs.getString("onderwijssoort"),
                localDate(rs, "begindatum"), localDate(rs, "einddatum"), rs.getString("reden"),
                rs.getString("vrijstelling"), rs.getBoolean("verwijderd"), herkomst(rs)), kindId);
    }

    private List<Verzuimmelding> meldingen(long kindId) {
        return jdbc.query("SELECT m.*, f.file_name FROM verzuimmelding m JOIN source_file f ON f.id = m.source_file_id "
                + "WHERE m.kind_id = ? ORDER BY m.meldingsnummer, m.laatste_mutatie", (rs, n) -> new Verzuimmelding(
                rs.getString("meldingsnummer"), rs.getTimestamp("laatste_mutatie").toLocalDateTime(),
                trim(rs.getString("status")), rs.getString("verzuimsoort"), trim(rs.getString("brin")),
                trim(rs.getString("vestiging")), trim(rs.getString("gemeentecode")), localDate(rs, "begindatum"),
                localDate(rs, "einddatum"), rs.getBigDecimal("uren"), rs.getString("vermoedelijke_reden"),
                herkomst(rs)), kindId);
    }

    private List<JeugdhulpRegel> jeugdhulp(long kindId) {
        return jdbc.query("SELECT j.*, f.file_name FROM jeugdhulp j JOIN source_file f ON f.id = j.source_file_id "
                + "WHERE j.kind_id = ? ORDER BY j.dagtekening, j.id", (rs, n) -> new JeugdhulpRegel(
                JeugdhulpRegel.Berichttype.valueOf(rs.getString("berichttype")), rs.getString("bericht_id"),
                localDate(rs, "dagtekening"), trim(rs.getString("gemeentecode")), rs.getString("aanbieder"),
                rs.getString("referentie_aanbieder"), rs.getString("toewijzing_nummer"),
                rs.getString("productcategorie"), rs.getString("productcode"), rs.getString("verwijzer_type"),
                localDate(rs, "toewijzingsdatum"), localDate(rs, "ingangsdatum"), localDate(rs, "begindatum"),
                localDate(rs, "einddatum"), rs.getString("reden_wijziging"), rs.getString("reden_beeindiging"),
                rs.getString("status_aanlevering"), herkomst(rs)), kindId);
    }

    private static Herkomst herkomst(ResultSet rs) throws SQLException {
        return new Herkomst(rs.getString("file_name"), rs.getLong("line_no"));
    }

    private static LocalDate localDate(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }

    /** CHAR columns come back padded on some databases. */
    private static String trim(String s) {
        return s == null ? null : s.trim();
    }
}
