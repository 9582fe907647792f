package nl.kindplan.hub.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The hub's own settings ({@code kindplan.*} in {@code config/application.yml}); every path can
 * be overridden by property or environment variable (e.g. {@code KINDPLAN_DATA_DIR}).
 */
@ConfigurationProperties(prefix = "kindplan")
public record HubProperties(Path dataDir, Path mappingsDir, Ingest ingest) {

    /** Batch size of store writes, and folders per source under the data folder. */
    public record Ingest(int batchSize, double maxRejectedShare) {
    }
}
