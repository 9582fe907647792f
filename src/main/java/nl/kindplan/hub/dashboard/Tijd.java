package nl.kindplan.hub.dashboard;

import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/**
 * The store keeps the hub's local time without a zone; the dashboard gets it with its offset, so that
 * a browser in another zone shows the right moment (and the page shows it in Europe/Amsterdam).
 */
public final class Tijd {

    private Tijd() {
    }

    public static OffsetDateTime metZone(LocalDateTime local) {
        return local == null ? null : local.atZone(ZoneId.systemDefault()).toOffsetDateTime();
    }
}
