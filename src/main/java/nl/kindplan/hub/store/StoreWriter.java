package nl.kindplan.hub.store;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.IngestSink;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what one file's reader hands over into the store, inside that file's transaction.
 * Meldingen and jeugdhulp lines go in batches; every fact keeps its file and line.
 */
public class StoreWriter implements IngestSink {

    /** Row errors kept for the report; a file with more is rejected whole by the threshold anyway. */
    private static final int MAX_ROW_ERRORS_KEPT = 10_000;

    private final JdbcTemplate jdbc;
    private final KindRegister kinden;
    private final long fileId;
    private final int batchSize;
    private final Map<String, Long> kindIds = new HashMap<>();
    private final List<Object[]> meldingBatch = new ArrayList<>();
    private final List<Object[]> jeugdhulpBatch = new ArrayList<>();
    private final Set<String> versionsInFile = new HashSet<>();
    private final List<SourceFileRegister.RowError> rowErrors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int rowsTakenIn;
    private int rowsRejected;

    public StoreWriter(JdbcTemplate jdbc, KindRegister kinden, long fileId, int batchSize) {
        this.jdbc = jdbc;
        this.kinden = kinden;
        this.fileId = fileId;
        this.batchSize = batchSize;
    }

    @Override
    public void verzuimmelding(KindIdentiteit kind, Verzuimmelding m) {
        // the same version twice (in this file or an earlier one) is stored once; every other version is kept
        if (!versionsInFile.add(m.meldingsnummer() + '|' + m.laatsteMutatie())) {
            rowsTakenIn++;
            return;
        }
        meldingBatch.add(new Object[]{kindId(kind), m.meldingsnummer(), Timestamp.valueOf(m.laatsteMutatie()),
                m.status(), m.verzuimsoort(), m.brin(), m.vestiging(), m.gemeentecode(), date(m.begindatum()),
                date(m.einddatum()), m.uren(), m.vermoedelijkeReden(), fileId, m.herkomst().regel(),
                m.meldingsnummer(), Timestamp.valueOf(m.laatsteMutatie())});
        rowsTakenIn++;
        if (meldingBatch.size() >= batchSize) {
            flushMeldingen();
        }
    }

    @Override
    public void registratie(KindIdentiteit kind, Registratie r) {
        long kindId = kindId(kind);
        if (r.verwijderd()) {
            int removed = jdbc.update("UPDATE registratie SET verwijderd = TRUE, source_file_id = ?, line_no = ? "
                    + "WHERE bron = ? AND regel_id = ?", fileId, r.herkomst().regel(), r.bron().name(), r.regelId());
            if (removed == 0) {
                rowError(r.herkomst().regel(), "VERWIJDERD for regel_id " + r.regelId() + " that is not known");
                return;
            }
            rowsTakenIn++;
            return;
        }
        Object[] values = {kindId, r.soort().name(), r.gemeentecode(), r.brin(), r.vestiging(), r.onderwijssoort(),
                date(r.begindatum()), date(r.einddatum()), r.reden(), r.vrijstelling(), fileId, r.herkomst().regel(),
                r.bron().name(), r.regelId()};
        int updated = jdbc.update("UPDATE registratie SET kind_id = ?, soort = ?, gemeentecode = ?, brin = ?, "
                + "vestiging = ?, onderwijssoort = ?, begindatum = ?, einddatum = ?, reden = ?, vrijstelling = ?, "
                + "verwijderd = FALSE, source_file_id = ?, line_no = ? WHERE bron = ? AND regel_id = ?", values);
        if (updated == 0) {
            jdbc.update("INSERT INTO registratie (kind_id, soort, gemeentecode, brin, vestiging, onderwijssoort, "
                    + "begindatum, einddatum, reden, vrijstelling, source_file_id, line_no, bron, regel_id, verwijderd) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", values);
        }
        rowsTakenIn++;
    }

