package nl.kindplan.hub.delivery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * Data minimisation per recipient type (AVG art. 5), declared in {@code mappings/minimisation.yaml}:
 * the fields of a case message each recipient type may get, as dotted paths ({@code kind.bsn},
 * {@code verzuim[].status}; {@code *} for everything). What is not listed is left out.
 */
public final class Minimisation {

    private final Map<RecipientType, List<String>> allowed;

    private Minimisation(Map<RecipientType, List<String>> allowed) {
        this.allowed = allowed;
    }

    public static Minimisation load(Path file) {
        try {
            Map<String, List<String>> raw = new YAMLMapper().readValue(file.toFile(),
                    new TypeReference<>() { });
            Map<RecipientType, List<String>> allowed = new EnumMap<>(RecipientType.class);
            for (RecipientType type : RecipientType.values()) {
                List<String> paths = raw.get(type.name());
                if (paths == null) {
                    throw new IllegalStateException(file + " says nothing of recipient type " + type);
                }
                allowed.put(type, paths);
            }
            return new Minimisation(allowed);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read the minimisation table " + file, e);
        }
    }

    /** The recipient types the table speaks of, by name (SWV, GEMEENTE). */
    public List<String> types() {
        return allowed.keySet().stream().map(Enum::name).sorted().toList();
    }

    /** A recipient type's fields as one line ("*" is the whole message); empty for a type the hub does not know. */
    public String fieldsOf(String recipientType) {
        return allowed.entrySet().stream().filter(e -> e.getKey().name().equals(recipientType))
                .map(e -> String.join(", ", e.getValue())).findFirst().orElse("");
    }

    /** A copy of the message with only what this recipient type may get. */
    public ObjectNode apply(RecipientType type, ObjectNode message) {
        ObjectNode result = JsonNodeFactory.instance.objectNode();
        for (String path : allowed.get(type)) {
            if (path.equals("*")) {
                return message.deepCopy();
            }
            copy(message, result, path.split("\\."), 0);
        }
        return result;
    }

    private static void copy(JsonNode from, ObjectNode to, String[] path, int i) {
        boolean array = path[i].endsWith("[]");
        String name = array ? path[i].substring(0, path[i].length() - 2) : path[i];
        JsonNode value = from.get(name);
        if (value == null || value.isNull()) {
            return;
        }
        boolean last = i == path.length - 1;
        if (last) {
            to.set(name, value.deepCopy());
        } else if (array && value.isArray()) {
            ArrayNode target = to.has(name) ? (ArrayNode) to.get(name) : to.putArray(name);
            for (int k = 0; k < value.size(); k++) {
                ObjectNode element = k < target.size() ? (ObjectNode) target.get(k) : target.addObject();
                copy(value.get(k), element, path, i + 1);
            }
        } else if (value.isObject()) {
            ObjectNode target = to.has(name) ? (ObjectNode) to.get(name) : to.putObject(name);
            copy(value, target, path, i + 1);
        }
    }
}
