package nl.kindplan.hub.domain;

/**
 * The 11-proef of inputs.md: weights 9..2 on the first eight digits and -1 on the ninth.
 * A BSN's weighted sum is 0 mod 11; an onderwijsnummer's is 5 mod 11 (floor modulo).
 */
public final class Elfproef {

    private Elfproef() {
    }

    public static boolean isBsn(String nummer) {
        return rest(nummer) == 0;
    }

    public static boolean isOnderwijsnummer(String nummer) {
        return rest(nummer) == 5;
    }

    /** Masks a BSN or onderwijsnummer for logs and reports: only the last three digits show. */
    private static final java.util.regex.Pattern NEGEN_CIJFERS = java.util.regex.Pattern.compile("(?<![0-9])[0-9]{9}(?![0-9])");

    /** The text with every run of exactly nine digits (a BSN or onderwijsnummer, perhaps) masked to its last three. */
    public static String maskeerNummers(String tekst) {
        if (tekst == null) {
            return null;
        }
        java.util.regex.Matcher m = NEGEN_CIJFERS.matcher(tekst);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(masker(m.group())));
        }
        m.appendTail(out);
        return out.toString();
    }

    public static String masker(String nummer) {
        if (nummer == null || nummer.length() < 4) {
            return "***";
        }
        return "*".repeat(nummer.length() - 3) + nummer.substring(nummer.length() - 3);
    }

    private static int rest(String nummer) {
        if (nummer == null || !nummer.matches("[0-9]{9}")) {
            return -1;
        }
        int som = 0;
        for (int i = 0; i < 8; i++) {
            som += (9 - i) * (nummer.charAt(i) - '0');
        }
        som -= nummer.charAt(8) - '0';
        return Math.floorMod(som, 11);
    }
}
