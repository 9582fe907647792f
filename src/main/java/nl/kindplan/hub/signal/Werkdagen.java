package nl.kindplan.hub.signal;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Working days are Monday to Friday (signals.md); public holidays are not taken into account. */
public final class Werkdagen {

    private Werkdagen() {
    }

    public static boolean isWerkdag(LocalDate dag) {
        DayOfWeek dow = dag.getDayOfWeek();
        return dow != DayOfWeek.SATURDAY && dow != DayOfWeek.SUNDAY;
    }

    /**
     * The {@code n}-th working day after {@code datum} (the date itself never counts). "More than 5
     * working days after X" holds from {@code werkdagNa(X, 6)} on.
     */
    public static LocalDate werkdagNa(LocalDate datum, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be at least 1, got " + n);
        }
        LocalDate dag = datum;
        int geteld = 0;
        while (geteld < n) {
            dag = dag.plusDays(1);
            if (isWerkdag(dag)) {
                geteld++;
            }
        }
        return dag;
    }
}
