package nl.kindplan.hub.demo;

/**
 * The story a demo child is given, relative to the reference date. Each scenario names the signal of
 * signals.md it is built to fire, or none: the edge cases look alarming at first sight but must not.
 */
public enum Scenario {

    /** Enrolled, nothing wrong; some carry harmless noise (a closed melding, care without verzuim). */
    GEWOON(0.0, null),
    /** Enrolled with an open LRV melding, some begun more than 91 days ago. */
    THUISZITTER(0.03, "THUISZITTER"),
    /** Plichtig, last registration ended weeks ago without a new one (or never registered), a melding. */
    ABSOLUUT_VERZUIM(0.02, "ABSOLUUT_VERZUIM"),
    /** A JW315 request that no JW301 answers after more than 5 working days, and an open melding. */
    ZORG_NIET_TOEGEWEZEN(0.015, "ZORG_NIET_TOEGEWEZEN"),
    /** Care stopped early (RedenBeeindiging 32/33/36) within 90 days, and an open melding. */
    ZORG_GESTOPT_BIJ_VERZUIM(0.015, "ZORG_GESTOPT_BIJ_VERZUIM"),
    /** Active toewijzing and an open V3/V4/LRV melding; some with a stop that was withdrawn. */
    MATCH(0.03, "MATCH"),
    /** Enrolled with an open luxe verzuim melding (L), some with active care: never a signal. */
    LUXE_VERZUIM(0.01, null),
    /** Plichtig and not enrolled, but vrijgesteld. */
    VRIJSTELLING(0.01, null),
    /** Plichtig, last registration ended with reden EMIGRATIE. */
    EMIGRATIE(0.005, null),
    /** 16 or 17, last registration ended with reden DIPLOMA. */
    DIPLOMA(0.005, null),
    /** Changed school with a gap of a few days. */
    SCHOOLWISSEL(0.02, null),
    /** Moved to another demo gemeente and enrolled there after a few days. */
    VERHUIZING(0.01, null);

    /** Fewest children of a scenario in any dataset, so that a small one still shows every case. */
    static final int MINIMUM = 2;

    private final double aandeel;
    private final String signaal;

    Scenario(double aandeel, String signaal) {
        this.aandeel = aandeel;
        this.signaal = signaal;
    }

    /** The share of the children that get this scenario (GEWOON takes the rest). */
    double aandeel() {
        return aandeel;
    }

    /** The signal code of signals.md this scenario is built to fire, or null for none. */
    public String signaal() {
        return signaal;
    }
}
