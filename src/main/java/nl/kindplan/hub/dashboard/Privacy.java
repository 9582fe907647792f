package nl.kindplan.hub.dashboard;

import nl.kindplan.hub.domain.Elfproef;

/**
 * What the dashboard shows of a child: never a full BSN or onderwijsnummer, never a name. The
 * readers already mask the numbers in their reasons; this is the last line, for every free text.
 */
public final class Privacy {

    private Privacy() {
    }

    /** The text with every run of exactly nine digits masked to its last three. */
    public static String scrub(String text) {
        return Elfproef.maskeerNummers(text);
    }
}
