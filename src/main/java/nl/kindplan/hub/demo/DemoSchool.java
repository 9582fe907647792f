package nl.kindplan.hub.demo;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A school location the demo children attend, taken from the school → samenwerkingsverband table
 * (inputs.md §4), so that every demo school has a samenwerkingsverband. The sector (PO or VO) is the
 * one of its SWV code.
 */
public record DemoSchool(String brin, String vestiging, Sector sector) {

    public enum Sector { PO, VO }

    private static final CSVFormat SWV_CSV = CSVFormat.DEFAULT.builder()
            .setDelimiter(';').setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
            .setTrim(true).setCommentMarker('#').get();

    /** {@code brin} + {@code vestiging}, as in the EDEXML file names. */
    public String code() {
        return brin + vestiging;
    }

    /** The PO and VO schools of the table, in table order; other sectors are left out. */
    public static List<DemoSchool> fromSwvTable(Path swvTabel) {
        List<DemoSchool> scholen = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(swvTabel, StandardCharsets.UTF_8);
             CSVParser parser = SWV_CSV.parse(r)) {
            for (CSVRecord rec : parser) {
                String swv = rec.get("swv_code").toUpperCase(Locale.ROOT);
                String vestiging = rec.get("vestiging").isBlank() ? "00" : rec.get("vestiging");
                if (swv.startsWith("PO")) {
                    scholen.add(new DemoSchool(rec.get("brin").toUpperCase(Locale.ROOT), vestiging, Sector.PO));
                } else if (swv.startsWith("VO")) {
                    scholen.add(new DemoSchool(rec.get("brin").toUpperCase(Locale.ROOT), vestiging, Sector.VO));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the school table " + swvTabel, e);
        }
        return List.copyOf(scholen);
    }
}
