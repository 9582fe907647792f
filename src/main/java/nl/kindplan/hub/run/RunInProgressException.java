package nl.kindplan.hub.run;

/** A run was asked for while another one is in progress: runs never overlap. */
public class RunInProgressException extends RuntimeException {

    public RunInProgressException() {
        super("a nightly run is in progress");
    }
}
