package nl.kindplan.hub.config;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * The hub's own settings ({@code kindplan.*} in {@code config/application.yml}); every one can be
 * overridden by property or environment variable (e.g. {@code KINDPLAN_DATA_DIR}).
 */
@ConfigurationProperties(prefix = "kindplan")
public record HubProperties(Path dataDir, Path mappingsDir, MappingFiles mappings, Ingest ingest) {

    /** Where the school → samenwerkingsverband table lies (the other mappings are in mappingsDir). */
    public record MappingFiles(Path swvTable) {
    }

    /**
     * Store writes per batch, the share of bad rows above which a file is rejected whole, and how many
     * files or rows at most one intake transaction holds (0: 500 files, 50 000 rows).
     */
    public record Ingest(int batchSize, double maxRejectedShare, int groupFiles, int groupRows) {

        @ConstructorBinding
        public Ingest {
            groupFiles = groupFiles > 0 ? groupFiles : 500;
            groupRows = groupRows > 0 ? groupRows : 50_000;
        }

        public Ingest(int batchSize, double maxRejectedShare) {
            this(batchSize, maxRejectedShare, 0, 0);
        }
    }
}
