package nl.kindplan.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.EdexmlBestanden;
import nl.kindplan.hub.TestBsn;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.store.KindStore;
import static org.apache.camel.builder.Builder.header;

import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.builder.NotifyBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** The ingest routes end to end: files dropped in the inboxes, taken into the store, moved on. */
class IngestRoutesTest extends HubTestSupport {

    static final String VERZUIM_HEADER = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
            + "brin;vestiging;gemeentecode;begindatum;einddatum;uren";
    static final String INSCHRIJVINGEN_HEADER = "soort;mutatie;regel_id;bsn;onderwijsnummer;geboortedatum;"
            + "gemeentecode;brin;vestiging;onderwijssoort;begindatum;einddatum;reden;vrijstelling";

    @Autowired
    CamelContext camel;
    @Autowired
    KindStore store;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aVerzuimFileIsTakenInAndArchivedWithItsBadRowsReported() throws Exception {
        String bsn = TestBsn.bsn();
        String rows = VERZUIM_HEADER + "\n";
        for (int i = 0; i < 12; i++) {
            rows += "VZ-A" + i + ";2026-10-01T08:00:00;R;V3;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n";
        }
        rows += "VZ-A99;2026-10-01T08:00:00;R;V3;" + bsn + ";2012-02-30;10AA;00;0363;2026-09-01;;16\n";

        dropAndWait("ingest-verzuim", "verzuim", "verzuim-a-20261101.csv", rows);

        assertThat(meldingen(bsn)).hasSize(12);
        assertThat(archived("verzuim", "verzuim-a-20261101.csv")).isTrue();
        assertThat(jdbc.queryForList("SELECT e.line_no FROM row_error e JOIN source_file f ON f.id = e.source_file_id "
                + "WHERE f.file_name = 'verzuim-a-20261101.csv'", Long.class)).containsExactly(14L);
    }

