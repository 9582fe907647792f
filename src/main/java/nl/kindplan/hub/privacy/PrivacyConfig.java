package nl.kindplan.hub.privacy;

import java.nio.file.Path;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The pseudonym key and the two mapping files the processing log reads. */
@Configuration(proxyBeanMethods = false)
public class PrivacyConfig {

    @Bean
    PseudonymKey pseudonymKey(PrivacySettings settings, @Value("${kindplan.data-dir}") Path dataDir) {
        return PseudonymKey.load(settings.pseudonymKey(), dataDir.resolve("privacy"));
    }

    @Bean
    MinimisationProfiles minimisationProfiles(@Value("${kindplan.mappings.minimisation}") Path file) {
        return MinimisationProfiles.load(file);
    }

    @Bean
    Verwerkingsactiviteiten verwerkingsactiviteiten(@Value("${kindplan.mappings-dir}") Path mappingsDir,
                                                    MinimisationProfiles profiles) {
        return Verwerkingsactiviteiten.load(mappingsDir.resolve("verwerkingsactiviteiten.yaml"), profiles.types());
    }
}
