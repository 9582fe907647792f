package nl.kindplan.hub.ingest.edexml;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.IngestSink;

/** Keeps everything a reader hands over, in order, for assertions. */
class RecordingSink implements IngestSink {

    record Ingeschreven(KindIdentiteit kind, Registratie registratie) {
    }

    record RowError(long regel, String reden) {
    }

    record Snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys, Set<String> gelisteRegelIds,
                    LocalDate einddatum) {
    }

    final List<Ingeschreven> registraties = new ArrayList<>();
    final List<RowError> rowErrors = new ArrayList<>();
    final List<Snapshot> snapshots = new ArrayList<>();
    final List<Object> other = new ArrayList<>();

    @Override
    public void verzuimmelding(KindIdentiteit kind, Verzuimmelding melding) {
        other.add(melding);
    }

    @Override
    public void registratie(KindIdentiteit kind, Registratie registratie) {
        registraties.add(new Ingeschreven(kind, registratie));
    }

    @Override
    public void jeugdhulpBericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
        other.add(regels);
    }

    @Override
    public void rowError(long regel, String reden) {
        rowErrors.add(new RowError(regel, reden));
    }

    @Override
    public void snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys,
                         Set<String> gelisteRegelIds, LocalDate einddatum) {
        snapshots.add(new Snapshot(bron, scope, Set.copyOf(scopeKeys), Set.copyOf(gelisteRegelIds), einddatum));
    }

    @Override
    public void note(String note) {
        other.add(note);
    }

    boolean isEmpty() {
        return registraties.isEmpty() && rowErrors.isEmpty() && snapshots.isEmpty() && other.isEmpty();
    }
}
