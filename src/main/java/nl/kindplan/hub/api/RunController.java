package nl.kindplan.hub.api;

import java.security.Principal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectMapper;

import nl.kindplan.hub.run.RunInProgressException;
import nl.kindplan.hub.run.RunRegister;
import nl.kindplan.hub.run.RunService;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/** The operator API of outputs.md: start a run, and read a run's status and counts. */
@RestController
@RequestMapping("/api/runs")
public class RunController {

    private static final TypeReference<LinkedHashMap<String, Object>> AS_MAP = new TypeReference<>() {
    };

    private final RunService runs;
    private final RunRegister register;
    private final ObjectMapper json;

    public RunController(RunService runs, RunRegister register, ObjectMapper json) {
        this.runs = runs;
        this.register = register;
        this.json = json;
    }

    /**
     * {@code 202 {"runId": …}}; {@code 409} while a run is in progress. The run records the signed-in
     * user, and whether the dashboard's button ({@code via=dashboard}) or the API started it.
     */
    @PostMapping
    public ResponseEntity<Map<String, Long>> start(
            @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            @RequestParam(name = "via", required = false) String via, Principal user) {
        RunRegister.Trigger trigger = "dashboard".equals(via) ? RunRegister.Trigger.DASHBOARD : RunRegister.Trigger.API;
        long runId = runs.startInBackground(asOf, trigger, user == null ? null : user.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId));
    }

    @GetMapping("/{runId}")
    public Map<String, Object> run(@PathVariable("runId") long runId) {
        return register.find(runId).map(this::view).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "geen run " + runId));
    }

    /** The last runs, newest first, each with {@code complete} and who started it. */
    @GetMapping
    public List<Map<String, Object>> latest(@RequestParam(name = "max", defaultValue = "30") int max) {
        return register.latest(Math.min(Math.max(max, 1), 500)).stream().map(this::view).toList();
    }

    /** The run as the register has it, with {@code startedBy} beside it (and {@code complete} also while open). */
    private Map<String, Object> view(RunRegister.Run run) {
        Map<String, Object> view = json.convertValue(run, AS_MAP);
        view.putIfAbsent("complete", run.complete());
        register.startedBy(run.runId()).ifPresent(user -> view.put("startedBy", user));
        register.owner(run.runId()).ifPresent(instance -> view.put("owner", instance));
        return view;
    }

    @ExceptionHandler(RunInProgressException.class)
    ResponseEntity<Map<String, String>> inProgress(RunInProgressException e) {
        var night = e.night();
        return Fout.antwoord(HttpStatus.CONFLICT, "er loopt al een run: run " + night.runId() + " (peildatum "
                + night.asOf() + ") op instantie " + night.owner() + ", gestart " + night.startedAt().withNano(0)
                + "; probeer het opnieuw als die klaar is");
    }

}
