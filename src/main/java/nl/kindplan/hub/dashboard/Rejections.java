package nl.kindplan.hub.dashboard;

import java.time.OffsetDateTime;
import java.util.List;

import nl.kindplan.hub.store.IdentityConflicts;
import nl.kindplan.hub.store.SourceFileRegister;
import org.springframework.stereotype.Component;

/** Rejected files and rows and identity conflicts with their reasons, newest first, as the store holds them. */
@Component
public class Rejections {

    /** A file that was rejected whole, or taken in with some rows rejected. */
    public record RejectedFile(long id, String bron, String bestand, String status, OffsetDateTime ontvangen,
                               Long runId, int regels, int afgekeurd, String reden) {
    }

    public record RejectedRow(long bestandId, String bron, String bestand, long regel, String reden) {
    }

    /** A row kept with its own BSN while its onderwijsnummer belongs to another child: never merged. */
    public record Conflict(String bron, String bestand, long regel, String reden, OffsetDateTime gevonden, Long runId) {
    }

    public record Overview(long bestandenAfgekeurd, long regelsAfgekeurd, List<RejectedFile> bestanden,
                           List<RejectedRow> regels, long identiteitsconflicten, List<Conflict> conflicten) {
    }

    private final SourceFileRegister files;
    private final IdentityConflicts identityConflicts;

    public Rejections(SourceFileRegister files, IdentityConflicts identityConflicts) {
        this.files = files;
        this.identityConflicts = identityConflicts;
    }

    public Overview overview(int maxFiles, int maxRows) {
        List<RejectedFile> bestanden = files.latestWithRejections(maxFiles).stream().map(f -> new RejectedFile(f.id(),
                f.source(), f.fileName(), f.status(), Tijd.metZone(f.receivedAt()), f.runId(), f.rowsTotal(),
                f.rowsRejected(), Privacy.scrub(f.reason()))).toList();
        List<RejectedRow> regels = files.latestRejectedRows(maxRows).stream().map(r -> new RejectedRow(r.fileId(),
                r.source(), r.fileName(), r.lineNo(), Privacy.scrub(r.reason()))).toList();
        List<Conflict> conflicten = identityConflicts.latest(maxRows).stream().map(c -> new Conflict(c.source(),
                c.fileName(), c.lineNo(), Privacy.scrub(c.reason()), Tijd.metZone(c.foundAt()), c.runId())).toList();
        return new Overview(files.countRejectedFiles(), files.countRejectedRows(), bestanden, regels,
                identityConflicts.count(), conflicten);
    }
}
