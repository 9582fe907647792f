package nl.kindplan.hub;

import java.util.concurrent.atomic.AtomicInteger;

import nl.kindplan.hub.domain.Elfproef;

/** Synthetic, valid BSNs and onderwijsnummers for tests; each call gives one not given before. */
public final class TestBsn {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000_000);

    private TestBsn() {
    }

    public static String bsn() {
        return next(true);
    }

    public static String onderwijsnummer() {
        return next(false);
    }

    private static String next(boolean bsn) {
        while (true) {
            String base = String.format("%08d", NEXT.getAndIncrement()).substring(0, 8);
            for (int d = 0; d <= 9; d++) {
                String candidate = base + d;
                if (bsn ? Elfproef.isBsn(candidate) : Elfproef.isOnderwijsnummer(candidate)) {
                    return candidate;
                }
            }
        }
    }
}
