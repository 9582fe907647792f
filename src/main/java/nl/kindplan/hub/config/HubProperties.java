package nl.kindplan.hub.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own settings ({@code kindplan.*} in {@code config/application.yml}); every one can be
 * overridden by property or environment variable (e.g. {@code KINDPLAN_DATA_DIR}).
 */
@ConfigurationProperties(prefix = "kindplan")
public record HubProperties(Path dataDir, Path mappingsDir, MappingFiles mappings, Ingest ingest) {

    /** Where the school → samenwerkingsverband table lies (the other mappings are in mappingsDir). */
    public record MappingFiles(Path swvTable) {
    }

    /** Store writes per batch, and the share of bad rows above which a file is rejected whole. */
    public record Ingest(int batchSize, double maxRejectedShare) {
    }
}
