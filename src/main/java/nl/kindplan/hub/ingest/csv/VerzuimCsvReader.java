package nl.kindplan.hub.ingest.csv;

import java.io.InputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Set;

import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.CodeTable;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.mapping.SourceMapping;

/** DUO verzuim export (inputs.md §1): one verzuimmelding version per row. */
public class VerzuimCsvReader implements SourceReader {

    private static final Set<String> REQUIRED = Set.of("meldingsnummer", "laatsteMutatie", "status",
            "verzuimsoort", "geboortedatum", "brin", "gemeentecode", "begindatum");
    private static final Set<String> STATUSSEN = Set.of("R", "B", "G", "K", "I");
    /** The longest meldingsnummer the store keeps (V1__store.sql). */
    private static final int MAX_MELDINGSNUMMER = 50;

    private final SourceMapping mapping;
    private final CodeTable verzuimsoorten;

    public VerzuimCsvReader(Mappings mappings) {
        this.mapping = mappings.source("verzuim");
        this.verzuimsoorten = mappings.codeTable(Mappings.VERZUIMSOORT);
    }

    @Override
    public Source source() {
        return Source.VERZUIM;
    }

    @Override
    public void read(InputStream in, String fileName, IngestSink sink) throws UnreadableFileException {
        CsvRows.read(in, mapping, REQUIRED, sink, row -> {
            RowValues v = new RowValues(row, mapping);
            try {
                var kind = v.kind();
                LocalDate begindatum = v.date("begindatum", true);
                LocalDate einddatum = v.date("einddatum", false);
                if (einddatum != null && einddatum.isBefore(begindatum)) {
                    throw new RowValues.BadRowException("einddatum is eerder dan begindatum");
                }
                String reden = v.optional("vermoedelijkeReden");
                if (reden != null && reden.length() > 200) {
                    throw new RowValues.BadRowException("vermoedelijke_reden is langer dan 200 tekens");
                }
                LocalDateTime laatsteMutatie = v.dateTime("laatsteMutatie");
                if (laatsteMutatie.toLocalDate().isAfter(LocalDate.now().plusDays(1))) {
                    // the newest version wins: one from the future would hide every real later one
                    throw new RowValues.BadRowException(v.column("laatsteMutatie") + " '"
                            + v.required("laatsteMutatie") + "' ligt in de toekomst");
                }
                sink.verzuimmelding(kind, new Verzuimmelding(
                        v.atMost("meldingsnummer", MAX_MELDINGSNUMMER, true),
                        laatsteMutatie,
                        v.oneOf("status", STATUSSEN),
                        v.code("verzuimsoort", verzuimsoorten, true),
                        v.matching("brin", "[0-9]{2}[A-Z]{2}", true, "4 tekens: 2 cijfers en 2 hoofdletters"),
                        defaultVestiging(v.matching("vestiging", "[0-9]{2}", false, "2 cijfers")),
                        v.matching("gemeentecode", "[0-9]{4}", true, "4 cijfers"),
                        begindatum, einddatum,
                        v.nonNegativeNumber("uren"),
                        reden,
                        new Herkomst(fileName, row.line())));
            } catch (RowValues.BadRowException e) {
                sink.rowError(row.line(), e.getMessage());
            }
        });
    }

    static String defaultVestiging(String vestiging) {
        return vestiging == null ? "00" : vestiging;
    }
}
