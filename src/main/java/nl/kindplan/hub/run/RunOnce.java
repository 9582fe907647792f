package nl.kindplan.hub.run;

import java.time.LocalDate;

import nl.kindplan.hub.run.RunRegister.Run;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Run-once mode ({@code --kindplan.run-once=true [--kindplan.as-of=yyyy-MM-dd]}), for a gemeente's
 * cron or a Kubernetes CronJob: one nightly run, a one-line summary, and the exit code of
 * {@link nl.kindplan.hub.KindplanHubApplication#main}: 0 when it succeeded and was complete, 1 when it
 * failed, 2 when it succeeded but was incomplete (a file refused whole, a source not reached, a child
 * that could not be evaluated): the night's other work is done, and someone should look; 3 when it
 * did not start because a night is in progress elsewhere on the same database.
 */
@Component
@ConditionalOnProperty(name = "kindplan.run-once", havingValue = "true")
public class RunOnce implements CommandLineRunner, ExitCodeGenerator {

    private final RunService runs;
    private final LocalDate asOf;
    private int exitCode = 1;

    public RunOnce(RunService runs, @Value("${kindplan.as-of:#{null}}") LocalDate asOf) {
        this.runs = runs;
        this.asOf = asOf;
    }

    @Override
    public void run(String... args) {
        Run run;
        try {
            run = runs.runNow(asOf, RunRegister.Trigger.RUN_ONCE);
        } catch (RunInProgressException e) {
            exitCode = REFUSED;
            System.out.println("kindplan-hub run-once refused: " + e.getMessage() + "; no night started");
            return;
        }
        exitCode = exitCode(run);
        System.out.println(summary(run));
    }

    /** Exit codes of run-once. */
    public static final int SUCCEEDED = 0;
    public static final int FAILED = 1;
    public static final int INCOMPLETE = 2;
    /** Not started: a night is in progress in another instance (or another run-once) on the same database. */
    public static final int REFUSED = 3;

    static int exitCode(Run run) {
        if (run.status() != RunRegister.Status.SUCCEEDED) {
            return FAILED;
        }
        return Boolean.FALSE.equals(run.complete()) ? INCOMPLETE : SUCCEEDED;
    }

    static String summary(Run run) {
        long events = run.counts().entrySet().stream().filter(e -> e.getKey().startsWith("events."))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long rejected = run.counts().entrySet().stream().filter(e -> e.getKey().endsWith(".rejected"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long rejectedFiles = run.counts().entrySet().stream().filter(e -> e.getKey().endsWith(".rejectedFiles"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long sourceProblems = run.sources() == null ? 0 : run.sources().stream()
                .filter(s -> !NightlyRun.KIND_PROBLEMS.equals(s.source())).mapToLong(s -> s.problems().size()).sum();
        long kindProblems = run.counts().getOrDefault("evaluation.problems", 0L);
        // incomplete: a file was refused whole, a source was not reached or a child could not be evaluated;
        // GET /api/runs/{id} tells which
        String completeness = Boolean.FALSE.equals(run.complete())
                ? " (incomplete: " + rejectedFiles + " files rejected whole, " + sourceProblems + " sources not reached, "
                + kindProblems + " children not evaluated)" : "";
        return "kindplan-hub run " + run.runId() + " asOf " + run.asOf() + ": " + run.status() + completeness
                + ", " + run.kinderen() + " children, " + events + " events, " + rejected + " rows rejected"
                + (run.error() == null ? "" : ", error: " + run.error());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
