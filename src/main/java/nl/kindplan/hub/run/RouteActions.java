package nl.kindplan.hub.run;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** The record of what operators did to routes (stop, start) from the dashboard: who, when, with what outcome. */
@Component
public class RouteActions {

    public enum Action { STOP, START }

    public record RouteAction(String routeId, Action action, String doneBy, LocalDateTime doneAt, String outcome) {
    }

    private final JdbcTemplate jdbc;

    public RouteActions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String routeId, Action action, String doneBy, String outcome) {
        jdbc.update("INSERT INTO route_action (route_id, action, done_by, done_at, outcome) VALUES (?, ?, ?, ?, ?)",
                routeId, action.name(), doneBy, Timestamp.valueOf(LocalDateTime.now()),
                outcome == null ? null : outcome.substring(0, Math.min(outcome.length(), 500)));
    }

    /** The newest actions first. */
    public List<RouteAction> latest(int max) {
        return jdbc.query("SELECT route_id, action, done_by, done_at, outcome FROM route_action ORDER BY id DESC LIMIT ?",
                (rs, n) -> new RouteAction(rs.getString(1), Action.valueOf(rs.getString(2)), rs.getString(3),
                        rs.getTimestamp(4).toLocalDateTime(), rs.getString(5)), max);
    }
}
