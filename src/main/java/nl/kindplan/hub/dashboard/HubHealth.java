package nl.kindplan.hub.dashboard;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.actuate.endpoint.HealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.actuate.endpoint.IndicatedHealthDescriptor;
import org.springframework.stereotype.Component;

/**
 * The health of what the hub leans on, from Spring Boot's own health indicators (the same as
 * {@code /actuator/health}): the database ({@code db}), the JMS broker ({@code jms}) and Camel.
 */
@Component
public class HubHealth {

    /** One part: UP, DOWN, OUT_OF_SERVICE or UNKNOWN, with what its indicator tells (no secrets in there). */
    public record Part(String status, Map<String, Object> details) {
    }

    public record Overview(Part database, Part broker, Part camel) {
    }

    private final HealthEndpoint health;

    public HubHealth(HealthEndpoint health) {
        this.health = health;
    }

    public Overview overview() {
        return new Overview(part("db"), part("jms"), part("camelHealth"));
    }

    private Part part(String contributor) {
        HealthDescriptor c;
        try {
            c = health.healthForPath(contributor);
        } catch (RuntimeException e) {
            return new Part("DOWN", Map.of("fout", String.valueOf(e.getMessage())));
        }
        if (c == null) {
            return new Part("UNKNOWN", Map.of());
        }
        Map<String, Object> details = new LinkedHashMap<>();
        if (c instanceof IndicatedHealthDescriptor h) {
            h.getDetails().forEach((k, v) -> {
                if (v instanceof String || v instanceof Number || v instanceof Boolean) {
                    details.put(k, v);
                }
            });
        }
        return new Part(c.getStatus().getCode(), details);
    }
}
