package nl.kindplan.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.kindplan.hub.EdexmlBestanden;
import nl.kindplan.hub.TestBsn;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.kindplan.hub.config.HubProperties;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.domain.Herkomst;
import nl.kindplan.hub.domain.JeugdhulpRegel;
import nl.kindplan.hub.domain.JeugdhulpRegel.Berichttype;
import nl.kindplan.hub.domain.KindDossier;
import nl.kindplan.hub.domain.KindIdentiteit;
import nl.kindplan.hub.domain.Registratie;
import nl.kindplan.hub.domain.Verzuimmelding;
import nl.kindplan.hub.ingest.FileIngester;
import nl.kindplan.hub.ingest.IngestReports;
import nl.kindplan.hub.ingest.IngestResult;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.csv.InschrijvingenCsvReader;
import nl.kindplan.hub.ingest.csv.VerzuimCsvReader;
import nl.kindplan.hub.ingest.edexml.EdexmlReader;
import nl.kindplan.hub.ingest.ijw.IjwReader;
import nl.kindplan.hub.mapping.Mappings;
import nl.kindplan.hub.store.SourceFileRegister.Status;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The Flyway migrations and the whole store on a real PostgreSQL (embedded), without Spring: the
 * production database is PostgreSQL while every other test runs on H2. Real files go through the
 * FileIngester; what the store holds is read back through KindStore and plain SQL. All tests share
 * one database, so each uses children, meldingsnummers, regel ids, gemeenten and schools of its own.
 */
class PostgresStoreTest {

    static final String VERZUIM_HEADER = "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
            + "brin;vestiging;gemeentecode;begindatum;einddatum;uren";
    static final String INSCHRIJVINGEN_HEADER = "soort;mutatie;regel_id;bsn;onderwijsnummer;geboortedatum;"
            + "gemeentecode;brin;vestiging;onderwijssoort;begindatum;einddatum;reden;vrijstelling";

    @TempDir
    static Path tmp;

    static EmbeddedPostgres postgres;
    static MigrateResult migration;
    static JdbcTemplate jdbc;
    static KindStore store;
    static FileIngester ingester;
    static Path errorDir;

    @BeforeAll
    static void startPostgres() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        // server-side prepared statements from the first execution (a pooled connection uses them after
        // five): the server then fixes every parameter's type, as it will in production
        DataSource ds = postgres.getPostgresDatabase(Map.of("prepareThreshold", "1"));
        migration = Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();

        jdbc = new JdbcTemplate(ds);
        KindRegister kinden = new KindRegister(jdbc);
        SourceFileRegister register = new SourceFileRegister(jdbc);
        store = new KindStore(jdbc);
        errorDir = Files.createDirectories(tmp.resolve("error"));
        Mappings mappings = Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
        HubProperties properties = new HubProperties(tmp, Path.of("mappings"),
                new HubProperties.MappingFiles(Path.of("mappings/swv-scholen.csv")),
                new HubProperties.Ingest(500, 0.10));
        ingester = new FileIngester(List.of(new VerzuimCsvReader(mappings), new InschrijvingenCsvReader(mappings),
                new IjwReader(mappings), new EdexmlReader(mappings)), register, kinden, jdbc,
                new DataSourceTransactionManager(ds), properties, new IngestReports(errorDir),
                new HubMetrics(new SimpleMeterRegistry()), tmp.resolve("archive"), errorDir);
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void theMigrationsRunOnPostgresql() {
        assertThat(jdbc.queryForObject("SELECT version()", String.class)).startsWith("PostgreSQL 18");
        assertThat(migration.success).isTrue();
        List<String> versions = migrationVersions();
        assertThat(versions).hasSizeGreaterThanOrEqualTo(3);
        assertThat(migration.migrationsExecuted).isEqualTo(versions.size());
        assertThat(jdbc.queryForList("SELECT version FROM flyway_schema_history WHERE success ORDER BY installed_rank",
                String.class)).containsExactlyElementsOf(versions);
        assertThat(jdbc.queryForList("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
                + "AND table_name <> 'flyway_schema_history'", String.class))
                .containsExactlyInAnyOrder("source_file", "row_error", "file_note", "kind", "registratie",
                        "verzuimmelding", "jeugdhulp", "nightly_run", "run_count", "signal_case", "case_event",
                        "case_grond", "outbox", "hub_user", "run_problem", "identity_conflict", "evaluation_basis",
                        "route_action", "verwerking");
    }

