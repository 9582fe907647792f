package nl.kindplan.hub;

import java.util.concurrent.atomic.AtomicInteger;

import nl.kindplan.hub.domain.Elfproef;

/** Synthetic, valid BSNs and onderwijsnummers for tests; each call gives one not given before. */
public final class TestBsn {

    private static final AtomicInteger NEXT = new AtomicInteger(10_000_000);
    /** Every number handed out in this JVM, for the log scan. */
    private static final java.util.Set<String> ISSUED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private TestBsn() {
    }

    public static String bsn() {
        return next(true);
    }

    public static String onderwijsnummer() {
        return next(false);
    }

    /** The BSNs and onderwijsnummers given out so far in this JVM. */
    public static java.util.Set<String> issued() {
        return java.util.Set.copyOf(ISSUED);
    }

    private static String next(boolean bsn) {
        while (true) {
            String base = String.format("%08d", NEXT.getAndIncrement()).substring(0, 8);
            for (int d = 0; d <= 9; d++) {
                String candidate = base + d;
                if (bsn ? Elfproef.isBsn(candidate) : Elfproef.isOnderwijsnummer(candidate)) {
                    ISSUED.add(candidate);
                    return candidate;
                }
            }
        }
    }
}
