package nl.kindplan.hub.dashboard;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.signal.SignalCode;
import org.springframework.stereotype.Component;

/**
 * The runs as the dashboard shows them: the run register's record with its named counts
 * ({@code source.*}, {@code events.*}, {@code messages.*}) added up into what an operator reads,
 * and one run's detail: per source, per signal, and its files.
 */
@Component
public class RunOverview {

    /**
     * How a run ended as an operator must read it: a run that succeeded but did not reach every source
     * or take in every file is ONVOLLEDIG (amber), not GESLAAGD (green).
     */
    public enum Toestand { BEZIG, GESLAAGD, ONVOLLEDIG, MISLUKT }

    /**
     * One row of the runs table and one point of the chart. {@code complete} as the run API has it;
     * {@code redenen}: why a run is onvolledig or mislukt, in Dutch; {@code gestartDoor}: the user who
     * started it from the API or the dashboard (none for the schedule and run-once).
     */
    public record RunRow(long runId, LocalDate asOf, String trigger, String status, OffsetDateTime startedAt,
                         OffsetDateTime finishedAt, Long duurMs, int kinderen, long bestanden, long ingelezen,
                         long afgekeurd, long afgekeurdeBestanden, long dubbel, Map<String, Long> gebeurtenissen,
                         long gebeurtenissenTotaal, Map<String, Long> berichten, String fout, Boolean complete,
                         Toestand toestand, List<String> redenen, long nietOpgepakt, String gestartDoor,
                         Map<String, Long> openZaken) {
    }

    /** A source's share of a run: files, rows taken in and rejected, duplicates and rejected files. */
    public record PerSource(String bron, long bestanden, long ingelezen, long afgekeurd, long dubbel,
                            long afgekeurdeBestanden) {
    }

    /** A signal's events in a run. */
    public record PerSignal(String signaal, long geopend, long bijgewerkt, long opgelost) {
    }

    /** A file taken in for a run (reasons never carry a full BSN). */
    public record RunFile(long id, String bron, String bestand, String status, OffsetDateTime ontvangen,
                          int regels, int ingelezen, int afgekeurd, String reden) {
    }

    /** A run's detail; {@code bestanden}: its first files (see {@link #files}), {@code bestandenTotaal}: all. */
    public record RunDetail(RunRow run, List<PerSource> perBron, List<PerSignal> perSignaal, List<RunFile> bestanden,
                            long bestandenTotaal) {
    }

    /** One page of a run's files as the detail filters them. */
    public record FilesPage(long totaal, int pagina, int perPagina, List<RunFile> bestanden) {
    }

    /** Files per page in the run detail. */
    public static final int PER_PAGINA = 50;

    private final RunRegister register;

    public RunOverview(RunRegister register) {
        this.register = register;
    }

    /** The last runs, oldest first (the order of the chart). */
    public List<RunRow> latest(int max) {
        List<RunRow> rows = new ArrayList<>(register.latest(max).stream().map(this::row).toList());
        java.util.Collections.reverse(rows);
        return rows;
    }

    public java.util.Optional<RunDetail> detail(long runId) {
        return register.find(runId).map(run -> {
            FilesPage first = files(runId, null, null, null, 1);
            return new RunDetail(row(run), perSource(run.counts()), perSignal(run.counts()), first.bestanden(),
                    first.totaal());
        });
    }

    RunRow row(RunRegister.Run run) {
        return row(run, register.startedBy(run.runId()).orElse(null));
    }

