package nl.kindplan.hub.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;

import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.RecordingSink;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.Mappings;
import org.junit.jupiter.api.Test;

class VerzuimCsvReaderTest {

    private static final Mappings MAPPINGS = Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
    private static final String HEADER = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;onderwijsnummer;"
            + "geboortedatum;achternaam;voorvoegsel;voornamen;brin;vestiging;gemeentecode;begindatum;einddatum;uren;"
            + "vermoedelijke_reden";

    private final VerzuimCsvReader reader = new VerzuimCsvReader(MAPPINGS);

    @Test
    void readsEveryFieldOfAMeldingWithItsLine() throws Exception {
        String bsn = TestBsn.bsn();
        RecordingSink sink = read(HEADER + "\n"
                + "M-1;2026-10-01T09:30:00;R;LRV;" + bsn + ";;2012-03-04;Jansen;van;Piet;10AA;01;0363;2026-09-01;;"
                + "40,5;\"zegt: ziek; thuis\"\n");

        assertThat(sink.rowErrors).isEmpty();
        Verzuimmelding m = sink.meldingen.get(0);
        assertThat(m.meldingsnummer()).isEqualTo("M-1");
        assertThat(m.laatsteMutatie()).isEqualTo(LocalDateTime.of(2026, 10, 1, 9, 30));
        assertThat(m.status()).isEqualTo("R");
        assertThat(m.isOpen()).isTrue();
        assertThat(m.verzuimsoort()).isEqualTo("LRV");
        assertThat(m.brin()).isEqualTo("10AA");
        assertThat(m.vestiging()).isEqualTo("01");
        assertThat(m.gemeentecode()).isEqualTo("0363");
        assertThat(m.begindatum()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(m.einddatum()).isNull();
        assertThat(m.uren()).isEqualByComparingTo(new BigDecimal("40.5"));
        assertThat(m.vermoedelijkeReden()).isEqualTo("zegt: ziek; thuis");
        assertThat(m.herkomst().bestand()).isEqualTo("verzuim-test.csv");
        assertThat(m.herkomst().regel()).isEqualTo(2);
    }

    @Test
    void columnsAreFoundByNameInAnyOrderAndCaseWithUnknownColumnsIgnoredAndBom() throws Exception {
        String bsn = TestBsn.bsn();
        RecordingSink sink = read("\uFEFFExtra;GEMEENTECODE;Begindatum;BRIN;geboortedatum;BSN;verzuimsoort;STATUS;"
                + "laatste_mutatie;meldingsnummer\r\n"
                + "x;0518;2026-09-01;20BA;2010-01-01;" + bsn + ";L;B;2026-10-01T00:00:00;M-2\r\n");

        assertThat(sink.rowErrors).isEmpty();
        Verzuimmelding m = sink.meldingen.get(0);
        assertThat(m.meldingsnummer()).isEqualTo("M-2");
        assertThat(m.gemeentecode()).isEqualTo("0518");
        assertThat(m.vestiging()).as("vestiging defaults to 00").isEqualTo("00");
        assertThat(m.verzuimsoort()).isEqualTo("L");
    }

    @Test
    void aSynonymInTheCodeTableResolvesToItsCode() throws Exception {
        RecordingSink sink = read(HEADER + "\n" + row("M-3", TestBsn.bsn(), "luxe", "2026-09-01") + "\n");

        assertThat(sink.meldingen).extracting(Verzuimmelding::verzuimsoort).containsExactly("L");
    }

    @Test
    void eachBadRowIsRejectedWithItsLineAndReasonWhileTheGoodRowsGoOn() throws Exception {
        String good = TestBsn.bsn();
        RecordingSink sink = read(HEADER + "\n"
                + row("M-10", good, "V3", "2026-09-01") + "\n"
                + row("M-11", "123456789", "V3", "2026-09-01") + "\n"          // fails the 11-proef
                + row("M-12", TestBsn.bsn(), "V3", "2027-06-31") + "\n"        // impossible date
                + row("M-13", TestBsn.bsn(), "XYZ", "2026-09-01") + "\n"       // unknown verzuimsoort
                + row("M-14", TestBsn.bsn(), "V3", "01-09-2026") + "\n"        // date in the wrong pattern
                + row("M-15", TestBsn.onderwijsnummer(), "V3", "2026-09-01") + "\n" // an onderwijsnummer in the bsn column
                + row("M-16", good, "V3", "2026-09-01").replace(";10AA;", ";10aa1;") + "\n"
                + row("M-17", good, "V3", "2026-09-01").replace(";40;", ";-3;") + "\n"
                + row("", good, "V3", "2026-09-01") + "\n"
                + row("M-18", good, "V3", "2026-09-02") + "\n");

        assertThat(sink.meldingen).extracting(Verzuimmelding::meldingsnummer).containsExactly("M-10", "M-18");
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::regel)
                .containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::reden).satisfiesExactly(
                r -> assertThat(r).contains("bsn").contains("11-proef").doesNotContain("123456789"),
                r -> assertThat(r).contains("begindatum").contains("2027-06-31").contains("is geen geldige datum"),
                r -> assertThat(r).contains("verzuimsoort").contains("XYZ"),
                r -> assertThat(r).contains("begindatum").contains("01-09-2026"),
                r -> assertThat(r).contains("11-proef"),
                r -> assertThat(r).contains("brin"),
                r -> assertThat(r).contains("uren").contains("negatief"),
                r -> assertThat(r).contains("meldingsnummer ontbreekt (verplicht veld)"));
    }

    @Test
    void anOnderwijsnummerPassesItsOwnElfproef() throws Exception {
        String onr = TestBsn.onderwijsnummer();
        String csv = HEADER + "\n" + row("M-20", "", "V4", "2026-09-01") + "\n";
        RecordingSink sink = read(csv.replace(";;;2010-05-06;", ";;" + onr + ";2010-05-06;"));

        assertThat(sink.rowErrors).isEmpty();
        assertThat(sink.meldingen).hasSize(1);
    }

    @Test
    void aMissingRequiredColumnMakesTheFileUnreadable() {
        String header = HEADER.replace("verzuimsoort;", "");
        assertThatThrownBy(() -> read(header + "\n"))
                .isInstanceOf(UnreadableFileException.class)
                .hasMessageContaining("kolom(men) ontbreken in de kopregel").hasMessageContaining("verzuimsoort");
    }

    @Test
    void anEmptyFileIsUnreadable() {
        assertThatThrownBy(() -> read("")).isInstanceOf(UnreadableFileException.class).hasMessageContaining("het bestand is leeg");
        assertThatThrownBy(() -> read("\n\n")).isInstanceOf(UnreadableFileException.class).hasMessageContaining("het bestand is leeg");
    }

    @Test
    void aRowThatIsNotUtf8IsRejectedWhileTheRowsThatAreGoOn() throws Exception {
        String good = row("M-30", TestBsn.bsn(), "V3", "2026-09-01");
        String latin1 = row("M-31", TestBsn.bsn(), "V3", "2026-09-01").replace(";2010-05-06;;;;", ";2010-05-06;M\u00fcller;;;");
        RecordingSink sink = new RecordingSink();
        reader.read(new ByteArrayInputStream((HEADER + "\n" + good + "\n" + latin1 + "\n")
                .getBytes(StandardCharsets.ISO_8859_1)), "verzuim-latin1.csv", sink);

        assertThat(sink.meldingen).extracting(Verzuimmelding::meldingsnummer).containsExactly("M-30");
        assertThat(sink.rowErrors).singleElement().satisfies(e -> {
            assertThat(e.regel()).isEqualTo(3);
            assertThat(e.reden()).contains("geen geldige UTF-8").contains("in kolom achternaam").doesNotContain("ller");
        });
    }

    @Test
    void utf16IsUnreadableWithItsReason() {
        byte[] utf16 = (HEADER + "\n").getBytes(java.nio.charset.Charset.forName("x-UTF-16LE-BOM"));
        assertThatThrownBy(() -> reader.read(new ByteArrayInputStream(utf16), "verzuim-utf16.csv", new RecordingSink()))
                .isInstanceOf(UnreadableFileException.class).hasMessageContaining("UTF-16").hasMessageContaining("FF FE");
    }

    @Test
    void lineNumbersCountBlankLinesAndEmptyRowsAreSkippedWithANote() throws Exception {
        RecordingSink sink = read("\n" + HEADER + "\n"
                + row("M-40", TestBsn.bsn(), "V3", "2026-09-01") + "\n"
                + "\n"
                + ";;;;;;;;\n"
                + "   \n"
                + row("M-41", TestBsn.bsn(), "V9", "2026-09-01") + "\n");

        assertThat(sink.meldingen).extracting(Verzuimmelding::meldingsnummer).containsExactly("M-40");
        assertThat(sink.meldingen.get(0).herkomst().regel()).isEqualTo(3);
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::regel).containsExactly(7L);
        assertThat(sink.notes).containsExactly("3 lege regel(s) overgeslagen: regels 4, 5, 6");
    }

    @Test
    void aHeaderWithoutRowsGetsANote() throws Exception {
        RecordingSink sink = read(HEADER + "\n");

        assertThat(sink.meldingen).isEmpty();
        assertThat(sink.notes).containsExactly("het bestand bevat geen gegevens, alleen de kopregel");
    }

    @Test
    void aQuoteThatIsNeverClosedMakesTheFileUnreadableWithItsLine() {
        String csv = HEADER + "\n" + row("M-50", TestBsn.bsn(), "V3", "2026-09-01") + "\n"
                + row("M-51", TestBsn.bsn(), "V3", "2026-09-01") + "\"ziek, sinds";
        assertThatThrownBy(() -> read(csv)).isInstanceOf(UnreadableFileException.class)
                .hasMessageStartingWith("regel 3: een waarde tussen aanhalingstekens wordt voor het einde van het bestand niet afgesloten");
    }

    @Test
    void namesLongerThanTheStoreKeepsAndBirthDatesNeverShowInAReason() throws Exception {
        String bsn = TestBsn.bsn();
        RecordingSink sink = read(HEADER + "\n"
                + row("M-60", bsn, "V3", "2026-09-01").replace(";2010-05-06;;;;", ";2010-05-06;" + "Z".repeat(201) + ";;;") + "\n"
                + row("M-61", bsn, "V3", "2026-09-01").replace(";2010-05-06;", ";2010-15-06;") + "\n"
                + row("M-62", bsn, "V3", "2026-09-01").replace(";2010-05-06;", ";2099-05-06;") + "\n");

        assertThat(sink.meldingen).isEmpty();
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::reden).containsExactly(
                "achternaam is langer dan 200 tekens",
                "geboortedatum is geen geldige datum (formaat yyyy-MM-dd)",
                "geboortedatum ligt in de toekomst");
    }

    @Test
    void aLaatsteMutatieInTheFutureIsRejected() throws Exception {
        RecordingSink sink = read(HEADER + "\n"
                + row("M-70", TestBsn.bsn(), "V3", "2026-09-01").replace("2026-10-01T08:00:00", "2099-01-01T08:00:00") + "\n");

        assertThat(sink.meldingen).isEmpty();
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::reden)
                .containsExactly("laatste_mutatie '2099-01-01T08:00:00' ligt in de toekomst");
    }

    private static String row(String nummer, String bsn, String soort, String begindatum) {
        return nummer + ";2026-10-01T08:00:00;R;" + soort + ";" + bsn + ";;2010-05-06;;;;10AA;00;0363;" + begindatum
                + ";;40;";
    }

    private RecordingSink read(String csv) throws Exception {
        RecordingSink sink = new RecordingSink();
        reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "verzuim-test.csv", sink);
        return sink;
    }
}
