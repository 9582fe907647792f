package nl.kindplan.hub.config;

import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.edexml.EdexmlReader;
import nl.kindplan.hub.ingest.ijw.IjwReader;
import nl.kindplan.hub.ingest.csv.InschrijvingenCsvReader;
import nl.kindplan.hub.ingest.csv.VerzuimCsvReader;
import nl.kindplan.hub.mapping.Mappings;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The declarative mappings, read once at start-up, and a reader per source built on them. */
@Configuration(proxyBeanMethods = false)
public class IngestConfig {

    @Bean
    Mappings mappings(HubProperties properties) {
        return Mappings.load(properties.mappingsDir(), properties.mappings().swvTable());
    }

    @Bean
    SourceReader verzuimCsvReader(Mappings mappings) {
        return new VerzuimCsvReader(mappings);
    }

    @Bean
    SourceReader ijwReader(Mappings mappings) {
        return new IjwReader(mappings);
    }

    @Bean
    SourceReader edexmlReader(Mappings mappings) {
        return new EdexmlReader(mappings);
    }

    @Bean
    SourceReader inschrijvingenCsvReader(Mappings mappings) {
        return new InschrijvingenCsvReader(mappings);
    }
}
