package nl.kindplan.hub.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.signal.SignalCode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The runs as the dashboard shows them: the run register's record with its named counts
 * ({@code source.*}, {@code events.*}, {@code messages.*}) added up into what an operator reads,
 * and one run's detail: per source, per signal, and its files.
 */
@Component
public class RunOverview {

    /** One row of the runs table and one point of the chart. */
    public record RunRow(long runId, LocalDate asOf, String trigger, String status, LocalDateTime startedAt,
                         LocalDateTime finishedAt, Long duurMs, int kinderen, long bestanden, long ingelezen,
                         long afgekeurd, long afgekeurdeBestanden, long dubbel, Map<String, Long> gebeurtenissen,
                         long gebeurtenissenTotaal, Map<String, Long> berichten, String fout) {
    }

    /** A source's share of a run: files, rows taken in and rejected, duplicates and rejected files. */
    public record PerSource(String bron, long bestanden, long ingelezen, long afgekeurd, long dubbel,
                            long afgekeurdeBestanden) {
    }

    /** A signal's events in a run. */
    public record PerSignal(String signaal, long geopend, long bijgewerkt, long opgelost) {
    }

    /** A file taken in for a run (reasons never carry a full BSN). */
    public record RunFile(long id, String bron, String bestand, String status, LocalDateTime ontvangen,
                          int regels, int ingelezen, int afgekeurd, String reden) {
    }

    public record RunDetail(RunRow run, List<PerSource> perBron, List<PerSignal> perSignaal, List<RunFile> bestanden) {
    }

    private final RunRegister register;
    private final JdbcTemplate jdbc;

    public RunOverview(RunRegister register, JdbcTemplate jdbc) {
        this.register = register;
        this.jdbc = jdbc;
    }

    /** The last runs, oldest first (the order of the chart). */
    public List<RunRow> latest(int max) {
        List<RunRow> rows = new ArrayList<>(register.latest(max).stream().map(RunOverview::row).toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    public java.util.Optional<RunDetail> detail(long runId) {
        return register.find(runId).map(run -> new RunDetail(row(run), perSource(run.counts()),
                perSignal(run.counts()), files(runId)));
    }

    static RunRow row(RunRegister.Run run) {
        Map<String, Long> c = run.counts();
        Map<String, Long> events = new LinkedHashMap<>();
        for (SignalCode s : SignalCode.values()) {
            events.put(s.name(), 0L);
        }
        Map<String, Long> messages = new TreeMap<>();
        c.forEach((k, v) -> {
            String[] parts = k.split("\\.");
            if (parts[0].equals("events") && parts.length == 3) {
                events.merge(parts[1], v, Long::sum);
            } else if (parts[0].equals("messages") && parts.length == 2) {
                messages.put(parts[1], v);
            }
        });
        Long duur = run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        return new RunRow(run.runId(), run.asOf(), run.trigger().name(), run.status().name(), run.startedAt(),
                run.finishedAt(), duur, run.kinderen(), sum(c, "files"), sum(c, "takenIn"), sum(c, "rejected"),
                sum(c, "rejectedFiles"), sum(c, "duplicates"), events,
                events.values().stream().mapToLong(Long::longValue).sum(), messages, Privacy.scrub(run.error()));
    }

    private static long sum(Map<String, Long> counts, String what) {
        return counts.entrySet().stream()
                .filter(e -> e.getKey().startsWith("source.") && e.getKey().endsWith("." + what))
                .mapToLong(Map.Entry::getValue).sum();
    }

    private static List<PerSource> perSource(Map<String, Long> counts) {
        Map<String, Map<String, Long>> bySource = new TreeMap<>();
        counts.forEach((k, v) -> {
            String[] parts = k.split("\\.");
            if (parts[0].equals("source") && parts.length == 3) {
                bySource.computeIfAbsent(parts[1], s -> new TreeMap<>()).put(parts[2], v);
            }
        });
        return bySource.entrySet().stream().map(e -> {
            Map<String, Long> m = e.getValue();
            return new PerSource(e.getKey(), m.getOrDefault("files", 0L), m.getOrDefault("takenIn", 0L),
                    m.getOrDefault("rejected", 0L), m.getOrDefault("duplicates", 0L),
                    m.getOrDefault("rejectedFiles", 0L));
        }).toList();
    }

    private static List<PerSignal> perSignal(Map<String, Long> counts) {
        List<PerSignal> list = new ArrayList<>();
        for (SignalCode s : SignalCode.values()) {
            String p = "events." + s.name() + ".";
            list.add(new PerSignal(s.name(), counts.getOrDefault(p + "OPENED", 0L),
                    counts.getOrDefault(p + "UPDATED", 0L), counts.getOrDefault(p + "RESOLVED", 0L)));
        }
        return list;
    }

    private List<RunFile> files(long runId) {
        return jdbc.query("""
                SELECT id, source, file_name, status, received_at, rows_total, rows_taken_in, rows_rejected, reason
                  FROM source_file WHERE run_id = ? ORDER BY id LIMIT 500""",
                (rs, n) -> new RunFile(rs.getLong("id"), rs.getString("source"), rs.getString("file_name"),
                        rs.getString("status"), rs.getTimestamp("received_at").toLocalDateTime(),
                        rs.getInt("rows_total"), rs.getInt("rows_taken_in"), rs.getInt("rows_rejected"),
                        Privacy.scrub(rs.getString("reason"))), runId);
    }
}
