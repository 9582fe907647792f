package nl.kindplan.hub.metrics;

import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.springframework.stereotype.Component;

/**
 * Camel's route statistics as meters for /actuator/prometheus: {@code camel_exchanges_total},
 * {@code camel_exchanges_failed_total}, {@code camel_exchanges_inflight} and the mean processing time,
 * per {@code routeId}. Read from Camel's own management (the figures the dashboard shows), because
 * camel-micrometer is not served for Camel 4.22.0 by the registry this project builds from. No
 * per-endpoint meters: their tags would carry source URLs.
 */
@Component
public class CamelRouteMeters implements CamelContextConfiguration {

    private final MeterRegistry registry;

    public CamelRouteMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public void beforeApplicationStart(CamelContext camel) {
        // the routes are not there yet
    }

    @Override
    public void afterApplicationStart(CamelContext camel) {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        if (managed == null) {
            return; // JMX off (camel.main.jmx-enabled=false): no statistics to publish
        }
        for (Route route : camel.getRoutes()) {
            String id = route.getRouteId();
            counter("camel.exchanges", "Exchanges a route completed or failed", managed, id,
                    ManagedRouteMBean::getExchangesTotal);
            counter("camel.exchanges.failed", "Exchanges a route failed", managed, id,
                    ManagedRouteMBean::getExchangesFailed);
            Gauge.builder("camel.exchanges.inflight", managed, m -> stat(m, id, ManagedRouteMBean::getExchangesInflight))
                    .description("Exchanges a route is working on").tag("routeId", id).register(registry);
            TimeGauge.builder("camel.route.mean.processing", managed, TimeUnit.MILLISECONDS,
                            m -> stat(m, id, ManagedRouteMBean::getMeanProcessingTime))
                    .description("Mean processing time of a route's exchanges").tag("routeId", id).register(registry);
        }
    }

    private void counter(String name, String description, ManagedCamelContext managed, String id,
                         ToDoubleFunction<ManagedRouteMBean> figure) {
        FunctionCounter.builder(name, managed, m -> stat(m, id, figure))
                .description(description).tag("routeId", id).register(registry);
    }

    /** A route removed since start counts as 0 rather than failing the scrape. */
    private static double stat(ManagedCamelContext managed, String routeId, ToDoubleFunction<ManagedRouteMBean> figure) {
        ManagedRouteMBean route = managed.getManagedRoute(routeId);
        return route == null ? 0 : Math.max(0, figure.applyAsDouble(route));
    }
}
