package nl.kindplan.hub.ingest.ijw;

import java.time.format.DateTimeFormatter;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.mapping.SourceMapping;

/**
 * The element paths of {@code mappings/ijw.yaml}: per hub field the paths (local names joined by
 * {@code /}) it may be read from, tried in order. Header and client fields are relative to the
 * root {@code Bericht}, product fields to the product element. A key {@code jwNNN.field} overrides
 * {@code field} for that message type; {@code jwNNN.regel} names that type's product element.
 */
final class IjwVelden {

    /** The product element of a message type. */
    static final String REGEL = "regel";

    private final Map<String, List<String>> fields;
    private final DateTimeFormatter datum;
    private final String datumPatroon;

    IjwVelden(SourceMapping mapping) {
        this.fields = mapping.fields() == null ? Map.of() : mapping.fields();
        this.datum = mapping.dateFormatter();
        this.datumPatroon = mapping.datePattern() == null ? "yyyy-MM-dd" : mapping.datePattern();
        checkComplete();
    }

    /** The paths of a message-level (header or client) field. */
    List<String> paden(String veld) {
        return verplicht(veld, fields.get(veld));
    }

    /** The paths of a field of one message type: its own key first, else the shared one. */
    List<String> paden(String soortSleutel, String veld) {
        List<String> eigen = fields.get(soortSleutel + "." + veld);
        if (eigen != null && !eigen.isEmpty()) {
            return eigen;
        }
        return verplicht(soortSleutel + "." + veld + " (or " + veld + ")", fields.get(veld));
    }

    DateTimeFormatter datum() {
        return datum;
    }

    String datumPatroon() {
        return datumPatroon;
    }

    /** Every message-level path the reader needs, for the streaming scan. */
    Set<String> berichtPaden() {
        Set<String> paden = new LinkedHashSet<>();
        Kop.VELDEN.forEach(v -> paden.addAll(paden(v)));
        ClientGegevens.VELDEN.forEach(v -> paden.addAll(paden(v)));
        return paden;
    }

    /** Every product-level path the reader needs for one message type. */
    Set<String> productPaden(Berichttype type) {
        Set<String> paden = new LinkedHashSet<>();
        String sleutel = type.name().toLowerCase(Locale.ROOT);
        ProductRegels.velden(type).forEach(v -> paden.addAll(paden(sleutel, v)));
        return paden;
    }

    /** A missing field is a broken mapping: fail at start-up, not on the first file. */
    private void checkComplete() {
        berichtPaden();
        for (Berichttype t : Berichttype.values()) {
            paden(t.name().toLowerCase(Locale.ROOT), REGEL);
            productPaden(t);
        }
    }

    private static List<String> verplicht(String veld, List<String> paden) {
        if (paden == null || paden.isEmpty()) {
            throw new IllegalStateException("mappings/ijw.yaml names no element path for field " + veld);
        }
        return paden;
    }
}
