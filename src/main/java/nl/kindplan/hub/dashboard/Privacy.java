package nl.kindplan.hub.dashboard;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kindplan.hub.domain.Elfproef;

/**
 * What the dashboard shows of a child: never a full BSN or onderwijsnummer, never a name. The
 * readers already mask the numbers in their reasons; this is the last line, for every free text.
 */
public final class Privacy {

    private static final Pattern NINE_DIGITS = Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    private Privacy() {
    }

    /** The text with every run of exactly nine digits masked to its last three. */
    public static String scrub(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = NINE_DIGITS.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(Elfproef.masker(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }
}
