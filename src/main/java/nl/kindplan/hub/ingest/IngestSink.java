package nl.kindplan.hub.ingest;

import java.time.LocalDate;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;

/**
 * Where a {@link SourceReader} puts what it reads, row by row, so that no file is held in memory.
 * The store writes in batches inside the file's transaction.
 */
public interface IngestSink {

    void verzuimmelding(KindIdentiteit kind, Verzuimmelding melding);

    void registratie(KindIdentiteit kind, Registratie registratie);

    /** One iJw message: all its product lines at once (a message is stored whole or not at all). */
    void jeugdhulpBericht(KindIdentiteit kind, java.util.List<JeugdhulpRegel> regels);

    /** A bad row: rejected with its line number and reason; the good rows go on. */
    void rowError(long regel, String reden);

    /**
     * A full snapshot ends, on {@code einddatum}, every registration of source {@code bron} within
     * {@code scope} that it does not list. Scope is a set of gemeentecodes (DUO -volledig) or of
     * school locations {@code brin+vestiging} (EDEXML).
     */
    void snapshot(Registratie.Bron bron, SnapshotScope scope, Set<String> scopeKeys,
                  Set<String> gelisteRegelIds, LocalDate einddatum);

    /** A note that is no error, e.g. an iJw message type the hub does not read. */
    void note(String note);

    enum SnapshotScope { GEMEENTE, SCHOOL }
}
