package nl.kindplan.hub.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The figures of one night on one database, and the table they make: per phase the time and its
 * rate, the run's time against the parse floor, memory and disk. Printed aligned on stdout and
 * written as markdown and CSV.
 */
record NightFigures(String database, String night, Tally input, ParseFloor.Result floor, HubRun.Outcome outcome,
                    RunRecord record, long databaseBytes) {

    static final List<String> COLUMNS = List.of("db", "night", "files", "rows", "input MB", "children", "messages",
            "intake s", "files/s", "rows/s", "eval s", "children/s", "delivery s", "msg/s", "run s (phases)",
            "run s (span)", "floor s", "ratio", "heap MB", "RSS MB", "db MB", "exit", "status");

    List<String> cells() {
        List<String> c = new ArrayList<>();
        c.add(database);
        c.add(night);
        c.add(Long.toString(input.files()));
        c.add(Long.toString(input.rows()));
        c.add(f1(input.bytes() / 1e6));
        if (record == null) {
            while (c.size() < COLUMNS.size() - 6) {
                c.add("-");
            }
            c.add(f1(floor.millis() / 1000.0));
            c.add("-");
            c.add("-");
            c.add(Long.toString(outcome.peakRssMb()));
            c.add(databaseBytes < 0 ? "-" : f1(databaseBytes / 1e6));
            c.add(Integer.toString(outcome.exitCode()));
            c.add("no run record");
            return c;
        }
        double intake = record.phase("TAKING_IN") / 1000.0;
        double eval = record.phase("EVALUATING") / 1000.0;
        double delivery = record.phase("DELIVERING") / 1000.0;
        long sent = record.count("messages.SENT");
        c.add(Long.toString(record.kinderen()));
        c.add(Long.toString(sent));
        c.add(f1(intake));
        c.add(rate(record.sum("source.", ".files"), intake));
        c.add(rate(record.sum("source.", ".takenIn") + record.sum("source.", ".rejected"), intake));
        c.add(f1(eval));
        c.add(rate(record.kinderen(), eval));
        c.add(f1(delivery));
        c.add(rate(sent, delivery));
        c.add(f1(record.phasesMillis() / 1000.0));
        c.add(record.spanMillis() < 0 ? "-" : f1(record.spanMillis() / 1000.0));
        c.add(f1(floor.millis() / 1000.0));
        c.add(floor.millis() == 0 || record.spanMillis() < 0 ? "-"
                : String.format(Locale.ROOT, "%.0f×", (double) record.spanMillis() / floor.millis()));
        c.add(Long.toString(record.count("heap.peak.mb")));
        c.add(Long.toString(outcome.peakRssMb()));
        c.add(databaseBytes < 0 ? "-" : f1(databaseBytes / 1e6));
        c.add(Integer.toString(outcome.exitCode()));
        c.add(record.status() + (Boolean.FALSE.equals(record.complete()) ? " (incomplete)" : ""));
        return c;
    }

    static String table(List<NightFigures> nights) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(COLUMNS);
        nights.forEach(n -> rows.add(n.cells()));
        int[] width = new int[COLUMNS.size()];
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                width[i] = Math.max(width[i], row.get(i).length());
            }
        }
        StringBuilder s = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String cell = row.get(i);
                // text left, figures right
                s.append(i < 2 || i == row.size() - 1 ? String.format("%-" + width[i] + "s", cell)
                        : String.format("%" + width[i] + "s", cell));
                s.append(i == row.size() - 1 ? "\n" : "  ");
            }
        }
        return s.toString();
    }

    static String markdown(List<NightFigures> nights) {
        StringBuilder s = new StringBuilder("| " + String.join(" | ", COLUMNS) + " |\n|");
        COLUMNS.forEach(c -> s.append("---|"));
        s.append('\n');
        nights.forEach(n -> s.append("| ").append(String.join(" | ", n.cells())).append(" |\n"));
        return s.toString();
    }

    static String csv(List<NightFigures> nights) {
        StringBuilder s = new StringBuilder(String.join(";", COLUMNS)).append('\n');
        nights.forEach(n -> s.append(String.join(";", n.cells())).append('\n'));
        return s.toString();
    }

    private static String rate(long amount, double seconds) {
        return seconds <= 0 ? "-" : String.format(Locale.ROOT, "%.0f", amount / seconds);
    }

    private static String f1(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
