package nl.kindplan.hub.ingest;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.store.KindRegister;
import nl.kindplan.hub.store.SourceFileRegister;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writes what one file's reader hands over into the store, inside the intake group's transaction.
 * Rows are gathered and written a batch at a time: the children of a batch are placed in a few
 * queries ({@link KindRegister#place}), then its facts go in as JDBC batches. Every fact keeps its
 * file and line; a child whose facts change is marked for the next evaluation.
 */
public class StoreWriter implements IngestSink {

    /** Row errors kept for the report; a file with more is rejected whole by the threshold anyway. */
    private static final int MAX_ROW_ERRORS_KEPT = 10_000;
    private static final int IN_CHUNK = 500;

    private final JdbcTemplate jdbc;
    private final KindRegister kinden;
    private final KindRegister.Cache cache;
    private final long fileId;
    private final int batchSize;
    private final List<Rij> pending = new ArrayList<>();
    private final Set<String> registratiesPending = new HashSet<>();
    private final Set<String> versionsInFile = new HashSet<>();
    private final List<SourceFileRegister.RowError> rowErrors = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private int rowsTakenIn;
    private int rowsRejected;
    private int conflicts;

    /** One row waiting for its batch: who it is about, and its fact (a melding, registration or message). */
    private record Rij(KindIdentiteit kind, long regel, Object feit) {
    }

    public StoreWriter(JdbcTemplate jdbc, KindRegister kinden, KindRegister.Cache cache, long fileId, int batchSize) {
        this.jdbc = jdbc;
        this.kinden = kinden;
        this.cache = cache;
        this.fileId = fileId;
        this.batchSize = batchSize;
    }

    @Override
    public void verzuimmelding(KindIdentiteit kind, Verzuimmelding m) {
        rowsTakenIn++;
        // the same version twice (in this file or an earlier one) is stored once; every other version is kept
        if (versionsInFile.add(m.meldingsnummer() + '|' + m.laatsteMutatie())) {
            add(new Rij(kind, m.herkomst().regel(), m));
        }
    }

    @Override
    public void registratie(KindIdentiteit kind, Registratie r) {
        // a later row about the same registration must see the earlier one stored
        if (!registratiesPending.add(r.bron() + "|" + r.regelId())) {
            flush();
            registratiesPending.add(r.bron() + "|" + r.regelId());
        }
        rowsTakenIn++;
        add(new Rij(kind, r.herkomst().regel(), r));
    }

    @Override
    public void jeugdhulpBericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
        rowsTakenIn++;
        add(new Rij(kind, regels.isEmpty() ? 0 : regels.get(0).herkomst().regel(), List.copyOf(regels)));
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
        flush();
        // not listed on the peildatum: it ended the day before, unless it had ended earlier already
        LocalDate einde = peildatum.minusDays(1);
        List<Object[]> ended = new ArrayList<>();
        Set<Long> kinderen = new LinkedHashSet<>();
        for (String key : scopeKeys) {
            String where = scope == SnapshotScope.GEMEENTE ? "gemeentecode = ?" : "brin = ? AND vestiging = ?";
            Object[] keyArgs = scope == SnapshotScope.GEMEENTE ? new Object[]{key}
                    : new Object[]{key.substring(0, 4), key.substring(4)};
            List<Object> args = new ArrayList<>(List.of(bron.name()));
            args.addAll(List.of(keyArgs));
            args.add(date(einde));
            args.add(date(einde));
            jdbc.query("SELECT id, regel_id, kind_id FROM registratie WHERE bron = ? AND verwijderd = FALSE AND "
                    + where + " AND begindatum <= ? AND (einddatum IS NULL OR einddatum > ?)", rs -> {
                if (!gelisteRegelIds.contains(rs.getString(2))) {
                    ended.add(new Object[]{date(einde), fileId, rs.getLong(1)});
                    kinderen.add(rs.getLong(3));
                }
            }, args.toArray());
        }
        jdbc.batchUpdate("UPDATE registratie SET einddatum = ?, source_file_id = ? WHERE id = ?", ended);
        kinden.changed(kinderen);
        if (!ended.isEmpty()) {
            note(ended.size() + " registratie(s) die deze volledige levering niet meer noemt, beëindigd op " + einde);
        }
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    /** Writes what is still gathered; call before the counts are read and before the transaction commits. */
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        List<Rij> batch = new ArrayList<>(pending);
        pending.clear();
        registratiesPending.clear();
        List<KindRegister.Plaatsing> plaatsingen = kinden.place(batch.stream().map(Rij::kind).toList(), cache);
        List<Object[]> meldingen = new ArrayList<>();
        List<Object[]> jeugdhulp = new ArrayList<>();
        List<Geplaatst<Registratie>> registraties = new ArrayList<>();
        Set<Long> touched = new LinkedHashSet<>();
        for (int i = 0; i < batch.size(); i++) {
            Rij rij = batch.get(i);
            KindRegister.Plaatsing p = plaatsingen.get(i);
            if (!p.geplaatst()) {
                rowsTakenIn--;
                rowError(rij.regel(), p.weigering());
                continue;
            }
            if (p.conflict() != null) {
                conflict(rij.regel(), p.conflict());
            }
            if (!p.nieuw()) {
                // a child created by this batch is to be evaluated already: no second write of its record
                touched.add(p.kindId());
            }
            if (rij.feit() instanceof Verzuimmelding m) {
                meldingen.add(melding(p.kindId(), m));
            } else if (rij.feit() instanceof Registratie r) {
                registraties.add(new Geplaatst<>(p.kindId(), rij.regel(), r));
            } else if (rij.feit() instanceof List<?> regels) {
                for (Object o : regels) {
                    jeugdhulp.add(jeugdhulp(p.kindId(), (JeugdhulpRegel) o));
                }
            }
        }
        touched.addAll(writeRegistraties(registraties));
        insertMeldingen(meldingen);
        insertJeugdhulp(jeugdhulp);
        kinden.changed(touched);
    }

    public int rowsTakenIn() {
        return rowsTakenIn;
    }

    public int rowsRejected() {
        return rowsRejected;
    }

    public int conflicts() {
        return conflicts;
    }

    public List<SourceFileRegister.RowError> rowErrors() {
        return rowErrors;
    }

    public List<String> notes() {
        return notes;
    }

    private void add(Rij rij) {
        pending.add(rij);
        if (pending.size() >= batchSize) {
            flush();
        }
    }

    private record Geplaatst<T>(long kindId, long regel, T feit) {
    }

    /** The row stays with its own BSN; the conflict is kept for the dashboard and noted with the file. */
    private void conflict(long regel, KindRegister.Conflict c) {
        conflicts++;
        jdbc.update("INSERT INTO identity_conflict (onderwijsnummer, kind_id, other_kind_id, source_file_id, line_no, "
                        + "reason, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)", c.onderwijsnummer(), c.kindId(),
                c.otherKindId(), fileId, regel, c.reason(), Timestamp.valueOf(LocalDateTime.now()));
        note("regel " + regel + ": " + c.reason());
    }

    /**
     * Replaces what was known under (bron, regel_id) or adds it; a VERWIJDERD row marks the known one
     * deleted. Returns the children that lost a registration to another child, to be evaluated again.
     */
    private Set<Long> writeRegistraties(List<Geplaatst<Registratie>> rows) {
        if (rows.isEmpty()) {
            return Set.of();
        }
        Map<String, long[]> known = known(rows);
        List<Object[]> inserts = new ArrayList<>();
        List<Object[]> updates = new ArrayList<>();
        List<Object[]> deletions = new ArrayList<>();
        Set<Long> previous = new HashSet<>();
        for (Geplaatst<Registratie> g : rows) {
            Registratie r = g.feit();
            long[] idAndKind = known.get(r.bron().name() + "|" + r.regelId());
            if (r.verwijderd()) {
                if (idAndKind == null) {
                    rowsTakenIn--;
                    rowError(g.regel(), "VERWIJDERD voor regel_id " + r.regelId() + ", maar die regel_id is niet bekend (nooit eerder ingelezen)");
                } else {
                    deletions.add(new Object[]{fileId, g.regel(), idAndKind[0]});
                    previous.add(idAndKind[1]);
                }
                continue;
            }
            Object[] values = {g.kindId(), r.soort().name(), r.gemeentecode(), r.brin(), r.vestiging(),
                    r.onderwijssoort(), date(r.begindatum()), date(r.einddatum()), r.reden(), r.vrijstelling(), fileId,
                    g.regel(), r.bron().name(), r.regelId()};
            if (idAndKind == null) {
                inserts.add(values);
            } else {
                updates.add(values);
                if (idAndKind[1] != g.kindId()) {
                    previous.add(idAndKind[1]);
                }
            }
        }
        jdbc.batchUpdate("UPDATE registratie SET verwijderd = TRUE, source_file_id = ?, line_no = ? WHERE id = ?",
                deletions);
        jdbc.batchUpdate("UPDATE registratie SET kind_id = ?, soort = ?, gemeentecode = ?, brin = ?, "
                + "vestiging = ?, onderwijssoort = ?, begindatum = ?, einddatum = ?, reden = ?, vrijstelling = ?, "
                + "verwijderd = FALSE, source_file_id = ?, line_no = ? WHERE bron = ? AND regel_id = ?", updates);
        jdbc.batchUpdate("INSERT INTO registratie (kind_id, soort, gemeentecode, brin, vestiging, onderwijssoort, "
                + "begindatum, einddatum, reden, vrijstelling, source_file_id, line_no, bron, regel_id, verwijderd) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, FALSE)", inserts);
        return previous;
    }

    /** The stored id and child of each (bron, regel_id) of these rows that the store knows. */
    private Map<String, long[]> known(List<Geplaatst<Registratie>> rows) {
        Map<String, long[]> known = new HashMap<>();
        Map<Registratie.Bron, List<String>> perBron = new HashMap<>();
        rows.forEach(g -> perBron.computeIfAbsent(g.feit().bron(), b -> new ArrayList<>()).add(g.feit().regelId()));
        perBron.forEach((bron, ids) -> {
            for (int from = 0; from < ids.size(); from += IN_CHUNK) {
                List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_CHUNK));
                // by regel_id alone, so that the database surely takes its index; the other bron is left out here
                jdbc.query("SELECT bron, regel_id, id, kind_id FROM registratie WHERE regel_id IN ("
                        + String.join(", ", Collections.nCopies(chunk.size(), "?")) + ")", rs -> {
                    if (bron.name().equals(rs.getString(1))) {
                        known.put(bron.name() + "|" + rs.getString(2), new long[]{rs.getLong(3), rs.getLong(4)});
                    }
                }, chunk.toArray());
            }
        });
        return known;
    }

    private Object[] melding(long kindId, Verzuimmelding m) {
        return new Object[]{kindId, m.meldingsnummer(), Timestamp.valueOf(m.laatsteMutatie()), m.status(),
                m.verzuimsoort(), m.brin(), m.vestiging(), m.gemeentecode(), date(m.begindatum()), date(m.einddatum()),
                m.uren(), m.vermoedelijkeReden(), fileId, m.herkomst().regel(), m.meldingsnummer(),
                Timestamp.valueOf(m.laatsteMutatie())};
    }

    private Object[] jeugdhulp(long kindId, JeugdhulpRegel j) {
        return new Object[]{kindId, j.berichttype().name(), j.berichtIdentificatie(), date(j.dagtekening()),
                j.gemeentecode(), j.aanbieder(), j.referentieAanbieder(), j.toewijzingNummer(), j.productcategorie(),
                j.productcode(), j.verwijzerType(), date(j.toewijzingsdatum()), date(j.ingangsdatum()),
                date(j.begindatum()), date(j.einddatum()), j.redenWijziging(), j.redenBeeindiging(),
                j.statusAanlevering(), fileId, j.herkomst().regel()};
    }

    private void insertMeldingen(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO verzuimmelding (kind_id, meldingsnummer, laatste_mutatie, status, "
                    + "verzuimsoort, brin, vestiging, gemeentecode, begindatum, einddatum, uren, vermoedelijke_reden, "
                    + "source_file_id, line_no) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
                    + "(SELECT 1 FROM verzuimmelding WHERE meldingsnummer = ? AND laatste_mutatie = ?)", rows);
        }
    }

    private void insertJeugdhulp(List<Object[]> rows) {
        if (!rows.isEmpty()) {
            jdbc.batchUpdate("INSERT INTO jeugdhulp (kind_id, berichttype, bericht_id, dagtekening, gemeentecode, "
                    + "aanbieder, referentie_aanbieder, toewijzing_nummer, productcategorie, productcode, verwijzer_type, "
                    + "toewijzingsdatum, ingangsdatum, begindatum, einddatum, reden_wijziging, reden_beeindiging, "
                    + "status_aanlevering, source_file_id, line_no) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows);
        }
    }

    private static Date date(LocalDate d) {
        return d == null ? null : Date.valueOf(d);
    }
}