    @Override
    public void jeugdhulpBericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
        long kindId = kindId(kind);
        for (JeugdhulpRegel j : regels) {
            jeugdhulpBatch.add(new Object[]{kindId, j.berichttype().name(), j.berichtIdentificatie(),
                    date(j.dagtekening()), j.gemeentecode(), j.aanbieder(), j.referentieAanbieder(),
                    j.toewijzingNummer(), j.productcategorie(), j.productcode(), j.verwijzerType(),
                    date(j.toewijzingsdatum()), date(j.ingangsdatum()), date(j.begindatum()), date(j.einddatum()),
                    j.redenWijziging(), j.redenBeeindiging(), j.statusAanlevering(), fileId, j.herkomst().regel()});
        }
        rowsTakenIn++;
        if (jeugdhulpBatch.size() >= batchSize) {
            flushJeugdhulp();
        }
    }

    @Override
    public void rowError(long regel, String reden) {
        rowsRejected++;
        if (rowErrors.size() < MAX_ROW_ERRORS_KEPT) {
            rowErrors.add(new SourceFileRegister.RowError(regel, reden));
        }
    }

    @Override
    public void snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys, Set<String> gelisteRegelIds,
                         LocalDate peildatum) {
        // not listed on the peildatum: it ended the day before, unless it had ended earlier already
        LocalDate einde = peildatum.minusDays(1);
        String scopeColumn = scope == SnapshotScope.GEMEENTE ? "gemeentecode" : "brin || vestiging";
        List<Map<String, Object>> open = new ArrayList<>();
        for (String key : scopeKeys) {
            open.addAll(jdbc.queryForList("SELECT id, regel_id FROM registratie WHERE bron = ? AND verwijderd = FALSE "
                    + "AND " + scopeColumn + " = ? AND begindatum <= ? AND (einddatum IS NULL OR einddatum > ?)",
                    bron.name(), key, date(einde), date(einde)));
        }
        List<Object[]> ended = open.stream().filter(row -> !gelisteRegelIds.contains((String) row.get("regel_id")))
                .map(row -> new Object[]{date(einde), fileId, ((Number) row.get("id")).longValue()})
                .toList();
        jdbc.batchUpdate("UPDATE registratie SET einddatum = ?, source_file_id = ? WHERE id = ?", ended);
        if (!ended.isEmpty()) {
            note(ended.size() + " registration(s) no longer listed in this full snapshot ended on " + einde);
        }
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    /** Writes what is still batched; call before the transaction commits. */
    public void flush() {
        flushMeldingen();
        flushJeugdhulp();
    }

    public int rowsTakenIn() {
        return rowsTakenIn;
    }

    public int rowsRejected() {
        return rowsRejected;
    }

    public List<SourceFileRegister.RowError> rowErrors() {
        return rowErrors;
    }

    public List<String> notes() {
        return notes;
    }

    private long kindId(KindIdentiteit kind) {
        String key = kind.bsn() + "|" + kind.onderwijsnummer();
        Long id = kindIds.get(key);
        if (id != null) {
            return id;
        }
        if (kind.bsn() != null && kind.onderwijsnummer() != null) {
            // this identity may merge two records: write what refers to them first, and forget cached ids
            flush();
            kindIds.clear();
        }
        id = kinden.resolve(kind);
        kindIds.put(key, id);
        return id;
    }

    private void flushMeldingen() {
        if (meldingBatch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO verzuimmelding (kind_id, meldingsnummer, laatste_mutatie, status, verzuimsoort, "
                + "brin, vestiging, gemeentecode, begindatum, einddatum, uren, vermoedelijke_reden, source_file_id, line_no) "
                + "SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM verzuimmelding "
                + "WHERE meldingsnummer = ? AND laatste_mutatie = ?)", meldingBatch);
        meldingBatch.clear();
    }

    private void flushJeugdhulp() {
        if (jeugdhulpBatch.isEmpty()) {
            return;
        }
        jdbc.batchUpdate("INSERT INTO jeugdhulp (kind_id, berichttype, bericht_id, dagtekening, gemeentecode, aanbieder, "
                + "referentie_aanbieder, toewijzing_nummer, productcategorie, productcode, verwijzer_type, "
                + "toewijzingsdatum, ingangsdatum, begindatum, einddatum, reden_wijziging, reden_beeindiging, "
                + "status_aanlevering, source_file_id, line_no) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                jeugdhulpBatch);
        jeugdhulpBatch.clear();
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
