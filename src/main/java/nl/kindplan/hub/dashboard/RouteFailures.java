package nl.kindplan.hub.dashboard;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.Exchange;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.springframework.stereotype.Component;

/**
 * The last error of every route and when it happened, for the route summary: Camel's management
 * counts failures and dates the last, but does not keep what went wrong. Kept in memory since the
 * hub started; reasons pass {@link Privacy#scrub} and are cut to 300 characters.
 */
@Component
public class RouteFailures extends EventNotifierSupport {

    public record Failure(Instant op, String fout) {
    }

    private final Map<String, Failure> last = new ConcurrentHashMap<>();

    public RouteFailures() {
        setIgnoreCamelContextEvents(true);
        setIgnoreRouteEvents(true);
        setIgnoreServiceEvents(true);
        setIgnoreStepEvents(true);
        setIgnoreExchangeCreatedEvent(true);
        setIgnoreExchangeCompletedEvent(true);
        setIgnoreExchangeSendingEvents(true);
        setIgnoreExchangeSentEvents(true);
        setIgnoreExchangeRedeliveryEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event instanceof CamelEvent.ExchangeFailedEvent;
    }

    @Override
    public void notify(CamelEvent event) {
        if (event instanceof CamelEvent.ExchangeFailedEvent failed) {
            Exchange exchange = failed.getExchange();
            String routeId = exchange.getFromRouteId();
            Throwable cause = exchange.getException();
            if (routeId != null && cause != null) {
                String text = Privacy.scrub(cause.getClass().getSimpleName() + ": " + cause.getMessage());
                last.put(routeId, new Failure(Instant.now(), text.substring(0, Math.min(text.length(), 300))));
            }
        }
    }

    public Optional<Failure> last(String routeId) {
        return Optional.ofNullable(last.get(routeId));
    }
}
