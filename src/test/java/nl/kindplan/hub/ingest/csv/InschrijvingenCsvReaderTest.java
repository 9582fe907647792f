package nl.kindplan.hub.ingest.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Set;

import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.ingest.IngestSink;
import nl.kindplan.hub.ingest.RecordingSink;
import nl.kindplan.hub.mapping.Mappings;
import org.junit.jupiter.api.Test;

class InschrijvingenCsvReaderTest {

    private static final Mappings MAPPINGS = Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
    private static final String HEADER = "soort;mutatie;regel_id;bsn;onderwijsnummer;geboortedatum;achternaam;"
            + "voorvoegsel;voornamen;gemeentecode;brin;vestiging;onderwijssoort;begindatum;einddatum;reden;vrijstelling";

    private final InschrijvingenCsvReader reader = new InschrijvingenCsvReader(MAPPINGS);

    @Test
    void readsInschrijvingUitschrijvingAndVrijstelling() throws Exception {
        String bsn = TestBsn.bsn();
        String onr = TestBsn.onderwijsnummer();
        RecordingSink sink = read("inschrijvingen-20261101.csv", HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;R1;" + bsn + ";" + onr + ";2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;GEWIJZIGD;R2;" + bsn + ";;2014-02-03;;;;0363;10AB;;SBO;2019-08-20;2020-07-10;SCHOOLWISSEL;\n"
                + "VRIJSTELLING;TOEGEVOEGD;V1;" + bsn + ";;2014-02-03;;;;0363;;;;2026-01-01;2026-12-31;;5a\n");

        assertThat(sink.rowErrors).isEmpty();
        assertThat(sink.registraties).hasSize(3);
        var inschrijving = sink.registraties.get(0);
        assertThat(inschrijving.kind().bsn()).isEqualTo(bsn);
        assertThat(inschrijving.kind().onderwijsnummer()).as("a row with both numbers links them").isEqualTo(onr);
        Registratie r1 = inschrijving.registratie();
        assertThat(r1.bron()).isEqualTo(Registratie.Bron.DUO);
        assertThat(r1.soort()).isEqualTo(Registratie.Soort.INSCHRIJVING);
        assertThat(r1.regelId()).isEqualTo("R1");
        assertThat(r1.brin()).isEqualTo("10AA");
        assertThat(r1.onderwijssoort()).isEqualTo("BAO");
        assertThat(r1.begindatum()).isEqualTo(LocalDate.of(2020, 8, 20));
        assertThat(r1.verwijderd()).isFalse();
        Registratie r2 = sink.registraties.get(1).registratie();
        assertThat(r2.vestiging()).isEqualTo("00");
        assertThat(r2.einddatum()).isEqualTo(LocalDate.of(2020, 7, 10));
        assertThat(r2.reden()).isEqualTo("SCHOOLWISSEL");
        Registratie v1 = sink.registraties.get(2).registratie();
        assertThat(v1.soort()).isEqualTo(Registratie.Soort.VRIJSTELLING);
        assertThat(v1.vrijstelling()).isEqualTo("5a");
        assertThat(v1.brin()).isNull();
        assertThat(v1.herkomst().regel()).isEqualTo(4);
        assertThat(sink.snapshots).as("a mutatie file is no snapshot").isEmpty();
    }

    @Test
    void verwijderdMarksTheRegistrationRemoved() throws Exception {
        RecordingSink sink = read("inschrijvingen-20261102.csv", HEADER + "\n"
                + "INSCHRIJVING;VERWIJDERD;R1;" + TestBsn.bsn() + ";;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n");

        assertThat(sink.registraties.get(0).registratie().verwijderd()).isTrue();
    }

    @Test
    void aVolledigFileIsASnapshotOfTheGemeentenItCovers() throws Exception {
        RecordingSink sink = read("inschrijvingen-volledig-20261115.csv", HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;R7;" + TestBsn.bsn() + ";;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R8;" + TestBsn.bsn() + ";;2012-02-03;;;;0518;20BA;00;VO;2024-08-20;;;\n");

        assertThat(sink.snapshots).containsExactly(new RecordingSink.Snapshot(Registratie.Bron.DUO,
                IngestSink.SnapshotScope.GEMEENTE, Set.of("0363", "0518"), Set.of("R7", "R8"), LocalDate.of(2026, 11, 15)));
    }

    @Test
    void badRowsAreRejectedWithLineAndReason() throws Exception {
        String bsn = TestBsn.bsn();
        RecordingSink sink = read("inschrijvingen-20261103.csv", HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;R1;" + bsn + ";;2014-02-03;;;;0363;10AA;00;HBO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R2;" + bsn + ";;2014-02-03;;;;0363;;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;VERSCHOVEN;R3;" + bsn + ";;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R4;" + bsn + ";;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;2019-01-01;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R5;" + bsn + ";;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;2021-01-01;WEG;\n"
                + "VRIJSTELLING;TOEGEVOEGD;V2;" + bsn + ";;2014-02-03;;;;0363;;;;2026-01-01;;;7\n"
                + "INSCHRIJVING;TOEGEVOEGD;R6;;;2014-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R9;" + bsn + ";;2099-02-03;;;;0363;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;R10;" + bsn + ";;2014-02-03;;;;0363;10AA;00;VO;2020-08-20;;;\n");

        assertThat(sink.registraties).extracting(i -> i.registratie().regelId()).containsExactly("R10");
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::reden).satisfiesExactly(
                r -> assertThat(r).contains("onderwijssoort").contains("HBO"),
                r -> assertThat(r).contains("brin ontbreekt (verplicht veld)"),
                r -> assertThat(r).contains("mutatie").contains("VERSCHOVEN"),
                r -> assertThat(r).contains("einddatum is eerder dan begindatum"),
                r -> assertThat(r).contains("reden").contains("WEG"),
                r -> assertThat(r).contains("vrijstelling").contains("'7'"),
                r -> assertThat(r).contains("bsn of onderwijsnummer ontbreekt"),
                r -> assertThat(r).contains("geboortedatum").contains("toekomst"));
        assertThat(sink.rowErrors).extracting(RecordingSink.RowError::regel).containsExactly(2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L);
    }

    private RecordingSink read(String name, String csv) throws Exception {
        RecordingSink sink = new RecordingSink();
        reader.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), name, sink);
        return sink;
    }
}
