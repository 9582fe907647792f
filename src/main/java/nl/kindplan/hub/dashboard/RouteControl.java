package nl.kindplan.hub.dashboard;

import nl.kindplan.hub.run.RouteActions;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * An operator stops or starts a route from the dashboard (e.g. an inbox while a source re-delivers
 * its files, or the delivery while a recipient is down). Each action is recorded with who did it,
 * and logged. A stopped route stays stopped until started again or the hub restarts; a night needs
 * its routes, so stopping {@code nightly-run} makes the next night fail (and say so).
 */
@Component
public class RouteControl {

    private static final Logger LOG = LoggerFactory.getLogger(RouteControl.class);

    /** No route by this id. */
    public static class UnknownRoute extends RuntimeException {
        UnknownRoute(String routeId) {
            super("geen route '" + routeId + "'");
        }
    }

    public record Outcome(String routeId, String status) {
    }

    private final CamelContext camel;
    private final RouteActions actions;

    public RouteControl(CamelContext camel, RouteActions actions) {
        this.camel = camel;
        this.actions = actions;
    }

    public Outcome stop(String routeId, String user) throws Exception {
        return act(routeId, RouteActions.Action.STOP, user);
    }

    public Outcome start(String routeId, String user) throws Exception {
        return act(routeId, RouteActions.Action.START, user);
    }

    private Outcome act(String routeId, RouteActions.Action action, String user) throws Exception {
        if (camel.getRoute(routeId) == null) {
            throw new UnknownRoute(routeId);
        }
        try {
            if (action == RouteActions.Action.STOP) {
                camel.getRouteController().stopRoute(routeId);
            } else {
                camel.getRouteController().startRoute(routeId);
            }
        } catch (Exception e) {
            actions.record(routeId, action, user, "mislukt: " + Privacy.scrub(String.valueOf(e.getMessage())));
            throw e;
        }
        ServiceStatus status = camel.getRouteController().getRouteStatus(routeId);
        actions.record(routeId, action, user, String.valueOf(status));
        LOG.warn("Route {} {} by {}: now {}", routeId, action == RouteActions.Action.STOP ? "stopped" : "started", user,
                status);
        return new Outcome(routeId, String.valueOf(status));
    }
}
