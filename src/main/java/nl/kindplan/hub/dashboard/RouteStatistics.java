package nl.kindplan.hub.dashboard;

import java.time.Instant;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.apache.camel.health.HealthCheck;
import org.apache.camel.health.HealthCheckHelper;
import org.apache.camel.health.HealthCheckRepository;
import org.springframework.stereotype.Component;

/**
 * The routes as Camel itself sees them: state and statistics from Camel's management
 * ({@link ManagedRouteMBean}: completed, failed, in flight, last activity, mean processing time)
 * and health from Camel's route health checks.
 */
@Component
public class RouteStatistics {

    /** One route; {@code bron} says where the figures came from: JMX, or GEEN where JMX is off. */
    public record RouteView(String routeId, String beschrijving, String status, String gezondheid, long voltooid,
                            long mislukt, long bezig, Instant laatsteActiviteit, Long gemiddeldeMs, String bron,
                            String laatsteFout, Instant laatsteFoutOp) {
    }

    private final CamelContext camel;
    private final RouteFailures failures;

    public RouteStatistics(CamelContext camel, RouteFailures failures) {
        this.camel = camel;
        this.failures = failures;
    }

    public List<RouteView> routes() {
        ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        Map<String, String> health = routeHealth();
        return camel.getRoutes().stream().sorted(Comparator.comparing(Route::getRouteId)).map(route -> {
            String id = route.getRouteId();
            ManagedRouteMBean m = managed == null ? null : managed.getManagedRoute(id);
            String gezondheid = health.getOrDefault(id, "UNKNOWN");
            if (m != null) {
                long mean = m.getMeanProcessingTime();
                RouteFailures.Failure failure = failures.last(id).orElse(null);
                return new RouteView(id, route.getDescription(), m.getState(), gezondheid, m.getExchangesCompleted(),
                        m.getExchangesFailed(), m.getExchangesInflight(),
                        latest(m.getLastExchangeCompletedTimestamp(), m.getLastExchangeFailureTimestamp()),
                        mean < 0 ? null : mean, "JMX", failure == null ? null : failure.fout(),
                        failure == null ? null : failure.op());
            }
            return withoutStatistics(route, gezondheid);
        }).toList();
    }

    /** Without JMX ({@code camel.main.jmx-enabled=false}) Camel keeps no statistics: state and health only. */
    private RouteView withoutStatistics(Route route, String gezondheid) {
        String id = route.getRouteId();
        return new RouteView(id, route.getDescription(),
                String.valueOf(camel.getRouteController().getRouteStatus(id)), gezondheid, 0, 0, 0, null, null, "GEEN",
                failures.last(id).map(RouteFailures.Failure::fout).orElse(null),
                failures.last(id).map(RouteFailures.Failure::op).orElse(null));
    }

    /** UP, DOWN or UNKNOWN per route id, from Camel's routes health check repository. */
    private Map<String, String> routeHealth() {
        Map<String, String> health = new HashMap<>();
        HealthCheckRepository repo = HealthCheckHelper.getHealthCheckRepository(camel, "routes");
        if (repo == null || !repo.isEnabled()) {
            return health;
        }
        repo.stream().forEach(check -> {
            HealthCheck.Result result = check.call();
            health.put(check.getId().replaceFirst("^route:", ""), result.getState().name());
        });
        return health;
    }

    private static Instant latest(Date a, Date b) {
        if (a == null) {
            return b == null ? null : b.toInstant();
        }
        return b == null || a.after(b) ? a.toInstant() : b.toInstant();
    }
}