    @Test
    void anOlderVersionOfAMeldingNeverOverwritesANewerOneWhateverTheOrderOfTheFiles() throws Exception {
        String bsn = TestBsn.bsn();
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-b-20261101.csv", VERZUIM_HEADER + "\n"
                + "VZ-B;2026-10-20T08:00:00;G;LRV;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;2026-10-15;80\n");
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-b-20261102.csv", VERZUIM_HEADER + "\n"
                + "VZ-B;2026-10-01T08:00:00;R;LRV;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;40\n"
                + "VZ-B;2026-10-20T08:00:00;G;LRV;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;2026-10-15;80\n");

        List<Verzuimmelding> versies = meldingen(bsn);
        assertThat(versies).as("every version kept, the same version once")
                .extracting(Verzuimmelding::status).containsExactlyInAnyOrder("R", "G");
        Verzuimmelding newest = versies.stream().max((a, b) -> a.laatsteMutatie().compareTo(b.laatsteMutatie())).orElseThrow();
        assertThat(newest.status()).isEqualTo("G");
        assertThat(newest.herkomst().bestand()).isEqualTo("verzuim-b-20261101.csv");
    }

    @Test
    void registrationsAreReplacedAndRemovedByRegelIdAndEndedByAFullSnapshot() throws Exception {
        String anna = TestBsn.bsn();
        String bram = TestBsn.bsn();
        dropAndWait("ingest-inschrijvingen", "inschrijvingen", "inschrijvingen-c-20261101.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;C-1;" + anna + ";;2014-01-01;0599;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;C-2;" + bram + ";;2013-01-01;0599;10AB;00;BAO;2019-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;C-3;" + bram + ";;2013-01-01;0599;10AC;00;BAO;2018-08-20;;;\n");
        dropAndWait("ingest-inschrijvingen", "inschrijvingen", "inschrijvingen-c-20261102.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;GEWIJZIGD;C-1;" + anna + ";;2014-01-01;0599;10AD;00;SBO;2020-08-20;;;\n"
                + "INSCHRIJVING;VERWIJDERD;C-3;" + bram + ";;2013-01-01;0599;10AC;00;BAO;2018-08-20;;;\n");

        Registratie c1 = registraties(anna).get(0);
        assertThat(c1.brin()).as("GEWIJZIGD replaces the row").isEqualTo("10AD");
        assertThat(c1.onderwijssoort()).isEqualTo("SBO");
        assertThat(registraties(bram)).filteredOn(r -> r.regelId().equals("C-3")).singleElement()
                .extracting(Registratie::verwijderd).isEqualTo(true);

        // the snapshot of gemeente 0599 no longer lists bram's C-2: it ended the day before the snapshot
        dropAndWait("ingest-inschrijvingen", "inschrijvingen", "inschrijvingen-volledig-20261115.csv",
                INSCHRIJVINGEN_HEADER + "\n"
                        + "INSCHRIJVING;TOEGEVOEGD;C-1;" + anna + ";;2014-01-01;0599;10AD;00;SBO;2020-08-20;;;\n");

        assertThat(registraties(anna).get(0).einddatum()).isNull();
        Registratie c2 = registraties(bram).stream().filter(r -> r.regelId().equals("C-2")).findFirst().orElseThrow();
        assertThat(c2.einddatum()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(c2.herkomst().bestand()).isEqualTo("inschrijvingen-volledig-20261115.csv");
    }

    @Test
    void anEdexmlSnapshotEndsThePupilsOfThatSchoolItNoLongerLists() throws Exception {
        String anna = TestBsn.bsn();
        String bram = TestBsn.bsn();
        dropAndWait("ingest-edexml", "edexml", "edexml-20BF01-20261001.xml", EdexmlBestanden.school("20BF", "01", "2026-10-01", anna, bram));
        assertThat(registraties(bram)).singleElement().extracting(Registratie::einddatum).isNull();

        dropAndWait("ingest-edexml", "edexml", "edexml-20BF01-20261101.xml", EdexmlBestanden.school("20BF", "01", "2026-11-01", anna));

        assertThat(registraties(anna)).singleElement().satisfies(r -> {
            assertThat(r.bron()).isEqualTo(Registratie.Bron.EDEXML);
            assertThat(r.einddatum()).isNull();
        });
        assertThat(registraties(bram)).singleElement().extracting(Registratie::einddatum)
                .isEqualTo(LocalDate.of(2026, 10, 31));
    }

    @Test
    void aRowCarryingBothNumbersLinksTheOnderwijsnummerRecordToTheBsn() throws Exception {
        String onr = TestBsn.onderwijsnummer();
        String bsn = TestBsn.bsn();
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-d-20261101.csv", "meldingsnummer;laatste_mutatie;status;"
                + "verzuimsoort;onderwijsnummer;geboortedatum;brin;gemeentecode;begindatum\n"
                + "VZ-D;2026-10-01T08:00:00;R;V3;" + onr + ";2012-01-01;10AA;0363;2026-09-01\n");
        assertThat(store.findKindId(onr)).as("kept under the onderwijsnummer").isPresent();
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-d-20261102.csv", VERZUIM_HEADER + "\n"
                + "VZ-D2;2026-10-02T08:00:00;R;V3;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-02;;\n");

        dropAndWait("ingest-inschrijvingen", "inschrijvingen", "inschrijvingen-d-20261103.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;D-1;" + bsn + ";" + onr + ";2012-01-01;0363;10AA;00;BAO;2020-08-20;;;\n");

        KindDossier dossier = store.dossier(store.findKindId(bsn).orElseThrow()).orElseThrow();
        assertThat(dossier.identiteit().onderwijsnummer()).isEqualTo(onr);
        assertThat(dossier.meldingen()).extracting(Verzuimmelding::meldingsnummer).containsExactlyInAnyOrder("VZ-D", "VZ-D2");
        assertThat(dossier.registraties()).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kind WHERE onderwijsnummer = ? OR bsn = ?", Integer.class,
                onr, bsn)).as("one record for the child").isEqualTo(1);
    }

    @Test
    void theSameContentUnderAnotherNameIsSkippedAsADuplicate() throws Exception {
        String content = VERZUIM_HEADER + "\n"
                + "VZ-E;2026-10-01T08:00:00;R;V3;" + TestBsn.bsn() + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n";
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-e-20261101.csv", content);
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-e-kopie.csv", content);

        assertThat(jdbc.queryForObject("SELECT status FROM source_file WHERE file_name = 'verzuim-e-kopie.csv'",
                String.class)).isEqualTo("DUPLICATE");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verzuimmelding WHERE meldingsnummer = 'VZ-E'",
                Integer.class)).isEqualTo(1);
        assertThat(archived("verzuim", "verzuim-e-kopie.csv")).isTrue();
    }

    @Test
    void aFileThatCannotBeReadGoesToTheErrorFolderWithAReportAndNothingOfItIsStored() throws Exception {
        String bsn = TestBsn.bsn();
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-f-20261101.csv", "meldingsnummer;status;bsn\nVZ-F;R;" + bsn + "\n");

        assertThat(errorFolder("verzuim").resolve("verzuim-f-20261101.csv")).exists();
        assertThat(errorFolder("verzuim").resolve("verzuim-f-20261101.csv.report.txt")).content()
                .contains("kolom(men) ontbreken in de kopregel").contains("laatste_mutatie");
        assertThat(store.findKindId(bsn)).isEmpty();
    }

    @Test
    void aFileWithMoreBadRowsThanTheThresholdIsRejectedWhole() throws Exception {
        String bsn = TestBsn.bsn();
        dropAndWait("ingest-verzuim", "verzuim", "verzuim-g-20261101.csv", VERZUIM_HEADER + "\n"
                + "VZ-G1;2026-10-01T08:00:00;R;V3;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n"
                + "VZ-G2;2026-10-01T08:00:00;R;V9;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n");

        assertThat(store.findKindId(bsn)).as("the good row is rolled back with the file").isEmpty();
        assertThat(errorFolder("verzuim").resolve("verzuim-g-20261101.csv.report.txt")).content()
                .contains("reden: 1 van de 2 regels zijn afgekeurd, meer dan de toegestane 10 %")
                .contains("afgekeurde regels:").contains("  regel 3: verzuimsoort 'V9'");
    }

    @Test
    void anXmlFileWithAnExternalEntityIsRejectedAndItsEntityNeverRead() throws Exception {
        Path secret = Files.writeString(DATA_DIR.resolve("geheim.txt"), "GEHEIM-123");
        dropAndWait("ingest-edexml", "edexml", "edexml-xxe.xml", "<?xml version=\"1.0\"?>\n"
                + "<!DOCTYPE EDEX [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>\n"
                + "<EDEX><school><brincode>&x;</brincode></school></EDEX>\n");

        Path report = errorFolder("edexml").resolve("edexml-xxe.xml.report.txt");
        assertThat(report).content().contains("een DOCTYPE is niet toegestaan").doesNotContain("GEHEIM");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_file WHERE reason LIKE '%GEHEIM%'", Integer.class))
                .isZero();
    }

    @Test
    void aMalformedXmlFileGoesToTheErrorFolder() throws Exception {
        dropAndWait("ingest-edexml", "edexml", "edexml-kapot.xml", "<EDEX><school><brincode>20BA</school>");

        assertThat(errorFolder("edexml").resolve("edexml-kapot.xml")).exists();
        assertThat(errorFolder("edexml").resolve("edexml-kapot.xml.report.txt")).content().contains("reden: EDEXML afgekeurd op regel 1");
    }

    private void dropAndWait(String routeId, String source, String fileName, String content) {
        NotifyBuilder done = new NotifyBuilder(camel).fromRoute(routeId)
                .filter(header(Exchange.FILE_NAME).isEqualTo(fileName)).whenDone(1).create();
        Path dropped = drop(source, fileName, content);
        assertThat(done.matches(20, TimeUnit.SECONDS)).as("%s taken in by %s", fileName, routeId).isTrue();
        awaitMovedOut(dropped);
    }

    private List<Verzuimmelding> meldingen(String bsn) {
        return store.dossier(store.findKindId(bsn).orElseThrow()).orElseThrow().meldingen();
    }

    private List<Registratie> registraties(String bsn) {
        return store.dossier(store.findKindId(bsn).orElseThrow()).orElseThrow().registraties();
    }

    private static boolean archived(String source, String fileName) throws Exception {
        try (Stream<Path> files = Files.walk(DATA_DIR.resolve("archive").resolve(source))) {
            return files.anyMatch(p -> p.getFileName().toString().equals(fileName));
        }
    }
}
