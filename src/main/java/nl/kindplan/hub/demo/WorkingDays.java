package nl.kindplan.hub.demo;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days as signals.md counts them: Monday to Friday, no holidays. */
final class WorkingDays {

    private WorkingDays() {
    }

    static boolean isWerkdag(LocalDate dag) {
        return dag.getDayOfWeek() != DayOfWeek.SATURDAY && dag.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The day {@code n} working days after {@code dag} (n may be negative to go back). */
    static LocalDate plus(LocalDate dag, int n) {
        int stap = n >= 0 ? 1 : -1;
        LocalDate d = dag;
        for (int te = Math.abs(n); te > 0; ) {
            d = d.plusDays(stap);
            if (isWerkdag(d)) {
                te--;
            }
        }
        return d;
    }
}
