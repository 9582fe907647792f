package nl.kindplan.hub.ingest.ijw;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.CodeTable;

/**
 * The element values read from one part of a message (the message itself, or one product element),
 * with typed getters that check them. Any problem rejects the whole message: the reason names the
 * element and its line, and shows the value only when it is no personal data.
 */
final class Waarden {

    /** Whether a field must be there. */
    enum Eis {
        VERPLICHT,
        /** Required whenever its parent element is there (e.g. Product/Categorie: Product is optional). */
        IN_OUDER,
        OPTIONEEL
    }

    /** The trimmed text of a leaf element and the line it starts on. */
    record Waarde(String tekst, long regel) {
    }

    /** A value shown in a reason is cut here: it is there to recognise, not to copy. */
    private static final int MAX_GETOOND = 40;

    private final String context;
    private final boolean persoonlijk;
    private final Map<String, Waarde> waarden;
    private final Set<String> elementen;
    private final PadLookup paden;
    private final IjwVelden velden;

    /** Resolves a hub field to its element paths. */
    @FunctionalInterface
    interface PadLookup {
        List<String> paden(String veld);
    }

    /**
     * @param context     how reasons name this part, e.g. {@code JW305 StartProduct op regel 24}
     * @param persoonlijk whether values are personal data and must never appear in a reason
     * @param waarden     path → value of every wanted leaf element that was there
     * @param elementen   paths of the (parent) elements that were there
     */
    Waarden(String context, boolean persoonlijk, Map<String, Waarde> waarden, Set<String> elementen,
            PadLookup paden, IjwVelden velden) {
        this.context = context;
        this.persoonlijk = persoonlijk;
        this.waarden = waarden;
        this.elementen = elementen;
        this.paden = paden;
        this.velden = velden;
    }

    /** The same values under another name and privacy, e.g. the Client part of the message. */
    Waarden als(String andereContext, boolean anderPersoonlijk) {
        return new Waarden(andereContext, anderPersoonlijk, waarden, elementen, paden, velden);
    }

    String context() {
        return context;
    }

    /** The text, or null when the field is absent and may be. An element that is there may not be empty. */
    String tekst(String veld, Eis eis) throws UnreadableFileException {
        Gevonden g = zoek(veld, eis);
        return g == null ? null : g.waarde.tekst();
    }

    /** The text, which must match {@code patroon} (e.g. a 4-digit code). */
    String patroon(String veld, Eis eis, Pattern patroon, String omschrijving) throws UnreadableFileException {
        Gevonden g = zoek(veld, eis);
        if (g == null) {
            return null;
        }
        if (!patroon.matcher(g.waarde.tekst()).matches()) {
            throw fout(g, toon(g) + "is geen " + omschrijving);
        }
        return g.waarde.tekst();
    }

    /** A date in the mapping's pattern, strictly: 2027-06-31 is an error, not 2027-06-30. */
    LocalDate datum(String veld, Eis eis) throws UnreadableFileException {
        Gevonden g = zoek(veld, eis);
        if (g == null) {
            return null;
        }
        try {
            return LocalDate.parse(g.waarde.tekst(), velden.datum());
        } catch (DateTimeParseException e) {
            throw new UnreadableFileException(melding(g, toon(g) + "is geen geldige datum (formaat " + velden.datumPatroon() + ")"), e);
        }
    }

    /** The code of a code table that the value stands for (the code itself or a synonym). */
    String code(String veld, Eis eis, CodeTable tabel) throws UnreadableFileException {
        Gevonden g = zoek(veld, eis);
        if (g == null) {
            return null;
        }
        return tabel.resolve(g.waarde.tekst())
                .map(CodeTable.Code::code)
                .orElseThrow(() -> fout(g, toon(g) + "is geen bekende code (codetabel " + tabel.naam() + ")"));
    }

    /** The text as given, unchecked, or null: only for a note about a message that is not read. */
    String ongecontroleerd(String veld) {
        for (String pad : paden.paden(veld)) {
            Waarde w = waarden.get(pad);
            if (w != null) {
                return w.tekst();
            }
        }
        return null;
    }

    private record Gevonden(String pad, Waarde waarde) {
    }

    private Gevonden zoek(String veld, Eis eis) throws UnreadableFileException {
        List<String> kandidaten = paden.paden(veld);
        for (String pad : kandidaten) {
            Waarde w = waarden.get(pad);
            if (w != null) {
                Gevonden g = new Gevonden(pad, w);
                if (w.tekst().isEmpty()) {
                    throw fout(g, "is leeg");
                }
                return g;
            }
        }
        if (eis == Eis.VERPLICHT) {
            throw new UnreadableFileException(context + ": het verplichte element " + kandidaten.get(0) + " ontbreekt");
        }
        if (eis == Eis.IN_OUDER) {
            for (String pad : kandidaten) {
                int slash = pad.lastIndexOf('/');
                if (slash > 0 && elementen.contains(pad.substring(0, slash))) {
                    throw new UnreadableFileException(context + ": " + pad.substring(0, slash)
                            + " mist het verplichte element " + pad.substring(slash + 1));
                }
            }
        }
        return null;
    }

    private String toon(Gevonden g) {
        if (persoonlijk) {
            return "";
        }
        String t = g.waarde.tekst();
        return "'" + (t.length() > MAX_GETOOND ? t.substring(0, MAX_GETOOND) + "..." : t) + "' ";
    }

    private UnreadableFileException fout(Gevonden g, String wat) {
        return new UnreadableFileException(melding(g, wat));
    }

    private String melding(Gevonden g, String wat) {
        return context + ": " + g.pad + " op regel " + g.waarde.regel() + " " + wat;
    }
}
