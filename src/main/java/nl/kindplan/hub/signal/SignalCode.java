package nl.kindplan.hub.signal;

/** The five signals of signals.md; each is its own case per child. */
public enum SignalCode {
    THUISZITTER,
    ABSOLUUT_VERZUIM,
    ZORG_NIET_TOEGEWEZEN,
    ZORG_GESTOPT_BIJ_VERZUIM,
    MATCH
}
