package nl.kindplan.hub.ingest;

import nl.kindplan.hub.store.SourceFileRegister.Status;

/** What became of one file: its register id, status and row counts, and why it was rejected or skipped. */
public record IngestResult(long fileId, Status status, int rowsTakenIn, int rowsRejected, String reason) {
}