    /** The versions of the migration files, in order: every one must have run. */
    private static List<String> migrationVersions() {
        try {
            return java.util.Arrays.stream(new org.springframework.core.io.support.PathMatchingResourcePatternResolver()
                            .getResources("classpath:db/migration/V*__*.sql"))
                    .map(r -> r.getFilename().substring(1, r.getFilename().indexOf("__")))
                    .sorted(java.util.Comparator.comparingInt(Integer::parseInt)).toList();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void everyVersionOfAMeldingIsKeptOnceWhateverTheOrderOfTheFilesAndABadRowIsRecorded() throws IOException {
        String bsn = TestBsn.bsn();
        String newer = "PG-VZ-A;2026-10-20T08:00:00;G;LRV;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;2026-10-15;80\n";
        IngestResult first = ingest(Source.VERZUIM, "verzuim-pg-a-20261102.csv", VERZUIM_HEADER + "\n" + newer);
        assertThat(first.status()).isEqualTo(Status.TAKEN_IN);

        // the older file comes later: the older version, the newer one again, 9 other meldingen and 1 bad row
        StringBuilder older = new StringBuilder(VERZUIM_HEADER + "\n")
                .append("PG-VZ-A;2026-10-01T08:00:00;R;LRV;").append(bsn)
                .append(";2012-01-01;10AA;00;0363;2026-09-01;;40\n")
                .append(newer);
        for (int i = 1; i <= 9; i++) {
            older.append("PG-VZ-A").append(i).append(";2026-10-01T08:00:00;R;V3;").append(bsn)
                    .append(";2012-01-01;10AB;01;0363;2026-09-0").append(i).append(";;").append(i).append(".5\n");
        }
        older.append("PG-VZ-A99;2026-10-01T08:00:00;R;V3;").append(bsn).append(";2012-02-30;10AA;00;0363;2026-09-01;;16\n");
        IngestResult second = ingest(Source.VERZUIM, "verzuim-pg-a-20261101.csv", older.toString());

        assertThat(second.status()).as("1 bad row of 12 is below the 10 %% threshold").isEqualTo(Status.TAKEN_IN);
        assertThat(second.rowsTakenIn()).isEqualTo(11);
        assertThat(second.rowsRejected()).isEqualTo(1);

        List<Verzuimmelding> versies = dossier(bsn).meldingen().stream()
                .filter(m -> m.meldingsnummer().equals("PG-VZ-A")).toList();
        assertThat(versies).hasSize(2);
        Verzuimmelding r = versies.get(0);
        assertThat(r.laatsteMutatie()).isEqualTo(LocalDateTime.of(2026, 10, 1, 8, 0));
        assertThat(r.status()).isEqualTo("R");
        assertThat(r.einddatum()).isNull();
        assertThat(r.uren()).isEqualByComparingTo("40");
        assertThat(r.herkomst()).isEqualTo(new Herkomst("verzuim-pg-a-20261101.csv", 2));
        Verzuimmelding g = versies.get(1);
        assertThat(g.laatsteMutatie()).isEqualTo(LocalDateTime.of(2026, 10, 20, 8, 0));
        assertThat(g.status()).isEqualTo("G");
        assertThat(g.verzuimsoort()).isEqualTo("LRV");
        assertThat(g.brin()).isEqualTo("10AA");
        assertThat(g.vestiging()).isEqualTo("00");
        assertThat(g.gemeentecode()).isEqualTo("0363");
        assertThat(g.begindatum()).isEqualTo(LocalDate.of(2026, 9, 1));
        assertThat(g.einddatum()).isEqualTo(LocalDate.of(2026, 10, 15));
        assertThat(g.uren()).isEqualByComparingTo("80");
        assertThat(g.herkomst()).as("the version stays with the file that brought it first")
                .isEqualTo(new Herkomst("verzuim-pg-a-20261102.csv", 2));

        assertThat(dossier(bsn).meldingen()).extracting(Verzuimmelding::meldingsnummer)
                .filteredOn(n -> n.matches("PG-VZ-A[0-9]")).hasSize(9);
        assertThat(dossier(bsn).meldingen()).filteredOn(m -> m.meldingsnummer().equals("PG-VZ-A7")).singleElement()
                .satisfies(m -> {
                    assertThat(m.uren()).isEqualByComparingTo(new BigDecimal("7.5"));
                    assertThat(m.vestiging()).isEqualTo("01");
                    assertThat(m.herkomst().regel()).isEqualTo(10);
                });
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verzuimmelding WHERE meldingsnummer = 'PG-VZ-A99'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForMap("SELECT status, rows_total, rows_taken_in, rows_rejected FROM source_file "
                + "WHERE id = ?", second.fileId())).isEqualTo(Map.of("status", "TAKEN_IN", "rows_total", 12,
                "rows_taken_in", 11, "rows_rejected", 1));
        assertThat(jdbc.queryForList("SELECT line_no, reason FROM row_error WHERE source_file_id = ?", second.fileId()))
                .singleElement().satisfies(e -> {
                    assertThat(e.get("line_no")).isEqualTo(13L);
                    // a birth date is personal data: the reason names the column, not the value
                    assertThat((String) e.get("reason")).contains("geboortedatum").contains("is geen geldige datum")
                            .doesNotContain("2012-02-30").doesNotContain(bsn);
                });
    }

    @Test
    void registrationsAreAddedReplacedRemovedAndEndedByAFullSnapshot() throws IOException {
        String anna = TestBsn.bsn();
        String bram = TestBsn.bsn();
        ingest(Source.INSCHRIJVINGEN, "inschrijvingen-pg-c-20261101.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;PG-C-1;" + anna + ";;2014-01-01;0518;10AA;00;BAO;2020-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;PG-C-2;" + bram + ";;2013-01-01;0518;10AB;00;BAO;2019-08-20;;;\n"
                + "INSCHRIJVING;TOEGEVOEGD;PG-C-3;" + bram + ";;2013-01-01;0518;10AC;00;BAO;2018-08-20;;;\n");
        ingest(Source.INSCHRIJVINGEN, "inschrijvingen-pg-c-20261102.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;GEWIJZIGD;PG-C-1;" + anna + ";;2014-01-01;0518;10AD;00;SBO;2020-08-20;;;\n"
                + "INSCHRIJVING;VERWIJDERD;PG-C-3;" + bram + ";;2013-01-01;0518;10AC;00;BAO;2018-08-20;;;\n");

        assertThat(dossier(anna).registraties()).singleElement().satisfies(c1 -> {
            assertThat(c1.brin()).as("GEWIJZIGD replaces the row").isEqualTo("10AD");
            assertThat(c1.onderwijssoort()).isEqualTo("SBO");
            assertThat(c1.gemeentecode()).isEqualTo("0518");
            assertThat(c1.herkomst()).isEqualTo(new Herkomst("inschrijvingen-pg-c-20261102.csv", 2));
        });
        assertThat(registratie(bram, "PG-C-3").verwijderd()).isTrue();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM registratie WHERE regel_id LIKE 'PG-C-%'", Integer.class))
                .as("one row per regel id").isEqualTo(3);

        // the snapshot of gemeente 0518 no longer lists bram's PG-C-2: it ended the day before the snapshot
        IngestResult snapshot = ingest(Source.INSCHRIJVINGEN, "inschrijvingen-volledig-pg-20261115.csv",
                INSCHRIJVINGEN_HEADER + "\n"
                        + "INSCHRIJVING;TOEGEVOEGD;PG-C-1;" + anna + ";;2014-01-01;0518;10AD;00;SBO;2020-08-20;;;\n");

        assertThat(registratie(anna, "PG-C-1").einddatum()).isNull();
        Registratie c2 = registratie(bram, "PG-C-2");
        assertThat(c2.einddatum()).isEqualTo(LocalDate.of(2026, 11, 14));
        assertThat(c2.herkomst().bestand()).isEqualTo("inschrijvingen-volledig-pg-20261115.csv");
        assertThat(registratie(bram, "PG-C-3").einddatum()).as("a removed row is not ended again").isNull();
        assertThat(jdbc.queryForList("SELECT note FROM file_note WHERE source_file_id = ?", String.class,
                snapshot.fileId())).singleElement().asString().startsWith("1 registratie(s) die deze volledige levering niet meer noemt, beëindigd op 2026-11-14");
    }

    @Test
    void anEdexmlSnapshotEndsThePupilsOfItsSchoolItNoLongerLists() throws IOException {
        String anna = TestBsn.bsn();
        String bram = TestBsn.bsn();
        ingest(Source.EDEXML, "edexml-21PG01-20261001.xml", EdexmlBestanden.school("21PG", "01", "2026-10-01", anna, bram));
        ingest(Source.EDEXML, "edexml-21PG01-20261101.xml", EdexmlBestanden.school("21PG", "01", "2026-11-01", anna));

        assertThat(dossier(anna).registraties()).singleElement().satisfies(r -> {
            assertThat(r.bron()).isEqualTo(Registratie.Bron.EDEXML);
            assertThat(r.soort()).isEqualTo(Registratie.Soort.INSCHRIJVING);
            assertThat(r.brin()).isEqualTo("21PG");
            assertThat(r.vestiging()).isEqualTo("01");
            assertThat(r.begindatum()).isEqualTo(LocalDate.of(2019, 8, 19));
            assertThat(r.einddatum()).isNull();
            assertThat(r.herkomst().bestand()).isEqualTo("edexml-21PG01-20261101.xml");
        });
        assertThat(dossier(bram).registraties()).singleElement().satisfies(r -> {
            assertThat(r.einddatum()).isEqualTo(LocalDate.of(2026, 10, 31));
            assertThat(r.herkomst().bestand()).isEqualTo("edexml-21PG01-20261101.xml");
        });
        assertThat(dossier(anna).identiteit()).isEqualTo(
                new KindIdentiteit(anna, null, LocalDate.of(2013, 4, 5), "Test", null, null));
    }

    @Test
    void aJw301IsStoredPerToegewezenProduct() throws IOException {
        String bsn = TestBsn.bsn();
        String xml = Files.readString(Path.of("src/test/resources/ijw/jw301-toewijzing.xml"), StandardCharsets.UTF_8)
                .replace("<jw301:Bsn>123456782</jw301:Bsn>", "<jw301:Bsn>" + bsn + "</jw301:Bsn>");
        assertThat(xml).contains(bsn);

        IngestResult result = ingest(Source.IJW, "jw301-pg.xml", xml);

        assertThat(result.status()).isEqualTo(Status.TAKEN_IN);
        KindDossier dossier = dossier(bsn);
        assertThat(dossier.identiteit()).isEqualTo(
                new KindIdentiteit(bsn, null, LocalDate.of(2013, 9, 30), "Testkind", null, null));
        assertThat(dossier.jeugdhulp()).containsExactly(
                new JeugdhulpRegel(Berichttype.JW301, "TOE-2026-042", LocalDate.of(2026, 3, 10), "0599", "12345678",
                        "REF-A-001", "700101", "45", "45A07", null, LocalDate.of(2026, 3, 10),
                        LocalDate.of(2026, 3, 16), null, LocalDate.of(2026, 12, 31), "01", null, null,
                        new Herkomst("jw301-pg.xml", lineOf(xml, "<jw301:ToegewezenProduct>", 1))),
                new JeugdhulpRegel(Berichttype.JW301, "TOE-2026-042", LocalDate.of(2026, 3, 10), "0599", "12345678",
                        null, "700102", null, null, null, LocalDate.of(2026, 3, 10),
                        LocalDate.of(2026, 4, 1), null, null, null, null, null,
                        new Herkomst("jw301-pg.xml", lineOf(xml, "<jw301:ToegewezenProduct>", 2))));
    }

    @Test
    void anOnderwijsnummerRecordIsMergedIntoTheBsnRecordByARowCarryingBoth() throws IOException {
        String onr = TestBsn.onderwijsnummer();
        String bsn = TestBsn.bsn();
        ingest(Source.VERZUIM, "verzuim-pg-d-20261101.csv", "meldingsnummer;laatste_mutatie;status;"
                + "verzuimsoort;onderwijsnummer;geboortedatum;brin;gemeentecode;begindatum\n"
                + "PG-VZ-D;2026-10-01T08:00:00;R;V3;" + onr + ";2012-01-01;10AA;0364;2026-09-01\n");
        long onrId = store.findKindId(onr).orElseThrow();
        ingest(Source.VERZUIM, "verzuim-pg-d-20261102.csv", VERZUIM_HEADER + "\n"
                + "PG-VZ-D2;2026-10-02T08:00:00;R;V3;" + bsn + ";2012-01-01;10AA;00;0364;2026-09-02;;\n");
        long bsnId = store.findKindId(bsn).orElseThrow();
        assertThat(bsnId).isNotEqualTo(onrId);

        ingest(Source.INSCHRIJVINGEN, "inschrijvingen-pg-d-20261103.csv", INSCHRIJVINGEN_HEADER + "\n"
                + "INSCHRIJVING;TOEGEVOEGD;PG-D-1;" + bsn + ";" + onr + ";2012-01-01;0364;10AA;00;BAO;2020-08-20;;;\n");

        assertThat(jdbc.queryForList("SELECT id FROM kind WHERE onderwijsnummer = ?", Long.class, onr))
                .as("the onderwijsnummer now lies on the BSN record").containsExactly(bsnId);
        assertThat(store.findKindId(onr)).as("the onderwijsnummer finds the linked child").contains(bsnId);
        assertThat(store.dossier(onrId)).as("the onderwijsnummer-only record is gone").isEmpty();
        KindDossier dossier = store.dossier(bsnId).orElseThrow();
        assertThat(dossier.identiteit().bsn()).isEqualTo(bsn);
        assertThat(dossier.identiteit().onderwijsnummer()).isEqualTo(onr);
        assertThat(dossier.meldingen()).extracting(Verzuimmelding::meldingsnummer, m -> m.herkomst().bestand())
                .containsExactly(tuple("PG-VZ-D", "verzuim-pg-d-20261101.csv"),
                        tuple("PG-VZ-D2", "verzuim-pg-d-20261102.csv"));
        assertThat(dossier.meldingen().get(0).vestiging()).as("a missing vestiging defaults to 00").isEqualTo("00");
        assertThat(dossier.registraties()).extracting(Registratie::regelId).containsExactly("PG-D-1");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kind WHERE onderwijsnummer = ? OR bsn = ?", Integer.class,
                onr, bsn)).as("one record for the child").isEqualTo(1);
    }

    @Test
    void theSameContentUnderAnotherNameIsADuplicateAndStoredOnce() throws IOException {
        String content = VERZUIM_HEADER + "\n"
                + "PG-VZ-E;2026-10-01T08:00:00;R;V3;" + TestBsn.bsn() + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n";
        IngestResult original = ingest(Source.VERZUIM, "verzuim-pg-e-20261101.csv", content);
        IngestResult copy = ingest(Source.VERZUIM, "verzuim-pg-e-kopie.csv", content);

        assertThat(copy.status()).isEqualTo(Status.DUPLICATE);
        assertThat(jdbc.queryForMap("SELECT status, duplicate_of, sha256 FROM source_file WHERE id = ?", copy.fileId()))
                .containsEntry("status", "DUPLICATE").containsEntry("duplicate_of", original.fileId())
                .containsEntry("sha256", jdbc.queryForObject("SELECT sha256 FROM source_file WHERE id = ?",
                        String.class, original.fileId()));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verzuimmelding WHERE meldingsnummer = 'PG-VZ-E'",
                Integer.class)).isEqualTo(1);
    }

    @Test
    void aFileWithMoreBadRowsThanTheThresholdIsRolledBackWhole() throws IOException {
        String bsn = TestBsn.bsn();
        String name = "verzuim-pg-g-20261101.csv";
        IngestResult result = ingest(Source.VERZUIM, name, VERZUIM_HEADER + "\n"
                + "PG-VZ-G1;2026-10-01T08:00:00;R;V3;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n"
                + "PG-VZ-G2;2026-10-01T08:00:00;R;V9;" + bsn + ";2012-01-01;10AA;00;0363;2026-09-01;;16\n");

        assertThat(result.status()).isEqualTo(Status.REJECTED);
        assertThat(store.findKindId(bsn)).as("the good row's child is rolled back with the file").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM verzuimmelding WHERE meldingsnummer LIKE 'PG-VZ-G%'",
                Integer.class)).isZero();
        assertThat(jdbc.queryForList("SELECT status FROM source_file WHERE file_name = ?", String.class, name))
                .as("only the rejection is registered").containsExactly("REJECTED");
        assertThat(jdbc.queryForMap("SELECT rows_total, rows_taken_in, rows_rejected, reason FROM source_file "
                + "WHERE id = ?", result.fileId())).containsEntry("rows_total", 2).containsEntry("rows_taken_in", 0)
                .containsEntry("rows_rejected", 1)
                .hasEntrySatisfying("reason", reason -> assertThat((String) reason).contains("1 van de 2 regels zijn afgekeurd"));
        assertThat(jdbc.queryForList("SELECT line_no FROM row_error WHERE source_file_id = ?", Long.class,
                result.fileId())).containsExactly(3L);
        assertThat(errorDir.resolve("verzuim").resolve(name + ".report.txt")).content()
                .contains("1 van de 2 regels zijn afgekeurd").contains("regel 3: verzuimsoort 'V9'");
    }

    private static IngestResult ingest(Source source, String fileName, String content) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("inbox").resolve(source.name().toLowerCase(Locale.ROOT)));
        Path file = Files.writeString(dir.resolve(fileName), content, StandardCharsets.UTF_8);
        return ingester.ingest(source, file);
    }

    private static KindDossier dossier(String nummer) {
        return store.dossier(store.findKindId(nummer).orElseThrow()).orElseThrow();
    }

    private static Registratie registratie(String bsn, String regelId) {
        return dossier(bsn).registraties().stream().filter(r -> r.regelId().equals(regelId)).findFirst().orElseThrow();
    }

    /** The 1-based line of the n-th line of the text that contains {@code token}. */
    private static long lineOf(String text, String token, int n) {
        String[] lines = text.split("\\R", -1);
        int seen = 0;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(token) && ++seen == n) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(token + " occurs fewer than " + n + " times");
    }
}