    static RunRow row(RunRegister.Run run, String startedBy) {
        Map<String, Long> c = run.counts();
        Map<String, Long> events = new LinkedHashMap<>();
        for (SignalCode s : SignalCode.values()) {
            events.put(s.name(), 0L);
        }
        Map<String, Long> messages = new TreeMap<>();
        // open cases per signal after the night (recorded from this version on; older runs have none)
        Map<String, Long> open = new LinkedHashMap<>();
        c.forEach((k, v) -> {
            if (k.startsWith("open.")) {
                open.put(k.substring("open.".length()), v);
            }
            String[] parts = k.split("\\.");
            if (parts[0].equals("events") && parts.length == 3) {
                events.merge(parts[1], v, Long::sum);
            } else if (parts[0].equals("messages") && parts.length == 2) {
                messages.put(parts[1], v);
            }
        });
        Long duur = run.finishedAt() == null ? null : Duration.between(run.startedAt(), run.finishedAt()).toMillis();
        return new RunRow(run.runId(), run.asOf(), run.trigger().name(), run.status().name(),
                Tijd.metZone(run.startedAt()), Tijd.metZone(run.finishedAt()), duur, run.kinderen(), sum(c, "files"),
                sum(c, "takenIn"), sum(c, "rejected"), sum(c, "rejectedFiles"), sum(c, "duplicates"), events,
                events.values().stream().mapToLong(Long::longValue).sum(), messages, Privacy.scrub(run.error()),
                run.complete(), toestand(run), redenen(run), unmatched(c), startedBy, open);
    }

    static Toestand toestand(RunRegister.Run run) {
        return switch (run.status()) {
            case RUNNING -> Toestand.BEZIG;
            case FAILED -> Toestand.MISLUKT;
            // a run from before the hub recorded completeness counts as it was shown then
            case SUCCEEDED -> Boolean.FALSE.equals(run.complete()) ? Toestand.ONVOLLEDIG : Toestand.GESLAAGD;
        };
    }

    /** Why a run was not complete (or failed), one line per cause, in the words an operator reads. */
    static List<String> redenen(RunRegister.Run run) {
        List<String> redenen = new ArrayList<>();
        if (run.status() == RunRegister.Status.FAILED) {
            redenen.add("de run is mislukt" + (run.error() == null ? "" : ": " + Privacy.scrub(run.error())));
        }
        for (RunRegister.SourceRecord source : run.sources() == null ? List.<RunRegister.SourceRecord>of() : run.sources()) {
            String bron = source.source();
            if (source.rejectedFiles() > 0) {
                redenen.add(bron + ": " + source.rejectedFiles() + " bestand(en) geheel afgekeurd");
            }
            long unmatched = run.counts().getOrDefault(RunRegister.UNMATCHED_COUNTER + bron, 0L);
            if (unmatched > 0) {
                redenen.add(bron + ": " + unmatched + " bestand(en) in de inbox die door geen route worden opgepakt");
            }
            List<String> others = source.problems().stream().filter(p -> !RunRegister.isUnmatchedProblem(p)).toList();
            if (others.size() == 1) {
                redenen.add(bron + ": " + Privacy.scrub(others.get(0)));
            } else if (others.size() > 1) {
                redenen.add(bron + ": " + others.size() + " problemen, de eerste: " + Privacy.scrub(others.get(0)));
            }
        }
        if (redenen.isEmpty() && toestand(run) == Toestand.ONVOLLEDIG) {
            redenen.add("niet elke bron bereikt of niet elk bestand ingelezen");
        }
        return redenen;
    }

    private static long unmatched(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(e -> e.getKey().startsWith(RunRegister.UNMATCHED_COUNTER))
                .mapToLong(Map.Entry::getValue).sum();
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

    /** Page {@code pagina} (from 1) of a run's files, filtered by source, status and a part of the name. */
    public FilesPage files(long runId, String bron, String status, String zoek, int pagina) {
        int page = Math.max(1, pagina);
        RunRegister.FilePage found = register.files(runId, bron, status, zoek, (page - 1) * PER_PAGINA, PER_PAGINA);
        return new FilesPage(found.total(), page, PER_PAGINA, found.files().stream().map(f -> new RunFile(f.id(),
                f.source(), f.fileName(), f.status(), Tijd.metZone(f.receivedAt()), f.rowsTotal(), f.rowsTakenIn(),
                f.rowsRejected(), Privacy.scrub(f.reason()))).toList());
    }
}
