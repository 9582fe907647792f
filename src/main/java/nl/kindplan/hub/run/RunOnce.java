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
 * {@link nl.kindplan.hub.KindplanHubApplication#main}: 0 when it succeeded, 1 when it failed.
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
        Run run = runs.runNow(asOf, RunRegister.Trigger.RUN_ONCE);
        exitCode = run.status() == RunRegister.Status.SUCCEEDED ? 0 : 1;
        System.out.println(summary(run));
    }

    static String summary(Run run) {
        long events = run.counts().entrySet().stream().filter(e -> e.getKey().startsWith("events."))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long rejected = run.counts().entrySet().stream().filter(e -> e.getKey().endsWith(".rejected"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long rejectedFiles = run.counts().entrySet().stream().filter(e -> e.getKey().endsWith(".rejectedFiles"))
                .mapToLong(java.util.Map.Entry::getValue).sum();
        long problems = run.sources() == null ? 0 : run.sources().stream().mapToLong(s -> s.problems().size()).sum();
        // incomplete: a file was refused whole or a source was not reached; GET /api/runs/{id} tells which
        String completeness = Boolean.FALSE.equals(run.complete())
                ? " (incomplete: " + rejectedFiles + " files rejected whole, " + problems + " sources not reached)" : "";
        return "kindplan-hub run " + run.runId() + " asOf " + run.asOf() + ": " + run.status() + completeness
                + ", " + run.kinderen() + " children, " + events + " events, " + rejected + " rows rejected"
                + (run.error() == null ? "" : ", error: " + run.error());
    }

    @Override
    public int getExitCode() {
        return exitCode;
    }
}
