package nl.kindplan.hub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The register of processing activities ({@code mappings/verwerkingsactiviteiten.yaml}, AVG art. 30):
 * every entry of the processing log names one, so an inzage can say why and on what basis.
 */
public final class Verwerkingsactiviteiten {

    /** The activities the hub logs itself; each must be in the register, or the hub does not start. */
    public static final String SIGNALERING = "signalering";
    public static final String KIND_INZIEN = "kind-inzien";
    public static final String INZAGEVERZOEK = "inzageverzoek";
    public static final String CIJFERS = "cijfers";
    public static final String BEWAARTERMIJN = "bewaartermijn";
    /** Followed by the recipient type in lower case: casusbericht-swv, casusbericht-gemeente. */
    public static final String CASUSBERICHT = "casusbericht-";

    public record Activiteit(String id, String naam, String doel, List<String> grondslag, List<String> gegevens,
                             List<String> ontvangers, String bewaartermijn) {
    }

    private record Register(List<Activiteit> activiteiten) {
    }

    private final Map<String, Activiteit> byId;

    private Verwerkingsactiviteiten(Map<String, Activiteit> byId) {
        this.byId = byId;
    }

    public static Verwerkingsactiviteiten load(Path file, List<String> recipientTypes) {
        Register register;
        try {
            register = YAMLMapper.builder()
                    .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .build()
                    .readValue(file.toFile(), Register.class);
        } catch (JacksonException e) {
            throw new IllegalStateException("cannot read the register of processing activities " + file, e);
        }
        Map<String, Activiteit> byId = new LinkedHashMap<>();
        for (Activiteit a : register.activiteiten()) {
            if (a.grondslag() == null || a.grondslag().isEmpty() || a.doel() == null) {
                throw new IllegalStateException(file + ": activity " + a.id() + " needs a doel and a grondslag");
            }
            byId.put(a.id(), a);
        }
        List<String> needed = new java.util.ArrayList<>(List.of(SIGNALERING, KIND_INZIEN, INZAGEVERZOEK, CIJFERS,
                BEWAARTERMIJN));
        recipientTypes.forEach(t -> needed.add(casusbericht(t)));
        for (String id : needed) {
            if (!byId.containsKey(id)) {
                throw new IllegalStateException(file + " lacks the processing activity '" + id + "' the hub logs");
            }
        }
        return new Verwerkingsactiviteiten(byId);
    }

    public static String casusbericht(String recipientType) {
        return CASUSBERICHT + recipientType.toLowerCase(java.util.Locale.ROOT);
    }

    public Optional<Activiteit> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    public List<Activiteit> all() {
        return List.copyOf(byId.values());
    }
}
