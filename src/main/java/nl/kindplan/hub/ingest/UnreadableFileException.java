package nl.kindplan.hub.ingest;

/** A file that cannot be taken in at all; it goes to the error folder with this reason beside it. */
public class UnreadableFileException extends Exception {

    public UnreadableFileException(String reason) {
        super(reason);
    }

    public UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
