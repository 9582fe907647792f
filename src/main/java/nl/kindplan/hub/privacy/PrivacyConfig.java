package nl.kindplan.hub.privacy;

import java.nio.file.Path;

import nl.kindplan.hub.delivery.Minimisation;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pseudonym key and the register of processing activities (checked against the minimisation table). */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfig {

    @Bean
    PseudonymKey pseudonymKey(PrivacySettings settings, @Value("${kindplan.data-dir}") Path dataDir) {
        return PseudonymKey.load(settings.pseudonymKey(), dataDir.resolve("privacy"));
    }

    @Bean
    Verwerkingsactiviteiten verwerkingsactiviteiten(@Value("${kindplan.mappings-dir}") Path mappingsDir,
                                                    Minimisation profiles) {
        return Verwerkingsactiviteiten.load(mappingsDir.resolve("verwerkingsactiviteiten.yaml"), profiles.types());
    }
}
