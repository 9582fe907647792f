package nl.kindplan.hub.mapping;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import nl.kindplan.hub.domain.Source;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The declarative mappings of {@code mappings/}, read once at start-up: source mappings
 * ({@code verzuim.yaml}, {@code inschrijvingen.yaml}, {@code ijw.yaml}, {@code edexml.yaml}), code tables ({@code codes/<name>.csv}) and the school →
 * samenwerkingsverband table. Nothing here is compiled in, so a gemeente edits a file to add a code.
 */
public final class Mappings {

    public static final String VERZUIMSOORT = "verzuimsoort";
    public static final String PRODUCTCATEGORIE = "productcategorie";
    public static final String REDEN_BEEINDIGING = "redenbeeindiging";
    public static final String VERWIJZER = "verwijzer";
    public static final String ONDERWIJSSOORT = "onderwijssoort";
    public static final String UITSCHRIJVINGSREDEN = "uitschrijvingsreden";

    /** A school location's samenwerkingsverband. */
    public record Samenwerkingsverband(String code, String naam) {
    }


    private static final CSVFormat SEMICOLON_CSV = CSVFormat.DEFAULT.builder()
            .setDelimiter(';').setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
            .setTrim(true).setCommentMarker('#').get();

    private final Map<String, SourceMapping> sources;
    private final Map<String, CodeTable> codeTables;
    private final Map<String, Samenwerkingsverband> swvPerSchool;

    private Mappings(Map<String, SourceMapping> sources, Map<String, CodeTable> codeTables,
                     Map<String, Samenwerkingsverband> swvPerSchool) {
        this.sources = sources;
        this.codeTables = codeTables;
        this.swvPerSchool = swvPerSchool;
    }

    /** Reads every mapping under {@code dir}; a mapping that cannot be read stops start-up. */
    public static Mappings load(Path dir, Path swvTable) {
        ObjectMapper yaml = new YAMLMapper();
        Map<String, SourceMapping> sources = new HashMap<>();
        Map<String, CodeTable> tables = new HashMap<>();
        try {
            for (String source : Arrays.stream(Source.values()).map(Source::key).toList()) {
                Path f = dir.resolve(source + ".yaml");
                if (!Files.exists(f)) {
                    continue; // source(name) says so when a reader needs it
                }
                try {
                    sources.put(source, yaml.readValue(f.toFile(), SourceMapping.class));
                } catch (JacksonException e) {
                    throw new IllegalStateException("cannot read the source mapping " + f + ": " + e.getMessage(), e);
                }
            }
            Path codes = dir.resolve("codes");
            if (Files.isDirectory(codes)) {
                try (var codeFiles = Files.list(codes)) {
                    for (Path f : codeFiles.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
                        CodeTable table = readCodeTable(f);
                        tables.put(table.naam(), table);
                    }
                }
            }
            return new Mappings(sources, tables, readSwvTable(swvTable));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the mappings in " + dir, e);
        }
    }

    public SourceMapping source(String name) {
        SourceMapping mapping = sources.get(name.toLowerCase(Locale.ROOT));
        if (mapping == null) {
            throw new IllegalStateException("no mapping " + name + ".yaml in the mappings folder");
        }
        return mapping;
    }

    public CodeTable codeTable(String name) {
        CodeTable table = codeTables.get(name.toLowerCase(Locale.ROOT));
        if (table == null) {
            throw new IllegalStateException("no code table codes/" + name + ".csv in the mappings folder");
        }
        return table;
    }

    /** The samenwerkingsverband of a school location; vestiging defaults to 00. */
    public Optional<Samenwerkingsverband> samenwerkingsverband(String brin, String vestiging) {
        if (brin == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(swvPerSchool.get(schoolKey(brin, vestiging)));
    }

    /** A samenwerkingsverband by its code, as the school table names it (for the dashboard). */
    public Optional<Samenwerkingsverband> samenwerkingsverband(String code) {
        return swvPerSchool.values().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public static String schoolKey(String brin, String vestiging) {
        return brin.toUpperCase(Locale.ROOT) + (vestiging == null || vestiging.isBlank() ? "00" : vestiging);
    }

    private static CodeTable readCodeTable(Path file) throws IOException {
        String name = file.getFileName().toString().replace(".csv", "").toLowerCase(Locale.ROOT);
        List<CodeTable.Code> codes = new ArrayList<>();
        Map<String, String> synoniemen = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = SEMICOLON_CSV.parse(r)) {
            for (CSVRecord rec : parser) {
                Map<String, String> kolommen = new LinkedHashMap<>();
                rec.toMap().forEach((k, v) -> kolommen.put(k.toLowerCase(Locale.ROOT), v));
                String code = rec.get("code");
                codes.add(new CodeTable.Code(code, kolommen.get("omschrijving"), kolommen));
                String syn = kolommen.get("synoniemen");
                if (syn != null && !syn.isBlank()) {
                    for (String s : syn.split(",")) {
                        synoniemen.put(s.trim(), code);
                    }
                }
            }
        }
        return new CodeTable(name, codes, synoniemen);
    }

    private static Map<String, Samenwerkingsverband> readSwvTable(Path file) throws IOException {
        Map<String, Samenwerkingsverband> table = new HashMap<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8);
             CSVParser parser = SEMICOLON_CSV.parse(r)) {
            for (CSVRecord rec : parser) {
                table.put(schoolKey(rec.get("brin"), rec.get("vestiging")),
                        new Samenwerkingsverband(rec.get("swv_code"), rec.get("swv_naam")));
            }
        }
        return table;
    }
}
