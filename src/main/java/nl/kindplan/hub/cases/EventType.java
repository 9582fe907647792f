package nl.kindplan.hub.cases;

/** What happened to a case on a night (signals.md, 'Cases and their lifecycle'). */
public enum EventType {
    /** the signal newly holds */
    OPENED,
    /** it still holds, with another severity */
    UPDATED,
    /** it no longer holds; the case closes with its last severity */
    RESOLVED
}
