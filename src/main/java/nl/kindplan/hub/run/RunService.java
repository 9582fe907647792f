package nl.kindplan.hub.run;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.run.RunRegister.Run;
import nl.kindplan.hub.run.RunRegister.Status;
import nl.kindplan.hub.run.RunRegister.Trigger;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Starts nightly runs, one at a time whoever asks: the schedule, the API or run-once. The run
 * itself is the Camel flow {@code direct:nightly-run} (routes/nightly-run.yaml).
 */
@Component("runService")
public class RunService {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final RunRegister register;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final AtomicBoolean running = new AtomicBoolean();
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "nightly-run"));

    private final HubMetrics metrics;

    public RunService(RunRegister register, ProducerTemplate camel, Clock clock, HubMetrics metrics) {
        this.register = register;
        this.camel = camel;
        this.clock = clock;
        this.metrics = metrics;
    }

    /** A run left RUNNING by a hub that stopped or crashed is over: it failed. */
    @PostConstruct
    void closeAbandonedRuns() {
        int abandoned = register.abandonRunning();
        if (abandoned > 0) {
            LOG.warn("{} run(s) were in progress when the hub last stopped: marked FAILED", abandoned);
        }
    }

    /** Starts a run in the background and answers its id at once. */
    public long startInBackground(LocalDate asOf, Trigger trigger) {
        return startInBackground(asOf, trigger, null);
    }

    /** As {@link #startInBackground(LocalDate, Trigger)}, recording the signed-in user who asked. */
    public long startInBackground(LocalDate asOf, Trigger trigger, String startedBy) {
        long runId = claim(asOf, trigger, startedBy);
        background.submit(() -> execute(runId, asOf));
        return runId;
    }

    /** Runs a night and answers when it is over. */
    public Run runNow(LocalDate asOf, Trigger trigger) {
        long runId = claim(asOf, trigger, null);
        execute(runId, asOf);
        return register.find(runId).orElseThrow();
    }

    /** The schedule's tick: tonight's run, unless one is still in progress. */
    public void runScheduled() {
        try {
            runNow(LocalDate.now(clock), Trigger.SCHEDULE);
        } catch (RunInProgressException e) {
            LOG.warn("Scheduled run skipped: {}", e.getMessage());
        }
    }

    public boolean isRunning() {
        return running.get();
    }

    private long claim(LocalDate asOf, Trigger trigger, String startedBy) {
        if (!running.compareAndSet(false, true)) {
            throw new RunInProgressException();
        }
        try {
            return register.start(asOf == null ? LocalDate.now(clock) : asOf, trigger, startedBy);
        } catch (RuntimeException e) {
            running.set(false);
            throw e;
        }
    }

    private void execute(long runId, LocalDate asOf) {
        LocalDate day = asOf == null ? register.find(runId).orElseThrow().asOf() : asOf;
        long begin = System.nanoTime();
        try {
            LOG.info("Run {} on {} started", runId, day);
            register.phase(runId, RunRegister.Phase.FETCHING);
            camel.requestBodyAndHeaders("direct:nightly-run", null,
                    Map.of(NightlyRun.RUN_ID, runId, NightlyRun.AS_OF, day));
            if (register.find(runId).orElseThrow().status() == Status.RUNNING) {
                throw new IllegalStateException("the run's flow ended before it was recorded as done");
            }
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            LOG.error("Run {} on {} failed: {}", runId, day, cause.toString());
            register.finish(runId, Status.FAILED, 0, register.sourceCounts(runId), cause.toString());
        } finally {
            metrics.runEnded(register.find(runId).map(r -> r.status().name()).orElse("UNKNOWN"),
                    Duration.ofNanos(System.nanoTime() - begin));
            running.set(false);
        }
    }

    @PreDestroy
    void stop() {
        background.shutdownNow();
    }
}
