package nl.kindplan.hub.api;

import java.security.Principal;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import nl.kindplan.hub.dashboard.HubHealth;
import nl.kindplan.hub.cases.OpenCases;
import nl.kindplan.hub.dashboard.Queues;
import nl.kindplan.hub.dashboard.Rejections;
import nl.kindplan.hub.dashboard.RouteControl;
import nl.kindplan.hub.dashboard.RouteStatistics;
import nl.kindplan.hub.dashboard.RunOverview;
import nl.kindplan.hub.dashboard.Tijd;
import nl.kindplan.hub.run.RouteActions;
import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.run.RunService;
import nl.kindplan.hub.run.UnmatchedFiles;
import org.apache.camel.CamelContext;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    /** Whether a run is in progress now, and which; when the schedule starts the next night. */
    public record Status(boolean bezig, Long runId, OffsetDateTime gestart, OffsetDateTime volgendeNacht) {
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
    private final RouteControl routeControl;
    private final RouteActions routeActions;
    private final CamelContext camel;
    private final String cron;

    public DashboardController(RouteStatistics routes, HubHealth health, RunOverview runs, Rejections rejections,
                               OpenCases cases, RunService runService, RunRegister register, Queues queues,
                               UnmatchedFiles unmatched, RouteControl routeControl, RouteActions routeActions,
                               CamelContext camel, @Value("${kindplan.run.cron}") String cron) {
        this.routes = routes;
        this.health = health;
        this.runs = runs;
        this.rejections = rejections;
        this.cases = cases;
        this.runService = runService;
        this.register = register;
        this.queues = queues;
        this.unmatched = unmatched;
        this.routeControl = routeControl;
        this.routeActions = routeActions;
        this.camel = camel;
        this.cron = cron;
    }

    @GetMapping("/status")
    public Status status() {
        boolean bezig = runService.isRunning();
        OffsetDateTime volgende = nextNight();
        return register.latest(1).stream().filter(r -> r.status() == RunRegister.Status.RUNNING).findFirst()
                .map(r -> new Status(true, r.runId(), Tijd.metZone(r.startedAt()), volgende))
                .orElse(new Status(bezig, null, null, volgende));
    }

    /** The schedule's next tick (kindplan.run.cron, in the hub's zone), unless its route is stopped. */
    private OffsetDateTime nextNight() {
        if (camel.getRouteController().getRouteStatus("nightly-schedule") != org.apache.camel.ServiceStatus.Started) {
            return null;
        }
        java.time.ZonedDateTime next = CronExpression.parse(cron).next(java.time.ZonedDateTime.now());
        return next == null ? null : next.toOffsetDateTime();
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
        return runs.latest(Math.min(Math.max(max, 1), 400));
    }

    @GetMapping("/runs/{runId}")
    public RunOverview.RunDetail run(@PathVariable("runId") long runId) {
        return runs.detail(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "geen run " + runId));
    }

    /** A run's files, 50 a page, filtered by source ({@code bron}), {@code status} and a part of the name ({@code zoek}). */
    @GetMapping("/runs/{runId}/bestanden")
    public RunOverview.FilesPage bestanden(@PathVariable("runId") long runId,
                                           @RequestParam(name = "bron", required = false) String bron,
                                           @RequestParam(name = "status", required = false) String status,
                                           @RequestParam(name = "zoek", required = false) String zoek,
                                           @RequestParam(name = "pagina", defaultValue = "1") int pagina) {
        return runs.files(runId, bron, status, zoek, pagina);
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

    /** Who is signed in, and as what: for the page's header. */
    public record Ik(String naam, String rol) {
    }

    @GetMapping("/ik")
    public Ik ik(org.springframework.security.core.Authentication user) {
        String rol = user.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> a.substring(5)).sorted().findFirst().orElse("");
        return new Ik(user.getName(), rol);
    }

    /** Stops a route (operators: every POST is); recorded with the user. */
    @PostMapping("/routes/{routeId}/stoppen")
    public RouteControl.Outcome stoppen(@PathVariable("routeId") String routeId, Principal user) throws Exception {
        return routeControl.stop(routeId, user.getName());
    }

    @PostMapping("/routes/{routeId}/starten")
    public RouteControl.Outcome starten(@PathVariable("routeId") String routeId, Principal user) throws Exception {
        return routeControl.start(routeId, user.getName());
    }

    /** What operators did to routes, newest first. */
    @GetMapping("/routes/acties")
    public List<RouteActie> routeActies() {
        return routeActions.latest(20).stream().map(a -> new RouteActie(a.routeId(), a.action().name(), a.doneBy(),
                Tijd.metZone(a.doneAt()), a.outcome())).toList();
    }

    /** One stop or start of a route by an operator. */
    public record RouteActie(String routeId, String actie, String door, OffsetDateTime tijdstip, String uitkomst) {
    }

    @ExceptionHandler(RouteControl.UnknownRoute.class)
    ResponseEntity<Map<String, String>> unknownRoute(RouteControl.UnknownRoute e) {
        return Fout.antwoord(HttpStatus.NOT_FOUND, e.getMessage());
    }

}
