package nl.kindplan.hub.store;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /** Every child's id, in order: the children of a full evaluation. */
    public long[] kindIds() {
        List<Long> ids = new ArrayList<>();
        jdbc.query("SELECT id FROM kind ORDER BY id", rs -> {
            ids.add(rs.getLong(1));
        });
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** The children a delta night evaluates: their facts changed, or a day on which their signals may change has come. */
    public long[] kindIdsToEvaluate(LocalDate asOf) {
        java.util.TreeSet<Long> ids = new java.util.TreeSet<>();
        jdbc.query("SELECT id FROM kind WHERE needs_evaluation = TRUE", rs -> {
            ids.add(rs.getLong(1));
        });
        jdbc.query("SELECT id FROM kind WHERE wake_up <= ?", rs -> {
            ids.add(rs.getLong(1));
        }, Date.valueOf(asOf));
        return ids.stream().mapToLong(Long::longValue).toArray();
    }

    /** A child as the evaluation reads it: its record, the version of its facts, and its open cases. */
    public record Geladen<C>(KindDossier dossier, long factsVersion, List<C> openCases) {
    }

    /** Reads one row of an open case; the store does not know the case types of the evaluation. */
    public interface CaseRow<C> {
        C map(ResultSet rs) throws SQLException;
    }

    /**
     * The records of these children, in a handful of queries for all of them together, with their
     * open cases (columns case_id, signal, severity, since). Ids unknown to the store are left out.
     */
    public <C> Map<Long, Geladen<C>> load(long[] ids, CaseRow<C> caseRow) {
        if (ids.length == 0) {
            return Map.of();
        }
        Object[] args = java.util.Arrays.stream(ids).boxed().toArray();
        String in = "(" + String.join(", ", java.util.Collections.nCopies(ids.length, "?")) + ")";
        Map<Long, KindIdentiteit> identiteiten = new HashMap<>();
        Map<Long, Long> versions = new HashMap<>();
        jdbc.query("SELECT * FROM kind WHERE id IN " + in, rs -> {
            identiteiten.put(rs.getLong("id"), identiteit(rs));
            versions.put(rs.getLong("id"), rs.getLong("facts_version"));
        }, args);
        Map<Long, List<Registratie>> registraties = new HashMap<>();
        jdbc.query("SELECT r.*, f.file_name FROM registratie r JOIN source_file f ON f.id = r.source_file_id "
                + "WHERE r.kind_id IN " + in + " ORDER BY r.kind_id, r.begindatum, r.id", rs -> {
            registraties.computeIfAbsent(rs.getLong("kind_id"), k -> new ArrayList<>()).add(registratie(rs));
        }, args);
        Map<Long, List<Verzuimmelding>> meldingen = new HashMap<>();
        jdbc.query("SELECT m.*, f.file_name FROM verzuimmelding m JOIN source_file f ON f.id = m.source_file_id "
                + "WHERE m.kind_id IN " + in + " ORDER BY m.kind_id, m.meldingsnummer, m.laatste_mutatie", rs -> {
            meldingen.computeIfAbsent(rs.getLong("kind_id"), k -> new ArrayList<>()).add(melding(rs));
        }, args);
        Map<Long, List<JeugdhulpRegel>> jeugdhulp = new HashMap<>();
        jdbc.query("SELECT j.*, f.file_name FROM jeugdhulp j JOIN source_file f ON f.id = j.source_file_id "
                + "WHERE j.kind_id IN " + in + " ORDER BY j.kind_id, j.dagtekening, j.id", rs -> {
            jeugdhulp.computeIfAbsent(rs.getLong("kind_id"), k -> new ArrayList<>()).add(jeugdhulpRegel(rs));
        }, args);
        Map<Long, List<C>> cases = new HashMap<>();
        jdbc.query("SELECT kind_id, case_id, signal, severity, since FROM signal_case WHERE open = TRUE AND kind_id IN "
                + in + " ORDER BY kind_id, id", rs -> {
            cases.computeIfAbsent(rs.getLong("kind_id"), k -> new ArrayList<>()).add(caseRow.map(rs));
        }, args);
        Map<Long, Geladen<C>> result = new java.util.LinkedHashMap<>();
        for (long id : ids) {
            KindIdentiteit kind = identiteiten.get(id);
            if (kind != null) {
                result.put(id, new Geladen<>(new KindDossier(id, kind, registraties.getOrDefault(id, List.of()),
                        meldingen.getOrDefault(id, List.of()), jeugdhulp.getOrDefault(id, List.of())),
                        versions.get(id), cases.getOrDefault(id, List.of())));
            }
        }
        return result;
    }

    /** What the evaluation concluded of each child: evaluated on asOf, next to be woken on wakeUp (or never). */
    public record Evaluated(long kindId, long factsVersion, LocalDate wakeUp) {
    }

    /**
     * Records the evaluation of these children, in the caller's transaction. A child whose facts changed
     * while it was evaluated keeps needs_evaluation, so the change is seen next night.
     */
    public void evaluated(List<Evaluated> kinderen, LocalDate asOf) {
        jdbc.batchUpdate("UPDATE kind SET needs_evaluation = CASE WHEN facts_version = ? THEN FALSE ELSE TRUE END, "
                + "wake_up = ?, evaluated_as_of = ? WHERE id = ?", kinderen, 1000, (ps, k) -> {
                    ps.setLong(1, k.factsVersion());
                    ps.setDate(2, k.wakeUp() == null ? null : Date.valueOf(k.wakeUp()));
                    ps.setDate(3, Date.valueOf(asOf));
                    ps.setLong(4, k.kindId());
                });
    }

    /** A child whose evaluation failed is evaluated again next night, whatever woke it. */
    public void evaluateAgain(long kindId) {
        jdbc.update("UPDATE kind SET needs_evaluation = TRUE WHERE id = ?", kindId);
    }

    public long countKinderen() {
        return jdbc.queryForObject("SELECT COUNT(*) FROM kind", Long.class);
    }

    /** The night that took a file in: its run and that run's reference date. */
    public record Nacht(long runId, LocalDate asOf) {
    }

    /**
     * The night each of a child's facts was taken in, by where it came from (file and line): the run
     * its file belongs to. A fact whose file no run has claimed yet (taken in between nights, it
     * belongs to the next) is left out.
     */
    public Map<Herkomst, Nacht> nachten(long kindId) {
        Map<Herkomst, Nacht> nachten = new HashMap<>();
        jdbc.query("SELECT f.file_name, x.line_no, r.id AS run_id, r.as_of FROM ("
                + "SELECT source_file_id, line_no FROM registratie WHERE kind_id = ? "
                + "UNION ALL SELECT source_file_id, line_no FROM verzuimmelding WHERE kind_id = ? "
                + "UNION ALL SELECT source_file_id, line_no FROM jeugdhulp WHERE kind_id = ?) x "
                + "JOIN source_file f ON f.id = x.source_file_id JOIN nightly_run r ON r.id = f.run_id", rs -> {
            // a file name delivered twice: the later night is the one whose fact the record shows
            nachten.merge(new Herkomst(rs.getString("file_name"), rs.getLong("line_no")),
                    new Nacht(rs.getLong("run_id"), localDate(rs, "as_of")),
                    (a, b) -> a.runId() >= b.runId() ? a : b);
        }, kindId, kindId, kindId);
        return nachten;
    }

    public Optional<KindDossier> dossier(long kindId) {
        List<KindIdentiteit> kind = jdbc.query("SELECT * FROM kind WHERE id = ?", (rs, n) -> identiteit(rs), kindId);
        if (kind.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new KindDossier(kindId, kind.get(0), registraties(kindId), meldingen(kindId), jeugdhulp(kindId)));
    }

    private List<Registratie> registraties(long kindId) {
        return jdbc.query("SELECT r.*, f.file_name FROM registratie r JOIN source_file f ON f.id = r.source_file_id "
                + "WHERE r.kind_id = ? ORDER BY r.begindatum, r.id", (rs, n) -> registratie(rs), kindId);
    }

    private static KindIdentiteit identiteit(ResultSet rs) throws SQLException {
        return new KindIdentiteit(trim(rs.getString("bsn")), trim(rs.getString("onderwijsnummer")),
                localDate(rs, "geboortedatum"), rs.getString("achternaam"), rs.getString("voorvoegsel"),
                rs.getString("voornamen"));
    }

    private static Registratie registratie(ResultSet rs) throws SQLException {
        return new Registratie(
                Registratie.Bron.valueOf(rs.getString("bron")), rs.getString("regel_id"),
                Registratie.Soort.valueOf(rs.getString("soort")), trim(rs.getString("gemeentecode")),
                trim(rs.getString("brin")), trim(rs.getString("vestiging")), rs.getString("onderwijssoort"),
                localDate(rs, "begindatum"), localDate(rs, "einddatum"), rs.getString("reden"),
                rs.getString("vrijstelling"), rs.getBoolean("verwijderd"), herkomst(rs));
    }

    private List<Verzuimmelding> meldingen(long kindId) {
        return jdbc.query("SELECT m.*, f.file_name FROM verzuimmelding m JOIN source_file f ON f.id = m.source_file_id "
                + "WHERE m.kind_id = ? ORDER BY m.meldingsnummer, m.laatste_mutatie", (rs, n) -> melding(rs), kindId);
    }

    private static Verzuimmelding melding(ResultSet rs) throws SQLException {
        return new Verzuimmelding(
                rs.getString("meldingsnummer"), rs.getTimestamp("laatste_mutatie").toLocalDateTime(),
                trim(rs.getString("status")), rs.getString("verzuimsoort"), trim(rs.getString("brin")),
                trim(rs.getString("vestiging")), trim(rs.getString("gemeentecode")), localDate(rs, "begindatum"),
                localDate(rs, "einddatum"), rs.getBigDecimal("uren"), rs.getString("vermoedelijke_reden"),
                herkomst(rs));
    }

    private List<JeugdhulpRegel> jeugdhulp(long kindId) {
        return jdbc.query("SELECT j.*, f.file_name FROM jeugdhulp j JOIN source_file f ON f.id = j.source_file_id "
                + "WHERE j.kind_id = ? ORDER BY j.dagtekening, j.id", (rs, n) -> jeugdhulpRegel(rs), kindId);
    }

    private static JeugdhulpRegel jeugdhulpRegel(ResultSet rs) throws SQLException {
        return new JeugdhulpRegel(
                JeugdhulpRegel.Berichttype.valueOf(rs.getString("berichttype")), rs.getString("bericht_id"),
                localDate(rs, "dagtekening"), trim(rs.getString("gemeentecode")), rs.getString("aanbieder"),
                rs.getString("referentie_aanbieder"), rs.getString("toewijzing_nummer"),
                rs.getString("productcategorie"), rs.getString("productcode"), rs.getString("verwijzer_type"),
                localDate(rs, "toewijzingsdatum"), localDate(rs, "ingangsdatum"), localDate(rs, "begindatum"),
                localDate(rs, "einddatum"), rs.getString("reden_wijziging"), rs.getString("reden_beeindiging"),
                rs.getString("status_aanlevering"), herkomst(rs));
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
