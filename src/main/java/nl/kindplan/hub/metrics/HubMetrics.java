package nl.kindplan.hub.metrics;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import nl.kindplan.hub.domain.Source;
import org.springframework.stereotype.Component;

/**
 * The hub's own meters beside Camel's {@code camel.*} route meters, for /actuator/prometheus:
 * rows taken in and rejected per source, files per outcome, case events per signal, run duration.
 */
@Component
public class HubMetrics {

    private final MeterRegistry registry;

    public HubMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** One file's outcome (TAKEN_IN, REJECTED, DUPLICATE) and its rows. */
    public void fileTakenIn(Source source, String status, int rowsTakenIn, int rowsRejected) {
        Counter.builder("kindplan.ingest.files").description("Source files by outcome")
                .tag("source", source.key()).tag("status", status).register(registry).increment();
        Counter.builder("kindplan.ingest.rows").description("Rows taken into the store")
                .tag("source", source.key()).tag("outcome", "taken_in").register(registry).increment(rowsTakenIn);
        Counter.builder("kindplan.ingest.rows").description("Rows taken into the store")
                .tag("source", source.key()).tag("outcome", "rejected").register(registry).increment(rowsRejected);
    }

    /** Counts of the form {@code events.<SIGNAL>.<EVENT>}, as a run records them. */
    public void caseEvents(Map<String, Long> counts) {
        counts.forEach((name, amount) -> {
            String[] parts = name.split("\\.");
            if (parts.length == 3 && parts[0].equals("events")) {
                Counter.builder("kindplan.case.events").description("Case events per signal and kind of event")
                        .tag("signal", parts[1]).tag("event", parts[2]).register(registry).increment(amount);
            }
        });
    }

    public void runEnded(String status, Duration took) {
        Timer.builder("kindplan.run.duration").description("Duration of the nightly runs")
                .tag("status", status).register(registry).record(took);
    }
}
