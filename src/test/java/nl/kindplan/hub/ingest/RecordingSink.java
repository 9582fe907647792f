package nl.kindplan.hub.ingest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/** Keeps everything a reader hands over, in order, for assertions. */
public class RecordingSink implements IngestSink {

    public record Ingeschreven(KindIdentiteit kind, Registratie registratie) {
    }

    public record Bericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
    }

    public record RowError(long regel, String reden) {
    }

    public record Snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys, Set<String> gelisteRegelIds,
                    LocalDate einddatum) {
    }

    public final List<Ingeschreven> registraties = new ArrayList<>();
    public final List<RowError> rowErrors = new ArrayList<>();
    public final List<Snapshot> snapshots = new ArrayList<>();
    public final List<Verzuimmelding> meldingen = new ArrayList<>();
    public final List<Bericht> berichten = new ArrayList<>();
    public final List<String> notes = new ArrayList<>();

    @Override
    public void verzuimmelding(KindIdentiteit kind, Verzuimmelding melding) {
        meldingen.add(melding);
    }

    @Override
    public void registratie(KindIdentiteit kind, Registratie registratie) {
        registraties.add(new Ingeschreven(kind, registratie));
    }

    @Override
    public void jeugdhulpBericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
        berichten.add(new Bericht(kind, List.copyOf(regels)));
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
        notes.add(note);
    }

    public boolean isEmpty() {
        return registraties.isEmpty() && rowErrors.isEmpty() && snapshots.isEmpty() && meldingen.isEmpty()
                && berichten.isEmpty() && notes.isEmpty();
    }
}
