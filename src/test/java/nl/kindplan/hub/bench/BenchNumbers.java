package nl.kindplan.hub.bench;

/**
 * BSNs and onderwijsnummers that pass their 11-proef, computed from an index instead of drawn, so
 * that a population of millions needs no set of numbers handed out and child {@code k} always has
 * the same number. Index ranges: children 0 … 2.6 M, new children of the delta night and the second
 * BSN of an identity conflict above that; all below {@link #MAX_INDEX}.
 */
final class BenchNumbers {

    static final int MAX_INDEX = 50_000_000;
    private static final int BSN_BASE = 20_000_000;
    private static final int ONDERWIJSNUMMER_BASE = 10_000_000;
    /** Adding 5 to the first digit adds 45 to the weighted sum: the check digit moves by one, from 10 to 0. */
    private static final int SHIFT = 50_000_000;

    private BenchNumbers() {
    }

    static String bsn(int index) {
        return number(BSN_BASE, index, 0);
    }

    static String onderwijsnummer(int index) {
        return number(ONDERWIJSNUMMER_BASE, index, 5);
    }

    /** The same number with its last digit changed: it fails the 11-proef (a bad row). */
    static String broken(String number) {
        char last = number.charAt(8);
        return number.substring(0, 8) + (char) ('0' + (last - '0' + 1) % 10);
    }

    private static String number(int base, int index, int rest) {
        if (index < 0 || index >= MAX_INDEX - base) {
            throw new IllegalArgumentException("index out of range: " + index);
        }
        int eight = base + index;
        int check = checkDigit(eight, rest);
        if (check == 10) {
            eight += SHIFT;
            check = checkDigit(eight, rest);
        }
        return String.format("%08d%d", eight, check);
    }

    /** (9·d1 + 8·d2 + … + 2·d8 − d9) mod 11 == rest, solved for d9; 10 means no valid digit. */
    private static int checkDigit(int eight, int rest) {
        int sum = 0;
        int n = eight;
        for (int weight = 2; weight <= 9; weight++) {
            sum += weight * (n % 10);
            n /= 10;
        }
        return Math.floorMod(sum - rest, 11);
    }
}
