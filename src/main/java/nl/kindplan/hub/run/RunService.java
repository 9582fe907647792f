package nl.kindplan.hub.run;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.run.RunRegister.ActiveNight;
import nl.kindplan.hub.run.RunRegister.Run;
import nl.kindplan.hub.run.RunRegister.Status;
import nl.kindplan.hub.run.RunRegister.Trigger;
import org.apache.camel.ProducerTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Starts nightly runs, one at a time in the whole cluster whoever asks: the schedule, the API, the
 * dashboard or run-once, in this instance or another on the same database. The run itself is the
 * Camel flow {@code direct:nightly-run} (routes/nightly-run.yaml).
 * <p>
 * Which instance fires the scheduled night, and which one takes it over when that instance dies, is
 * Quartz's clustered job store (routes/nightly-schedule.yaml). Whether a night is running is the
 * database's: the night's row holds the unique {@code active} slot, so a second start anywhere is
 * refused by the database itself. The instance that runs a night beats on its row; a night whose
 * heartbeat stopped for {@code kindplan.cluster.owner-timeout} lost its owner and is closed as FAILED,
 * a night that still beats is never touched by another instance.
 */
@Component("runService")
public class RunService {

    private static final Logger LOG = LoggerFactory.getLogger(RunService.class);

    private final RunRegister register;
    private final ProducerTemplate camel;
    private final Clock clock;
    private final HubMetrics metrics;
    private final Duration heartbeat;
    private final Duration ownerTimeout;
    private final String instance;
    private final ExecutorService background = Executors.newSingleThreadExecutor(r -> new Thread(r, "nightly-run"));
    private final ScheduledExecutorService beats = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "night-heartbeat");
        thread.setDaemon(true);
        return thread;
    });
    /** The night this instance runs now, or 0, and its heartbeat (an instance runs one night at a time). */
    private final AtomicLong ownNight = new AtomicLong();
    private volatile ScheduledFuture<?> beating;

    public RunService(RunRegister register, ProducerTemplate camel, Clock clock, HubMetrics metrics,
                      @Value("${kindplan.cluster.heartbeat:PT5S}") Duration heartbeat,
                      @Value("${kindplan.cluster.owner-timeout:PT60S}") Duration ownerTimeout,
                      @Value("${kindplan.cluster.instance-id:}") String instanceId) {
        this.register = register;
        this.camel = camel;
        this.clock = clock;
        this.metrics = metrics;
        this.heartbeat = heartbeat;
        this.ownerTimeout = ownerTimeout;
        this.instance = instanceId.isBlank() ? defaultInstanceId() : instanceId;
        if (ownerTimeout.compareTo(heartbeat.multipliedBy(3)) < 0) {
            throw new IllegalStateException("kindplan.cluster.owner-timeout must be at least three heartbeats");
        }
    }

    /** Nights left RUNNING by an instance that stopped beating failed; a living instance's night is left alone. */
    @PostConstruct
    void closeAbandonedRuns() {
        int abandoned = register.closeAbandoned(ownerTimeout);
        if (abandoned > 0) {
            LOG.warn("{} night(s) whose instance stopped beating for {} s were marked FAILED", abandoned,
                    ownerTimeout.toSeconds());
        }
    }

    /** This instance's name in the cluster, as the runs record their owner. */
    public String instance() {
        return instance;
    }

    /**
     * Starts a run in the background and answers its id at once, recording the signed-in user who asked;
     * refused at once while a night runs anywhere.
     */
    public long startInBackground(LocalDate asOf, Trigger trigger, String startedBy) {
        long runId = claim(asOf, trigger, startedBy, false);
        background.submit(() -> execute(runId));
        return runId;
    }

    /**
     * Runs a night and answers when it is over (run-once, the schedule). It waits to see whether a night that
     * holds the slot is alive: one that beats refuses this one; one whose owner is gone is closed and this one runs.
     */
    public Run runNow(LocalDate asOf, Trigger trigger) {
        long runId = claim(asOf, trigger, null, true);
        execute(runId);
        return register.find(runId).orElseThrow();
    }

    /** The schedule's tick (or Quartz's recovery of a night whose instance died): tonight's run, unless one runs. */
    public void runScheduled() {
        try {
            runNow(LocalDate.now(clock), Trigger.SCHEDULE);
        } catch (RunInProgressException e) {
            LOG.warn("Scheduled night skipped: {}", e.getMessage());
        }
    }

    /** Whether a night runs now, in any instance (one whose instance stopped beating does not count). */
    public boolean isRunning() {
        return register.activeNight().filter(night -> night.sinceHeartbeat().compareTo(ownerTimeout) < 0).isPresent();
    }

    private long claim(LocalDate asOf, Trigger trigger, String startedBy, boolean patient) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        long deadline = System.nanoTime() + ownerTimeout.plus(heartbeat.multipliedBy(2)).toNanos();
        Long watched = null;
        LocalDateTime watchedBeat = null;
        while (true) {
            register.closeAbandoned(ownerTimeout);
            try {
                long runId = register.start(day, trigger, startedBy, instance);
                beatFor(runId);
                return runId;
            } catch (DuplicateKeyException taken) {
                Optional<ActiveNight> holder = register.activeNight();
                if (holder.isEmpty()) {
                    continue; // it ended between the insert and the look
                }
                ActiveNight night = holder.get();
                boolean beatSinceFirstLook = Objects.equals(watched, night.runId())
                        && !Objects.equals(watchedBeat, night.heartbeatAt());
                if (!patient || beatSinceFirstLook || System.nanoTime() > deadline) {
                    throw new RunInProgressException(night);
                }
                if (!Objects.equals(watched, night.runId())) {
                    watched = night.runId();
                    watchedBeat = night.heartbeatAt();
                }
                sleep(Math.max(200, heartbeat.toMillis() / 2));
            }
        }
    }

    /** The night's heartbeat, until it ends; a beat that finds the night closed by another instance says so. */
    private void beatFor(long runId) {
        ownNight.set(runId);
        ScheduledFuture<?> beating = beats.scheduleAtFixedRate(() -> {
            try {
                if (ownNight.get() == runId && register.heartbeat(runId) == 0) {
                    LOG.error("Night {} is no longer active in the database: another instance closed it after its "
                            + "heartbeat went stale (a pause longer than {} s?)", runId, ownerTimeout.toSeconds());
                }
            } catch (RuntimeException e) {
                LOG.warn("Heartbeat of night {} not written (the database?): {}", runId, e.toString());
            }
        }, heartbeat.toMillis(), heartbeat.toMillis(), TimeUnit.MILLISECONDS);
        this.beating = beating;
    }

    private void execute(long runId) {
        LocalDate day = register.find(runId).orElseThrow().asOf();
        long begin = System.nanoTime();
        try {
            LOG.info("Run {} on {} started on {}", runId, day, instance);
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
            ScheduledFuture<?> beat = beating;
            if (beat != null) {
                beat.cancel(false);
            }
            ownNight.compareAndSet(runId, 0);
            metrics.runEnded(register.find(runId).map(r -> r.status().name()).orElse("UNKNOWN"),
                    Duration.ofNanos(System.nanoTime() - begin));
        }
    }

    /** Stopping while a night runs: the night failed, now, so that another instance need not wait for its heartbeat to go stale. */
    @PreDestroy
    void stop() {
        background.shutdownNow();
        beats.shutdownNow();
        long night = ownNight.getAndSet(0);
        if (night != 0) {
            register.closeStopped(night, instance);
            LOG.warn("Night {} was in progress when this instance stopped: marked FAILED", night);
        }
    }

    private static String defaultInstanceId() {
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            host = System.getenv().getOrDefault("HOSTNAME", "unknown-host");
        }
        return host + "/" + ProcessHandle.current().pid();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for another night to end", e);
        }
    }
}
