package nl.kindplan.hub.run;

import nl.kindplan.hub.run.RunRegister.ActiveNight;

/** A night was asked for while another one is in progress, in this instance or another: nights never overlap. */
public class RunInProgressException extends RuntimeException {

    private final transient ActiveNight night;

    public RunInProgressException(ActiveNight night) {
        super("night " + night.runId() + " (asOf " + night.asOf() + ") is in progress on " + night.owner()
                + ", started " + night.startedAt().withNano(0));
        this.night = night;
    }

    /** The night in progress: which run, on which reference date, in which instance, since when. */
    public ActiveNight night() {
        return night;
    }
}
