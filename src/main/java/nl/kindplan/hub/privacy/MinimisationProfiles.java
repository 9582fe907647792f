package nl.kindplan.hub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * The fields per recipient type of {@code mappings/minimisation.yaml}, read as they stand, so that the
 * processing log records which fields a message could carry. (Delivery applies the same file through
 * its own Minimisation; this reads it only.)
 */
public final class MinimisationProfiles {

    private final Map<String, List<String>> fields;

    private MinimisationProfiles(Map<String, List<String>> fields) {
        this.fields = fields;
    }

    public static MinimisationProfiles load(Path file) {
        try {
            return new MinimisationProfiles(Map.copyOf(new ObjectMapper(new YAMLFactory()).readValue(file.toFile(),
                    new TypeReference<Map<String, List<String>>>() { })));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the minimisation table " + file, e);
        }
    }

    /** The recipient types the table knows (SWV, GEMEENTE). */
    public List<String> types() {
        return fields.keySet().stream().sorted().toList();
    }

    /** The profile's fields as one line ("*" is the whole message); empty when the type is unknown. */
    public String fieldsOf(String recipientType) {
        List<String> list = fields.get(recipientType);
        return list == null ? "" : String.join(", ", list);
    }
}
