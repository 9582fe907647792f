package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/**
 * Run-once is chosen the same way from the argument (cron on a server) and from the environment
 * variable (the Kubernetes CronJob of config/deploy/), before Spring decides whether a web server starts.
 */
class RunOnceSwitchTest {

    private static final Properties NO_PROPERTIES = new Properties();

    @Test
    void theArgumentChoosesRunOnce() {
        assertThat(KindplanHubApplication.isRunOnce(new String[] {"--kindplan.run-once=true"}, Map.of(), NO_PROPERTIES)).isTrue();
        assertThat(KindplanHubApplication.isRunOnce(new String[] {"--kindplan.run-once"}, Map.of(), NO_PROPERTIES)).isTrue();
    }

    @Test
    void theEnvironmentVariableChoosesRunOnce() {
        assertThat(KindplanHubApplication.isRunOnce(new String[0], Map.of("KINDPLAN_RUN_ONCE", "true"), NO_PROPERTIES)).isTrue();
        assertThat(KindplanHubApplication.isRunOnce(new String[0], Map.of("KINDPLAN_RUN_ONCE", "TRUE "), NO_PROPERTIES)).isTrue();
    }

    @Test
    void theSystemPropertyChoosesRunOnce() {
        Properties properties = new Properties();
        properties.setProperty("kindplan.run-once", "true");
        assertThat(KindplanHubApplication.isRunOnce(new String[0], Map.of(), properties)).isTrue();
    }

    @Test
    void serviceModeOtherwiseOrWhenTheArgumentSaysFalse() {
        assertThat(KindplanHubApplication.isRunOnce(new String[0], Map.of(), NO_PROPERTIES)).isFalse();
        assertThat(KindplanHubApplication.isRunOnce(new String[0], Map.of("KINDPLAN_RUN_ONCE", "false"), NO_PROPERTIES)).isFalse();
        assertThat(KindplanHubApplication.isRunOnce(new String[] {"--kindplan.run-once=false"},
                Map.of("KINDPLAN_RUN_ONCE", "true"), NO_PROPERTIES)).isFalse();
    }
}
