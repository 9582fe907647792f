package nl.kindplan.hub.ingest.csv;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
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
import java.util.stream.Collectors;

import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.SourceMapping;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The CSV conventions of inputs.md, streaming: UTF-8 with an optional BOM, separator {@code ;},
 * RFC 4180 quoting, one header row; columns found by header name (case-insensitive, via the
 * source's mapping), in any order; unknown columns ignored.
 * <p>
 * A row that is not valid UTF-8 is a bad row (the rows that are valid UTF-8 read the same in any
 * encoding that shares ASCII, so they are safe to take in). Empty rows (blank lines, or only
 * separators as spreadsheets leave them) are skipped with a note. Line numbers are those of the
 * file, blank lines and line breaks inside quoted values included.
 */
public final class CsvRows {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setDelimiter(';')
            .setIgnoreEmptyLines(false).setIgnoreSurroundingSpaces(true).get();
    /** What a decoder puts where the bytes are not UTF-8. */
    private static final char NOT_UTF8 = '\uFFFD';
    private static final int LINES_LISTED = 10;

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
     * Reads every row of the stream and hands each good one to {@code rowHandler}; a row that is not
     * valid UTF-8 goes to the sink as a bad row, empty rows as a note.
     *
     * @param requiredFields fields whose column must be in the header, or the file cannot be read
     */
    public static void read(InputStream in, SourceMapping mapping, Set<String> requiredFields, IngestSink sink,
                            Consumer<Row> rowHandler) throws UnreadableFileException {
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        long recordStart = 1;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(withoutBom(in), decoder));
             CSVParser parser = FORMAT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            CSVRecord header = null;
            while (header == null && records.hasNext()) {
                CSVRecord rec = records.next();
                header = isEmpty(rec) ? null : rec;
                recordStart = parser.getCurrentLineNumber() + 1;
            }
            if (header == null) {
                throw new UnreadableFileException("het bestand is leeg: er is geen kopregel");
            }
            List<String> names = header(header);
            Map<String, Integer> columns = columns(names, mapping, requiredFields);
            List<Long> emptyRows = new ArrayList<>();
            long dataRows = 0;
            while (records.hasNext()) {
                CSVRecord rec = records.next();
                long line = recordStart;
                recordStart = parser.getCurrentLineNumber() + 1;
                if (isEmpty(rec)) {
                    emptyRows.add(line);
                    continue;
                }
                dataRows++;
                int notUtf8 = firstColumnNotUtf8(rec);
                if (notUtf8 >= 0) {
                    sink.rowError(line, "verkeerde tekenset: deze regel is geen geldige UTF-8 (in kolom "
                            + (notUtf8 < names.size() ? names.get(notUtf8) : String.valueOf(notUtf8 + 1))
                            + "): is het bestand in een andere tekenset opgeslagen, zoals Windows-1252?");
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                columns.forEach((field, index) -> values.put(field, rec.isSet(index) ? rec.get(index) : null));
                rowHandler.accept(new Row(line, values));
            }
            if (!emptyRows.isEmpty()) {
                sink.note(emptyRows.size() + " lege regel(s) overgeslagen: regels " + listed(emptyRows));
            }
            if (dataRows == 0) {
                sink.note("het bestand bevat geen gegevens, alleen de kopregel");
            }
        } catch (UncheckedIOException | IOException e) {
            IOException cause = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
            throw new UnreadableFileException(whyNotCsv(recordStart, cause), cause);
        }
    }

    /** The header's column names; a header that is not text makes the file unreadable. */
    private static List<String> header(CSVRecord header) throws UnreadableFileException {
        List<String> names = header.stream().map(String::trim).toList();
        String all = String.join(";", names);
        if (all.indexOf('\0') >= 0) {
            throw new UnreadableFileException("verkeerde tekenset: de kopregel bevat NUL-tekens, het bestand is geen "
                    + "UTF-8-tekst (UTF-16 zonder byte order mark?)");
        }
        if (all.indexOf(NOT_UTF8) >= 0) {
            throw new UnreadableFileException("verkeerde tekenset: de kopregel is geen geldige UTF-8; exporteer of "
                    + "bewaar het bestand als CSV UTF-8");
        }
        return names;
    }

    /** Passes a UTF-8 byte order mark over and refuses UTF-16, which would otherwise read as garbage. */
    private static InputStream withoutBom(InputStream in) throws IOException, UnreadableFileException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(3);
        byte[] start = buffered.readNBytes(3);
        if (start.length == 3 && (start[0] & 0xFF) == 0xEF && (start[1] & 0xFF) == 0xBB && (start[2] & 0xFF) == 0xBF) {
            return buffered;
        }
        if (start.length >= 2 && ((start[0] & 0xFF) == 0xFF && (start[1] & 0xFF) == 0xFE
                || (start[0] & 0xFF) == 0xFE && (start[1] & 0xFF) == 0xFF)) {
            throw new UnreadableFileException(String.format("verkeerde tekenset: het bestand is UTF-16 (het begint met "
                    + "de byte order mark %02X %02X), geen UTF-8; exporteer of bewaar het als CSV UTF-8",
                    start[0] & 0xFF, start[1] & 0xFF));
        }
        buffered.reset();
        return buffered;
    }

    /** A blank line, a line of spaces or a row of bare separators. */
    private static boolean isEmpty(CSVRecord rec) {
        return rec.stream().allMatch(String::isBlank);
    }

    private static int firstColumnNotUtf8(CSVRecord rec) {
        for (int i = 0; i < rec.size(); i++) {
            if (rec.get(i).indexOf(NOT_UTF8) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** Why the parser gave up, in the words of the file: where, and what to look for. */
    private static String whyNotCsv(long line, IOException cause) {
        String message = cause.getMessage() == null ? cause.toString() : cause.getMessage();
        if (message.contains("EOF reached before encapsulated token finished")) {
            return "regel " + line + ": een waarde tussen aanhalingstekens wordt voor het einde van het bestand niet "
                    + "afgesloten (is het bestand afgebroken?); de regels erna zijn niet van elkaar te onderscheiden";
        }
        if (message.contains("invalid char between encapsulated token and delimiter")) {
            return "regel " + line + ": na het sluitende aanhalingsteken van een waarde staat nog tekst (een "
                    + "aanhalingsteken binnen een waarde moet dubbel staan: \"\"); de regels erna zijn niet van elkaar "
                    + "te onderscheiden";
        }
        return "het bestand is vanaf regel " + line + " niet als CSV te lezen (melding van de CSV-lezer: " + message + ")";
    }

    /** The separator a one-column header seems to use instead of ';' (a ',' or a tab), if any. */
    private static java.util.Optional<String> separatorOf(List<String> header) {
        if (header.size() != 1) {
            return java.util.Optional.empty();
        }
        String only = header.get(0);
        if (only.indexOf(',') >= 0) {
            return java.util.Optional.of(",");
        }
        return only.indexOf('\t') >= 0 ? java.util.Optional.of("een tab") : java.util.Optional.empty();
    }

    private static String listed(List<Long> lines) {
        String listed = lines.stream().limit(LINES_LISTED).map(String::valueOf).collect(Collectors.joining(", "));
        return lines.size() > LINES_LISTED ? listed + ", ..." : listed;
    }

    /** Maps each hub field to its column index, through the names the mapping allows for it. */
    private static Map<String, Integer> columns(List<String> header, SourceMapping mapping, Set<String> requiredFields)
            throws UnreadableFileException {
        Map<String, Integer> byName = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            byName.putIfAbsent(header.get(i).toLowerCase(Locale.ROOT), i);
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
            throw new UnreadableFileException(separatorOf(header).map(sep -> "verkeerd scheidingsteken: verwacht ; maar "
                    + "de kopregel is gescheiden door " + sep + " (sla het bestand op als CSV met ; als scheidingsteken)")
                    .orElse("kolom(men) ontbreken in de kopregel: " + String.join(", ", missing)));
        }
        return columns;
    }
}
