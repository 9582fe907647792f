package nl.kindplan.hub.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** One DUO CSV export being written row by row (';', quoted where needed, as the demo writes them). */
final class CsvExport implements AutoCloseable {

    static final List<String> VERZUIM = List.of("meldingsnummer", "laatste_mutatie", "status", "verzuimsoort",
            "bsn", "onderwijsnummer", "geboortedatum", "achternaam", "voorvoegsel", "voornamen", "brin",
            "vestiging", "gemeentecode", "begindatum", "einddatum", "uren", "vermoedelijke_reden");
    static final List<String> INSCHRIJVINGEN = List.of("soort", "mutatie", "regel_id", "bsn", "onderwijsnummer",
            "geboortedatum", "achternaam", "voorvoegsel", "voornamen", "gemeentecode", "brin", "vestiging",
            "onderwijssoort", "begindatum", "einddatum", "reden", "vrijstelling");

    private final String source;
    private final Path file;
    private final CSVPrinter printer;
    private long rows;

    CsvExport(String source, Path file, List<String> header) throws IOException {
        this.source = source;
        this.file = file;
        Files.createDirectories(file.getParent());
        this.printer = new CSVPrinter(new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file),
                StandardCharsets.UTF_8), 1 << 16), CSVFormat.DEFAULT.builder().setDelimiter(';')
                .setRecordSeparator("\n").setHeader(header.toArray(String[]::new)).get());
    }

    void row(Object... values) throws IOException {
        for (Object v : values) {
            printer.print(v == null ? "" : v.toString());
        }
        printer.println();
        rows++;
    }

    /** Closes the file and counts it in the tally. */
    void close(Tally tally) throws IOException {
        printer.close();
        tally.file(source, rows, Files.size(file));
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
