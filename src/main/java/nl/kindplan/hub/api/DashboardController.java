package nl.kindplan.hub.api;

import java.time.LocalDateTime;
import java.util.List;

import nl.kindplan.hub.dashboard.HubHealth;
import nl.kindplan.hub.dashboard.OpenCases;
import nl.kindplan.hub.dashboard.Queues;
import nl.kindplan.hub.dashboard.Rejections;
import nl.kindplan.hub.dashboard.RouteStatistics;
import nl.kindplan.hub.dashboard.RunOverview;
import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.run.RunService;
import nl.kindplan.hub.run.UnmatchedFiles;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * What the dashboard ({@code /}) reads: routes, health, runs, rejections and open cases. Read-only;
 * no full BSN or name in any of it (a child's record is {@code GET /api/kinderen/{bsn}}).
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {

    /** Whether a run is in progress now, and which. */
    public record Status(boolean bezig, Long runId, LocalDateTime gestart) {
    }

    private final RouteStatistics routes;
    private final HubHealth health;
    private final RunOverview runs;
    private final Rejections rejections;
    private final OpenCases cases;
    private final RunService runService;
    private final RunRegister register;
    private final Queues queues;
    private final UnmatchedFiles unmatched;

    public DashboardController(RouteStatistics routes, HubHealth health, RunOverview runs, Rejections rejections,
                               OpenCases cases, RunService runService, RunRegister register, Queues queues,
                               UnmatchedFiles unmatched) {
        this.routes = routes;
        this.health = health;
        this.runs = runs;
        this.rejections = rejections;
        this.cases = cases;
        this.runService = runService;
        this.register = register;
        this.queues = queues;
        this.unmatched = unmatched;
    }

    @GetMapping("/status")
    public Status status() {
        boolean bezig = runService.isRunning();
        return register.latest(1).stream().filter(r -> r.status() == RunRegister.Status.RUNNING).findFirst()
                .map(r -> new Status(true, r.runId(), r.startedAt()))
                .orElse(new Status(bezig, null, null));
    }

    @GetMapping("/routes")
    public List<RouteStatistics.RouteView> routes() {
        return routes.routes();
    }

    @GetMapping("/gezondheid")
    public HubHealth.Overview gezondheid() {
        return health.overview();
    }

    /** The last runs, oldest first: the table and the chart. */
    @GetMapping("/runs")
    public List<RunOverview.RunRow> runs(@RequestParam(name = "max", defaultValue = "30") int max) {
        return runs.latest(Math.min(Math.max(max, 1), 200));
    }

    @GetMapping("/runs/{runId}")
    public RunOverview.RunDetail run(@PathVariable("runId") long runId) {
        return runs.detail(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "geen run " + runId));
    }

    @GetMapping("/afkeur")
    public Rejections.Overview afkeur() {
        return rejections.overview(50, 200);
    }

    @GetMapping("/zaken")
    public OpenCases.Overview zaken() {
        return cases.overview();
    }

    /** Every kindplan.* queue of the broker: depth, consumers, oldest message. */
    @GetMapping("/wachtrijen")
    public Queues.Overview wachtrijen() {
        return queues.overview();
    }

    /** Per inbox, the files lying there now that no route takes, with the pattern their names should match. */
    @GetMapping("/niet-opgepakt")
    public List<NietOpgepakt> nietOpgepakt() {
        return unmatched.scan().stream()
                .map(i -> new NietOpgepakt(i.source().name(), i.pattern(), i.files())).toList();
    }

    /** An inbox's files no route takes (its folder is left out: the dashboard shows no paths of the server). */
    public record NietOpgepakt(String bron, String patroon, List<String> bestanden) {
    }
}
