package nl.kindplan.hub.signal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;

/** Reads a child's stored iJw product lines into toewijzingen and stops. */
public final class Toewijzingen {

    /**
     * Message order: Dagtekening, then BerichtIdentificatie (numerically when both are digits, so
     * "100" comes after "99").
     */
    public static final Comparator<JeugdhulpRegel> BERICHTVOLGORDE = Comparator
            .comparing(JeugdhulpRegel::dagtekening, Comparator.nullsFirst(Comparator.naturalOrder()))
            .thenComparing(JeugdhulpRegel::berichtIdentificatie,
                    Comparator.nullsFirst(Toewijzingen::vergelijkIdentificatie));

    private Toewijzingen() {
    }

    /** Every toewijzing known from a JW301 or JW307 line, by ToewijzingNummer. */
    public static List<Toewijzing> van(List<JeugdhulpRegel> regels) {
        Map<String, JeugdhulpRegel> huidigeJw301 = new LinkedHashMap<>();
        for (JeugdhulpRegel r : regels) {
            if (r.berichttype() == Berichttype.JW301 && r.toewijzingNummer() != null) {
                huidigeJw301.merge(r.toewijzingNummer(), r,
                        (a, b) -> BERICHTVOLGORDE.compare(a, b) >= 0 ? a : b);
            }
        }
        Map<String, List<JeugdhulpRegel>> stops = new LinkedHashMap<>();
        geldigeStops(regels).forEach(s -> stops.computeIfAbsent(s.toewijzingNummer(), k -> new ArrayList<>()).add(s));

        Map<String, Toewijzing> result = new LinkedHashMap<>();
        huidigeJw301.forEach((nr, jw301) -> result.put(nr, new Toewijzing(nr, jw301, stops.getOrDefault(nr, List.of()))));
        stops.forEach((nr, s) -> result.putIfAbsent(nr, new Toewijzing(nr, null, s)));
        return List.copyOf(result.values());
    }

    /**
     * The JW307 stops that count: not themselves a withdrawal (StatusAanlevering 3), and not
     * followed, in {@link #BERICHTVOLGORDE}, by a withdrawal for the same ToewijzingNummer (a
     * withdrawal withdraws every earlier stop of that toewijzing; a stop sent after it counts again).
     */
    public static List<JeugdhulpRegel> geldigeStops(List<JeugdhulpRegel> regels) {
        List<JeugdhulpRegel> jw307 = regels.stream()
                .filter(r -> r.berichttype() == Berichttype.JW307 && r.toewijzingNummer() != null)
                .toList();
        return jw307.stream()
                .filter(s -> !s.isIntrekking())
                .filter(s -> jw307.stream().noneMatch(w -> w.isIntrekking()
                        && Objects.equals(w.toewijzingNummer(), s.toewijzingNummer())
                        && BERICHTVOLGORDE.compare(w, s) > 0))
                .toList();
    }

    static int vergelijkIdentificatie(String a, String b) {
        if (a.matches("[0-9]+") && b.matches("[0-9]+")) {
            String x = a.replaceFirst("^0+(?=.)", "");
            String y = b.replaceFirst("^0+(?=.)", "");
            return x.length() != y.length() ? Integer.compare(x.length(), y.length()) : x.compareTo(y);
        }
        return a.compareTo(b);
    }
}
