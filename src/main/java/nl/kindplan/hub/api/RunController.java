package nl.kindplan.hub.api;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

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

    private final RunService runs;
    private final RunRegister register;

    public RunController(RunService runs, RunRegister register) {
        this.runs = runs;
        this.register = register;
    }

    /** {@code 202 {"runId": …}}; {@code 409} while a run is in progress. */
    @PostMapping
    public ResponseEntity<Map<String, Long>> start(
            @RequestParam(name = "asOf", required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf) {
        long runId = runs.startInBackground(asOf, RunRegister.Trigger.API);
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(Map.of("runId", runId));
    }

    @GetMapping("/{runId}")
    public RunRegister.Run run(@PathVariable("runId") long runId) {
        return register.find(runId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                "no run " + runId));
    }

    /** The last runs, newest first. */
    @GetMapping
    public List<RunRegister.Run> latest(@RequestParam(name = "max", defaultValue = "30") int max) {
        return register.latest(Math.min(Math.max(max, 1), 500));
    }

    @ExceptionHandler(RunInProgressException.class)
    ResponseEntity<Map<String, String>> inProgress(RunInProgressException e) {
        return ResponseEntity.status(HttpStatus.CONFLICT).body(Map.of("error", e.getMessage()));
    }
}
