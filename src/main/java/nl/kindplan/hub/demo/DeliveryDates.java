package nl.kindplan.hub.demo;

import java.time.LocalDate;
import java.util.List;

/**
 * When the demo sources delivered their files, relative to the reference date: weekly verzuim
 * exports and registration mutaties over the last four weeks, and yesterday's full registrations
 * snapshot and EDEXML peildatum. Every fact of the demo is known by yesterday, so the snapshot,
 * which a folder consumer takes in after the mutatie files (name order), agrees with them.
 */
record DeliveryDates(LocalDate gisteren, List<LocalDate> verzuim, List<LocalDate> mutaties, LocalDate volledig,
                 LocalDate peildatum) {

    static DeliveryDates voor(LocalDate asOf) {
        LocalDate gisteren = asOf.minusDays(1);
        return new DeliveryDates(gisteren,
                List.of(asOf.minusDays(28), asOf.minusDays(21), asOf.minusDays(14), asOf.minusDays(7), gisteren),
                List.of(asOf.minusDays(28), asOf.minusDays(21), asOf.minusDays(14), asOf.minusDays(7)),
                gisteren, gisteren);
    }

    /**
     * Whether {@code dag} falls in the week delivered by file {@code i} of {@code data}:
     * after the previous file's date and on or before this one's. With {@code ookOuder}, the first
     * file also carries everything before it (an initial delivery).
     */
    static boolean inLevering(List<LocalDate> data, int i, LocalDate dag, boolean ookOuder) {
        if (dag == null || dag.isAfter(data.get(i))) {
            return false;
        }
        if (i == 0) {
            return ookOuder || dag.isAfter(data.get(0).minusDays(7));
        }
        return dag.isAfter(data.get(i - 1));
    }
}
