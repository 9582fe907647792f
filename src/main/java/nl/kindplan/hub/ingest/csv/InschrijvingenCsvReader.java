package nl.kindplan.hub.ingest.csv;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Registratie.Soort;
import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.CodeTable;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.mapping.SourceMapping;

/**
 * DUO registrations export (inputs.md §3a): in- and uitschrijvingen and vrijstellingen as
 * mutaties, or, in a file named {@code *-volledig*}, a full snapshot of the gemeenten it covers.
 */
public class InschrijvingenCsvReader implements SourceReader {

    private static final Set<String> REQUIRED = Set.of("soort", "mutatie", "regelId", "geboortedatum",
            "gemeentecode", "begindatum");
    private static final Set<String> MUTATIES = Set.of("TOEGEVOEGD", "GEWIJZIGD", "VERWIJDERD");
    /** The longest regel_id the store keeps (V1__store.sql). */
    private static final int MAX_REGEL_ID = 120;
    private static final Pattern DATE_IN_NAME = Pattern.compile("(\\d{4})-?(\\d{2})-?(\\d{2})");

    private final SourceMapping mapping;
    private final CodeTable onderwijssoorten;
    private final CodeTable redenen;
    private final CodeTable vrijstellingen;

    public InschrijvingenCsvReader(Mappings mappings) {
        this.mapping = mappings.source("inschrijvingen");
        this.onderwijssoorten = mappings.codeTable(Mappings.ONDERWIJSSOORT);
        this.redenen = mappings.codeTable(Mappings.UITSCHRIJVINGSREDEN);
        this.vrijstellingen = mappings.codeTable("vrijstelling");
    }

    @Override
    public Source source() {
        return Source.INSCHRIJVINGEN;
    }

    @Override
    public void read(InputStream in, String fileName, IngestSink sink) throws UnreadableFileException {
        boolean volledig = fileName.toLowerCase(java.util.Locale.ROOT).contains("-volledig");
        Set<String> gemeenten = new HashSet<>();
        Set<String> gelist = new HashSet<>();
        CsvRows.read(in, mapping, REQUIRED, sink, row -> {
            try {
                Registratie r = registratie(new RowValues(row, mapping), new Herkomst(fileName, row.line()), sink);
                if (volledig) {
                    gelist.add(r.regelId());
                    gemeenten.add(r.gemeentecode());
                }
            } catch (RowValues.BadRowException e) {
                sink.rowError(row.line(), e.getMessage());
            }
        });
        if (volledig) {
            sink.snapshot(Registratie.Bron.DUO, IngestSink.SnapshotScope.GEMEENTE, gemeenten, gelist,
                    snapshotDate(fileName));
        }
    }

    private Registratie registratie(RowValues v, Herkomst herkomst, IngestSink sink) {
        Soort soort = Soort.valueOf(v.oneOf("soort", Set.of("INSCHRIJVING", "VRIJSTELLING")));
        String mutatie = v.oneOf("mutatie", MUTATIES);
        var kind = v.kind();
        boolean inschrijving = soort == Soort.INSCHRIJVING;
        LocalDate begindatum = v.date("begindatum", true);
        LocalDate einddatum = v.date("einddatum", false);
        if (einddatum != null && einddatum.isBefore(begindatum)) {
            throw new RowValues.BadRowException("einddatum is eerder dan begindatum");
        }
        Registratie r = new Registratie(Registratie.Bron.DUO, v.atMost("regelId", MAX_REGEL_ID, true), soort,
                v.matching("gemeentecode", "[0-9]{4}", true, "4 cijfers"),
                v.matching("brin", "[0-9]{2}[A-Z]{2}", inschrijving, "4 tekens: 2 cijfers en 2 hoofdletters"),
                inschrijving ? VerzuimCsvReader.defaultVestiging(v.matching("vestiging", "[0-9]{2}", false, "2 cijfers")) : null,
                inschrijving ? v.code("onderwijssoort", onderwijssoorten, true) : null,
                begindatum, einddatum,
                v.code("reden", redenen, false),
                inschrijving ? null : v.code("vrijstelling", vrijstellingen, true),
                "VERWIJDERD".equals(mutatie), herkomst);
        sink.registratie(kind, r);
        return r;
    }

    /** The snapshot's date: the date in its file name (yyyyMMdd or yyyy-MM-dd), else today. */
    static LocalDate snapshotDate(String fileName) {
        Matcher m = DATE_IN_NAME.matcher(fileName);
        while (m.find()) {
            try {
                return LocalDate.parse(m.group(1) + m.group(2) + m.group(3), DateTimeFormatter.BASIC_ISO_DATE);
            } catch (DateTimeParseException e) {
                // digits that are no date: look further along the name
            }
        }
        return LocalDate.now();
    }
}
