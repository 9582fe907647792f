package nl.kindplan.hub.ingest.csv;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.SourceMapping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV conventions of inputs.md, streaming: strict UTF-8 with an optional BOM, separator
 * {@code ;}, RFC 4180 quoting, one header row; columns found by header name (case-insensitive, via
 * the source's mapping), in any order; unknown columns ignored.
 */
public final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';')
            .setIgnoreEmptyLines(true).setIgnoreSurroundingSpaces(true).get();

    /** One data row: its first line in the file and its values by hub field. */
    public record Row(long line, Map<String, String> values) {
        /** The trimmed value, or null when absent or empty. */
        public String get(String field) {
            String v = values.get(field);
            return v == null || v.isBlank() ? null : v.trim();
        }
    }

    private CsvRows() {
    }

    /**
     * Reads every row of the stream and hands it to {@code rowHandler}.
     *
     * @param requiredFields fields whose column must be in the header, or the file cannot be read
     */
    public static void read(InputStream in, SourceMapping mapping, Set<String> requiredFields,
                            Consumer<Row> rowHandler) throws UnreadableFileException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder));
             CSVParser parser = FORMAT.parse(skipBom(reader))) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableFileException("the file is empty: no header row");
            }
            Map<String, Integer> columns = columns(records.next(), mapping, requiredFields);
            long previousEnd = parser.getCurrentLineNumber();
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                long line = previousEnd + 1;
                previousEnd = parser.getCurrentLineNumber();
                Map<String, String> values = new HashMap<>();
                columns.forEach((field, index) -> values.put(field, rec.isSet(index) ? rec.get(index) : null));
                rowHandler.accept(new Row(line, values));
            }
        } catch (UncheckedIOException | IOException e) {
            Throwable cause = e instanceof UncheckedIOException u ? u.getCause() : e;
            if (cause instanceof CharacterCodingException) {
                throw new UnreadableFileException("the file is not valid UTF-8", e);
            }
            throw new UnreadableFileException("the file cannot be read as CSV: " + cause.getMessage(), e);
        }
    }

    private static BufferedReader skipBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }

    /** Maps each hub field to its column index, through the names the mapping allows for it. */
    private static Map<String, Integer> columns(CSVRecord header, SourceMapping mapping, Set<String> requiredFields)
            throws UnreadableFileException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        Map<String, Integer> columns = new HashMap<>();
        List<String> missing = new ArrayList<>();
        for (String field : mapping.fields().keySet()) {
            mapping.namesOf(field).stream().map(n -> byName.get(n.toLowerCase(Locale.ROOT)))
                    .filter(i -> i != null).findFirst().ifPresent(i -> columns.put(field, i));
        }
        for (String field : requiredFields) {
            if (!columns.containsKey(field)) {
                missing.add(mapping.namesOf(field).get(0));
            }
        }
        if (!missing.isEmpty()) {
            throw new UnreadableFileException("missing required column(s): " + String.join(", ", missing));
        }
        return columns;
    }
}
