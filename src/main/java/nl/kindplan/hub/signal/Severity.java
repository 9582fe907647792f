package nl.kindplan.hub.signal;

/** How urgent a signal is; a change of severity on an open case is an UPDATED event. */
public enum Severity {
    INFO,
    SIGNAAL,
    ESCALATIE;

    /** SIGNAAL, or ESCALATIE once the situation has lasted {@code escalatieNaDagen} days or more. */
    static Severity naDuur(long dagen, int escalatieNaDagen) {
        return dagen >= escalatieNaDagen ? ESCALATIE : SIGNAAL;
    }
}
