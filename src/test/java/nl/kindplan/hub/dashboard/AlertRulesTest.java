package nl.kindplan.hub.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import org.apache.activemq.broker.BrokerService;
import org.apache.activemq.command.ActiveMQQueue;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;

/**
 * The alert rules shipped in config/prometheus/: each is complete (name, expression, severity,
 * summary) and every kindplan_* metric its expression names is one the hub exports on
 * /actuator/prometheus; after a night, the night gauges tell its state and time.
 */
class AlertRulesTest extends HubTestSupport {

    private static final Path RULES = Path.of("config/prometheus/kindplan-alerts.yml");
    private static final Pattern METRIC = Pattern.compile("\\bkindplan_[a-z_]+\\b");

    @Autowired
    TestRestTemplate http;
    @Autowired
    BrokerService broker;

    @Test
    void everyRuleNamesMetricsTheHubExports() throws Exception {
        new HubApi(http).runNight(LocalDate.now().minusDays(1));
        String queue = "kindplan.test.alert-" + UUID.randomUUID().toString().substring(0, 8);
        QueuesTest.send(queue, 1);
        try {
            scrape();
            Thread.sleep(5_100); // the queues are read at most every 5 s: the new queue shows on a later scrape
            String scrape = scrape();

            JsonNode rules = new YAMLMapper().readTree(RULES.toFile()).path("groups").get(0).path("rules");
            assertThat(rules.size()).as("missed, failed, incomplete night, growing DLQ, queue not drained").isEqualTo(5);
            Set<String> named = new LinkedHashSet<>();
            for (JsonNode rule : rules) {
                String alert = rule.path("alert").asString();
                assertThat(alert).startsWith("Kindplan");
                assertThat(rule.path("labels").path("severity").asString()).as(alert).isIn("critical", "warning");
                assertThat(rule.path("annotations").path("summary").asString()).as(alert).startsWith("Kindplan-hub: ");
                List<String> metrics = metrics(rule.path("expr").asString());
                assertThat(metrics).as(alert + " watches a metric of the hub").isNotEmpty();
                for (String metric : metrics) {
                    assertThat(scrape).as(alert + ": " + metric + " is exported").containsPattern("(?m)^" + metric + "[{ ]");
                    named.add(metric);
                }
            }
            assertThat(named).contains("kindplan_night_last_succeeded_timestamp_seconds", "kindplan_night_last_state",
                    "kindplan_dlq_messages", "kindplan_queue_oldest_age_seconds");

            assertThat(value(scrape, "kindplan_night_last_succeeded_timestamp_seconds\\{[^}]*}"))
                    .as("the night just run").isGreaterThan(System.currentTimeMillis() / 1000.0 - 300);
            double states = value(scrape, "kindplan_night_last_state\\{[^}]*toestand=\"geslaagd\"[^}]*}")
                    + value(scrape, "kindplan_night_last_state\\{[^}]*toestand=\"onvolledig\"[^}]*}")
                    + value(scrape, "kindplan_night_last_state\\{[^}]*toestand=\"mislukt\"[^}]*}");
            assertThat(states).as("the last night has one state").isEqualTo(1.0);
            assertThat(value(scrape, "kindplan_queue_depth\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*}"))
                    .isEqualTo(1.0);
            assertThat(value(scrape, "kindplan_queue_consumers\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*}"))
                    .isZero();
            assertThat(value(scrape, "kindplan_queue_oldest_age_seconds\\{[^}]*queue=\"" + Pattern.quote(queue) + "\"[^}]*}"))
                    .isBetween(0.0, 120.0);
        } finally {
            broker.removeDestination(new ActiveMQQueue(queue));
        }
    }

    private String scrape() {
        return http.withBasicAuth(VIEWER, VIEWER_PASSWORD).getForObject("/actuator/prometheus", String.class);
    }

    private static List<String> metrics(String expr) {
        List<String> names = new ArrayList<>();
        Matcher m = METRIC.matcher(expr);
        while (m.find()) {
            names.add(m.group());
        }
        return names;
    }

    private static double value(String scrape, String series) {
        Matcher m = Pattern.compile("(?m)^" + series + " (\\S+)$").matcher(scrape);
        assertThat(m.find()).as(series + " in the scrape").isTrue();
        return Double.parseDouble(m.group(1));
    }
}
