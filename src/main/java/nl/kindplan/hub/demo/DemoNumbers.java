package nl.kindplan.hub.demo;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;

/**
 * Unique demo BSNs and onderwijsnummers that pass their 11-proef (inputs.md). They carry fixed
 * prefixes (99 for a BSN, 10 for an onderwijsnummer) so demo data is recognisable as such.
 */
final class DemoNumbers {

    private static final int BSN_REST = 0;
    private static final int ONDERWIJSNUMMER_REST = 5;

    private final Random random;
    private final Set<String> uitgegeven = new HashSet<>();

    DemoNumbers(Random random) {
        this.random = random;
    }

    String bsn() {
        return nieuw("99", BSN_REST);
    }

    String onderwijsnummer() {
        return nieuw("10", ONDERWIJSNUMMER_REST);
    }

    private String nieuw(String prefix, int rest) {
        while (true) {
            StringBuilder s = new StringBuilder(prefix);
            while (s.length() < 8) {
                s.append((char) ('0' + random.nextInt(10)));
            }
            int som = 0;
            for (int i = 0; i < 8; i++) {
                som += (9 - i) * (s.charAt(i) - '0');
            }
            // the ninth digit counts -1: (som - d9) mod 11 == rest
            int laatste = Math.floorMod(som - rest, 11);
            if (laatste == 10) {
                continue;
            }
            String nummer = s.append((char) ('0' + laatste)).toString();
            if (uitgegeven.add(nummer)) {
                return nummer;
            }
        }
    }
}
