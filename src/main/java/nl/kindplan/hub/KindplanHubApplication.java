package nl.kindplan.hub;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The kindplan hub: one record and one plan per child between onderwijs and jeugdhulp. Service
 * mode by default; with {@code --kindplan.run-once=true} (or the environment variable
 * {@code KINDPLAN_RUN_ONCE=true}, as a Kubernetes CronJob sets it) one nightly run, then exit with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KindplanHubApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(KindplanHubApplication.class);
        boolean runOnce = isRunOnce(args, System.getenv(), System.getProperties());
        if (runOnce) {
            app.setWebApplicationType(WebApplicationType.NONE);
            // no web server and no schedule, so no part in the Quartz cluster either: a run-once may start beside
            // hubs in service mode, and RunService keeps its night from overlapping theirs
            app.setDefaultProperties(java.util.Map.of("camel.main.routes-exclude-pattern", "**/nightly-schedule.yaml",
                    "spring.autoconfigure.exclude", "org.springframework.boot.quartz.autoconfigure.QuartzAutoConfiguration",
                    "kindplan.run-once", "true"));
        }
        ConfigurableApplicationContext context = app.run(args);
        if (runOnce) {
            System.exit(SpringApplication.exit(context));
        }
    }

    /**
     * Run-once or service mode, decided before Spring starts (the web server is chosen then): the
     * argument {@code --kindplan.run-once[=true]}, the system property {@code kindplan.run-once=true}
     * or the environment variable {@code KINDPLAN_RUN_ONCE=true}; an argument {@code =false} wins.
     */
    static boolean isRunOnce(String[] args, Map<String, String> env, Properties systemProperties) {
        List<String> arguments = Arrays.asList(args);
        if (arguments.contains("--kindplan.run-once=false")) {
            return false;
        }
        return arguments.contains("--kindplan.run-once=true")
                || arguments.contains("--kindplan.run-once")
                || "true".equalsIgnoreCase(systemProperties.getProperty("kindplan.run-once", "").trim())
                || "true".equalsIgnoreCase(env.getOrDefault("KINDPLAN_RUN_ONCE", "").trim());
    }
}
