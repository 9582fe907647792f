package nl.kindplan.hub.config;

import java.nio.file.Path;
import java.time.Clock;

import tools.jackson.databind.ObjectMapper;
import nl.kindplan.hub.delivery.CaseMessages;
import nl.kindplan.hub.delivery.Minimisation;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.signal.SignalEvaluator;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The signal rules, the case messages and their minimisation per recipient type. */
@Configuration(proxyBeanMethods = false)
public class CaseConfig {

    @Bean
    Clock clock() {
        return Clock.systemDefaultZone();
    }

    @Bean
    SignalEvaluator signalEvaluator(nl.kindplan.hub.signal.SignalSettings settings) {
        return new SignalEvaluator(settings);
    }

    @Bean
    CaseMessages caseMessages(ObjectMapper json, Mappings mappings, nl.kindplan.hub.signal.SignalSettings settings) {
        return new CaseMessages(json, mappings, settings);
    }

    @Bean
    Minimisation minimisation(@Value("${kindplan.mappings.minimisation}") Path table) {
        return Minimisation.load(table);
    }
}
