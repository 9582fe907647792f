package nl.kindplan.hub;

import java.util.Arrays;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The kindplan hub: one record and one plan per child between onderwijs and jeugdhulp. Service
 * mode by default; with {@code --kindplan.run-once=true} one nightly run, then exit with its status.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class KindplanHubApplication {

    public static void main(String[] args) {
        SpringApplication app = new SpringApplication(KindplanHubApplication.class);
        boolean runOnce = Arrays.asList(args).contains("--kindplan.run-once=true")
                || Arrays.asList(args).contains("--kindplan.run-once");
        if (runOnce) {
            // no web server and no schedule: a run-once may start beside a hub in service mode
            app.setWebApplicationType(WebApplicationType.NONE);
            app.setDefaultProperties(java.util.Map.of("camel.main.routes-exclude-pattern", "**/nightly-schedule.yaml",
                    "kindplan.run-once", "true"));
        }
        ConfigurableApplicationContext context = app.run(args);
        if (runOnce) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
