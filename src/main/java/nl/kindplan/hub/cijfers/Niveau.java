package nl.kindplan.hub.cijfers;

import java.util.Locale;

/** What the figures are grouped by: the case's gemeente or its samenwerkingsverband (as the outbox sent it). */
public enum Niveau {
    GEMEENTE, SWV;

    public static Niveau parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("niveau is gemeente of swv, niet '" + text + "'", e);
        }
    }

    /** The outbox recipient type whose code names the group. */
    String recipientType() {
        return name();
    }
}
