package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import nl.kindplan.hub.demo.DemoWorld.Kind;

/**
 * Writes a synthetic, realistic demo dataset into the hub's inboxes: DUO verzuim exports, DUO
 * registration mutaties and a full snapshot, iJw 3.2 messages and EDEXML school snapshots, for
 * children whose stories make every signal of signals.md fire for some of them on {@code asOf}
 * (see {@link Scenario}). The same seed and asOf give byte-identical files. Every file is written
 * atomically, so a running hub can poll the inboxes meanwhile.
 */
public final class DemoDataGenerator {

    /** The folders the hub reads its sources from. */
    public record Inboxes(Path verzuim, Path ijw, Path inschrijvingen, Path edexml) {
    }

    /**
     * What was written. {@code files} and {@code rows} are keyed by kind: {@code verzuim},
     * {@code inschrijvingen} (mutatie files), {@code inschrijvingen-volledig}, {@code jw315},
     * {@code jw301}, {@code jw305}, {@code jw307} (a row is a message) and {@code edexml} (a row is a
     * leerling). {@code examples} lists up to three children (BSN, or onderwijsnummer when they have
     * none) per scenario name; they are personal-looking numbers, so {@link #toString()} leaves them out.
     */
    public record Summary(LocalDate asOf, long seed, int children, Map<String, Integer> childrenPerScenario,
                          Map<String, Integer> childrenPerIdentity, Map<String, Integer> files,
                          Map<String, Integer> rows, Map<String, List<String>> examples) {

        /** Counts only, fit for a log line. */
        public String counts() {
            String bestanden = files.keySet().stream()
                    .map(soort -> soort + "=" + files.get(soort) + " files/" + rows.get(soort) + " rows")
                    .collect(Collectors.joining(", "));
            return "asOf=" + asOf + " children=" + children + " scenarios=" + childrenPerScenario
                    + " identities=" + childrenPerIdentity + " written: " + bestanden;
        }

        @Override
        public String toString() {
            return counts();
        }
    }

    private static final int VOORBEELDEN = 3;

    private final List<DemoSchool> scholen;

    /** A generator for the given schools, which need at least one PO and one VO school. */
    public DemoDataGenerator(List<DemoSchool> scholen) {
        this.scholen = List.copyOf(scholen);
    }

    /** A generator for the schools of the school → samenwerkingsverband table. */
    public static DemoDataGenerator withSwvTable(Path swvTable) {
        return new DemoDataGenerator(DemoSchool.fromSwvTable(swvTable));
    }

    /**
     * Writes the dataset for {@code children} children into the inboxes, creating them as needed.
     *
     * @throws IllegalArgumentException when there are too few children to show every scenario
     * @throws UncheckedIOException     when a file cannot be written
     */
    public Summary generate(Inboxes inboxes, int children, long seed, LocalDate asOf) {
        DemoWorld wereld = new DemoWorldBuilder(new Random(seed), asOf, scholen).bouw(children);
        DeliveryDates lever = DeliveryDates.voor(asOf);
        Map<String, Written> geschreven = new LinkedHashMap<>();
        try {
            geschreven.put("verzuim", VerzuimCsv.schrijf(wereld, lever, inboxes.verzuim()));
            geschreven.put("inschrijvingen", InschrijvingenCsv.schrijf(wereld, lever, inboxes.inschrijvingen()));
            geschreven.put("inschrijvingen-volledig",
                    InschrijvingenCsv.schrijfVolledig(wereld, lever, inboxes.inschrijvingen()));
            IjwMessageFiles.schrijf(wereld, inboxes.ijw()).forEach((type, g) -> geschreven.put(type.prefix(), g));
            geschreven.put("edexml", EdexmlFiles.schrijf(wereld, scholen, lever, inboxes.edexml()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the demo dataset", e);
        }
        return samenvatting(wereld, seed, geschreven);
    }

    private static Summary samenvatting(DemoWorld wereld, long seed, Map<String, Written> geschreven) {
        Map<String, Integer> perScenario = new LinkedHashMap<>();
        Map<String, List<String>> voorbeelden = new LinkedHashMap<>();
        for (Scenario s : Scenario.values()) {
            perScenario.put(s.name(), 0);
            voorbeelden.put(s.name(), new ArrayList<>());
        }
        Map<String, Integer> perIdentiteit = new LinkedHashMap<>();
        perIdentiteit.put("BSN", 0);
        perIdentiteit.put("ONDERWIJSNUMMER", 0);
        perIdentiteit.put("BSN_EN_ONDERWIJSNUMMER", 0);
        for (Kind k : wereld.kinderen()) {
            perScenario.merge(k.scenario().name(), 1, Integer::sum);
            List<String> lijst = voorbeelden.get(k.scenario().name());
            if (lijst.size() < VOORBEELDEN) {
                lijst.add(k.sleutel());
            }
            String identiteit = k.bsn() == null ? "ONDERWIJSNUMMER"
                    : k.onderwijsnummer() == null ? "BSN" : "BSN_EN_ONDERWIJSNUMMER";
            perIdentiteit.merge(identiteit, 1, Integer::sum);
        }
        Map<String, Integer> files = new LinkedHashMap<>();
        Map<String, Integer> rows = new LinkedHashMap<>();
        geschreven.forEach((soort, g) -> {
            files.put(soort, g.bestanden());
            rows.put(soort, g.regels());
        });
        Map<String, List<String>> examples = new LinkedHashMap<>();
        voorbeelden.forEach((s, lijst) -> examples.put(s, List.copyOf(lijst)));
        return new Summary(wereld.asOf(), seed, wereld.kinderen().size(), Collections.unmodifiableMap(perScenario),
                Collections.unmodifiableMap(perIdentiteit), Collections.unmodifiableMap(files),
                Collections.unmodifiableMap(rows), Collections.unmodifiableMap(examples));
    }
}
