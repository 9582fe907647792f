package nl.kindplan.hub.ingest.ijw;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.IngestSink;

/** Keeps everything a reader hands over, so a test can see what would have been stored. */
final class RecordingSink implements IngestSink {

    record Bericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
    }

    final List<Bericht> berichten = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final List<String> anders = new ArrayList<>();

    @Override
    public void verzuimmelding(KindIdentiteit kind, Verzuimmelding melding) {
        anders.add("verzuimmelding");
    }

    @Override
    public void registratie(KindIdentiteit kind, Registratie registratie) {
        anders.add("registratie");
    }

    @Override
    public void jeugdhulpBericht(KindIdentiteit kind, List<JeugdhulpRegel> regels) {
        berichten.add(new Bericht(kind, regels));
    }

    @Override
    public void rowError(long regel, String reden) {
        anders.add("rowError " + regel + ": " + reden);
    }

    @Override
    public void snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys,
                         Set<String> gelisteRegelIds, LocalDate einddatum) {
        anders.add("snapshot");
    }

    @Override
    public void note(String note) {
        notes.add(note);
    }

    /** Nothing at all reached the sink. */
    boolean isLeeg() {
        return berichten.isEmpty() && notes.isEmpty() && anders.isEmpty();
    }
}
