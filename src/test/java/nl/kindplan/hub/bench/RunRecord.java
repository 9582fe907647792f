package nl.kindplan.hub.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Map;
import java.util.TreeMap;

/**
 * The figures of the last night as the hub recorded them: table {@code nightly_run} (children,
 * start and end, status, complete) and its {@code run_count} counters (phase times, peak heap,
 * messages, per source files/takenIn/rejected, events).
 */
record RunRecord(long runId, String status, Boolean complete, long kinderen, long spanMillis,
                 Map<String, Long> counts) {

    static RunRecord last(Connection c) throws SQLException {
        try (PreparedStatement run = c.prepareStatement("SELECT id, status, complete, kinderen, started_at, finished_at "
                + "FROM nightly_run ORDER BY id DESC LIMIT 1");
             ResultSet rs = run.executeQuery()) {
            if (!rs.next()) {
                throw new IllegalStateException("the hub recorded no run");
            }
            long id = rs.getLong(1);
            String status = rs.getString(2);
            Boolean complete = (Boolean) rs.getObject(3);
            long kinderen = rs.getLong(4);
            Timestamp started = rs.getTimestamp(5);
            Timestamp finished = rs.getTimestamp(6);
            long span = finished == null ? -1 : finished.getTime() - started.getTime();
            Map<String, Long> counts = new TreeMap<>();
            try (PreparedStatement q = c.prepareStatement("SELECT counter, amount FROM run_count WHERE run_id = ?")) {
                q.setLong(1, id);
                try (ResultSet r = q.executeQuery()) {
                    while (r.next()) {
                        counts.put(r.getString(1), r.getLong(2));
                    }
                }
            }
            return new RunRecord(id, status, complete, kinderen, span, counts);
        }
    }

    long count(String counter) {
        return counts.getOrDefault(counter, 0L);
    }

    /** A counter summed over the sources or signals: {@code sum("source.", ".takenIn")}. */
    long sum(String prefix, String suffix) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && e.getKey().endsWith(suffix))
                .mapToLong(Map.Entry::getValue).sum();
    }

    long phase(String phase) {
        return count("phase." + phase + ".ms");
    }

    long phasesMillis() {
        return phase("FETCHING") + phase("TAKING_IN") + phase("EVALUATING") + phase("DELIVERING");
    }
}
