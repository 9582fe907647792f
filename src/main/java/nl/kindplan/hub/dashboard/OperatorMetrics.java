package nl.kindplan.hub.dashboard;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import nl.kindplan.hub.run.RunRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * What the alert rules of config/prometheus/ watch, as gauges on /actuator/prometheus: when the last
 * night ran to its end ({@code kindplan_night_last_succeeded_timestamp_seconds}), the state of the last
 * night that is over ({@code kindplan_night_last_state{toestand=geslaagd|onvolledig|mislukt}}, 1 for
 * its state), the dead-letter queue's size ({@code kindplan_dlq_messages}) and per {@code kindplan.*}
 * queue its depth, consumers and the age of its oldest message. Read when Prometheus scrapes.
 */
@Component
public class OperatorMetrics {

    private final MeterRegistry registry;
    private final RunRegister runs;
    private final Queues queues;
    private final String deadLetterQueue;
    private final ZoneId zone;
    private final Set<String> queuesSeen = ConcurrentHashMap.newKeySet();

    public OperatorMetrics(MeterRegistry registry, RunRegister runs, Queues queues,
                           @Value("${kindplan.delivery.dead-letter-queue}") String deadLetterQueue) {
        this.registry = registry;
        this.runs = runs;
        this.queues = queues;
        this.deadLetterQueue = deadLetterQueue;
        // the register keeps the hub's local time (LocalDateTime.now())
        this.zone = ZoneId.systemDefault();
        Gauge.builder("kindplan.night.last.succeeded.timestamp", this, OperatorMetrics::lastSucceeded)
                .baseUnit("seconds").description("When the last night that ran to its end finished (0: none yet)")
                .register(registry);
        for (RunOverview.Toestand toestand : RunOverview.Toestand.values()) {
            if (toestand != RunOverview.Toestand.BEZIG) {
                Gauge.builder("kindplan.night.last.state", this, m -> m.lastIs(toestand))
                        .tag("toestand", toestand.name().toLowerCase(Locale.ROOT))
                        .description("1 for the state of the last night that is over").register(registry);
            }
        }
        Gauge.builder("kindplan.dlq.messages", this, m -> m.discoverQueues().diepte(deadLetterQueue))
                .description("Messages on the dead-letter queue").register(registry);
    }

    /** Gauges for the queues there are now; a queue that appears later gets its gauges at the next scrape. */
    @EventListener(ApplicationReadyEvent.class)
    void registerQueues() {
        discoverQueues();
    }

    private Queues.Overview discoverQueues() {
        Queues.Overview overview = queues.overview();
        for (Queues.QueueView q : overview.wachtrijen()) {
            if (queuesSeen.add(q.wachtrij())) {
                String name = q.wachtrij();
                Gauge.builder("kindplan.queue.depth", this, m -> m.queue(name).map(v -> (double) v.diepte()).orElse(Double.NaN))
                        .tag("queue", name).description("Messages waiting on a kindplan.* queue").register(registry);
                Gauge.builder("kindplan.queue.oldest.age", this, m -> m.queue(name)
                                .map(v -> v.oudsteLeeftijdSeconden() == null ? 0.0 : v.oudsteLeeftijdSeconden().doubleValue())
                                .orElse(Double.NaN))
                        .baseUnit("seconds").tag("queue", name)
                        .description("Age of the oldest message waiting on a kindplan.* queue (0: empty)").register(registry);
                Gauge.builder("kindplan.queue.consumers", this, m -> m.queue(name)
                                .map(v -> v.consumenten() == null ? Double.NaN : v.consumenten().doubleValue())
                                .orElse(Double.NaN))
                        .tag("queue", name).description("Consumers of a kindplan.* queue (embedded broker only)")
                        .register(registry);
            }
        }
        return overview;
    }

    private java.util.Optional<Queues.QueueView> queue(String name) {
        return discoverQueues().wachtrijen().stream().filter(q -> q.wachtrij().equals(name)).findFirst();
    }

    private double lastSucceeded() {
        return runs.lastSucceeded().filter(r -> r.finishedAt() != null)
                .map(r -> (double) r.finishedAt().atZone(zone).toEpochSecond()).orElse(0.0);
    }

    private double lastIs(RunOverview.Toestand toestand) {
        return runs.lastFinished().map(r -> RunOverview.toestand(r) == toestand ? 1.0 : 0.0).orElse(0.0);
    }
}
