package nl.kindplan.hub.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import tools.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import nl.kindplan.hub.HubApi;
import nl.kindplan.hub.HubTestSupport;
import nl.kindplan.hub.ingest.BadInputCorpus.Drop;
import nl.kindplan.hub.ingest.BadInputCorpus.Expect;
import nl.kindplan.hub.ingest.BadInputCorpus.Kind;
import nl.kindplan.hub.ingest.BadInputCorpus.Numbers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.resttestclient.TestRestTemplate;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The bad-input corpus of {@code src/test/resources/bad-input/corpus.yaml} through the real hub:
 * every kind is dropped into its inbox (or arrives slowly, or from an HTTP source as a ZIP), the
 * ingest routes take it in, and its behaviour is checked in the store, the folders and the reports:
 * the good rows in, every bad row with its file, line and reason, a bad file in the error folder
 * with its report, and after it all a night that still runs and counts what it was given.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BadInputCorpusTest extends HubTestSupport {

    private static final LocalDate NIGHT = LocalDate.of(2026, 11, 23);
    private static final long WAIT_MS = TimeUnit.SECONDS.toMillis(180);

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ConfigurableEnvironment environment;

    // one corpus for all the test's methods (JUnit makes an instance per method)
    private static final List<Kind> kinds = BadInputCorpus.load();
    private static final Map<String, Numbers> numbers = new HashMap<>();
    private static final Map<String, byte[]> dropped = new HashMap<>();
    /** Every file of the corpus the hub took a decision on: its name and what it had to get. */
    private static final Map<String, Kind> files = new LinkedHashMap<>();
    private static final Tally tally = new Tally();
    private static String secretUri;

    /** Once, with the hub started: drops every kind that simply arrives whole. */
    @BeforeEach
    void dropTheCorpusOnce() throws IOException {
        if (secretUri != null) {
            return;
        }
        assertThat(kinds).extracting(Kind::kind).doesNotHaveDuplicates();
        Path secret = DATA_DIR.resolve("bad-input-secret.txt");
        Files.writeString(secret, "GEHEIM-BI-" + System.nanoTime());
        secretUri = secret.toUri().toString();
        // everything that simply arrives whole goes in at once: the four inboxes are taken in side by side
        for (Kind kind : kinds) {
            switch (kind.dropping()) {
                case INBOX -> drop(kind, BadInputCorpus.encode(text(kind, kind.file()), kind.encoding()));
                case ZIP -> drop(kind, BadInputCorpus.zip(kind.entries(), numbers(kind)));
                case COPY_OF -> {
                    byte[] original = dropped.get(kind.copyOf());
                    assertThat(original).as("%s is a copy of a kind dropped before it", kind).isNotNull();
                    drop(kind, original);
                }
                default -> {
                    // SLOWLY and HTTP_ZIP arrive during their own test, with a night
                }
            }
        }
    }

    static Stream<Kind> kinds() {
        return kinds.stream();
    }

    @Order(1)
    @ParameterizedTest(name = "{0}")
    @MethodSource("kinds")
    void eachKindOfBadInputGetsItsBehaviour(Kind kind) throws Exception {
        switch (kind.dropping()) {
            case SLOWLY -> writtenWhileANightStarts(kind);
            case HTTP_ZIP -> fetchedAsAZipByANight(kind);
            default -> assertBehaviour(kind, kind, awaitDecision(kind.source(), kind.fileName()));
        }
        tally.kinds++;
    }

    @Order(2)
    @Test
    void afterTheWholeCorpusANightStillRunsAndCountsWhatWasRejected() throws Exception {
        assertThat(tally.kinds).as("every kind of the corpus was checked").isEqualTo(kinds.size());

        JsonNode night = new HubApi(http).runNight(NIGHT);
        assertThat(night.path("status").asString()).as("the night after the corpus").isEqualTo("SUCCEEDED");
        tally.nights++;

        // every file belongs to a run, and each run counts the files it was given, rejected whole or skipped
        Map<Long, Map<String, Integer>> expected = new TreeMap<>();
        for (var file : files.entrySet()) {
            Long runId = jdbc.queryForObject("SELECT run_id FROM source_file WHERE file_name = ?", Long.class,
                    file.getKey());
            assertThat(runId).as("%s belongs to a run", file.getKey()).isNotNull();
            String source = file.getValue().source().toUpperCase(java.util.Locale.ROOT);
            Map<String, Integer> counts = expected.computeIfAbsent(runId, r -> new TreeMap<>());
            counts.merge("source." + source + ".files", 1, Integer::sum);
            if (file.getValue().expect() == Expect.REJECTED) {
                counts.merge("source." + source + ".rejectedFiles", 1, Integer::sum);
            } else if (file.getValue().expect() == Expect.DUPLICATE) {
                counts.merge("source." + source + ".duplicates", 1, Integer::sum);
            }
        }
        HubApi api = new HubApi(http);
        for (var run : expected.entrySet()) {
            JsonNode counts = api.run(run.getKey()).path("counts");
            run.getValue().forEach((counter, ours) -> assertThat(counts.path(counter).asLong())
                    .as("run %d: %s", run.getKey(), counter).isGreaterThanOrEqualTo(ours));
        }

        System.out.println("bad-input corpus: " + tally.kinds + " kinds, " + files.size() + " files: "
                + tally.takenInWhole + " taken in whole, " + tally.takenInWithRejectedRows
                + " taken in with rejected rows (" + tally.rejectedRows + " rows, each with file, line and reason), "
                + tally.rejectedWhole + " rejected whole to the error folder, " + tally.duplicates + " duplicate, "
                + tally.notFetched + " ZIP entry never fetched; " + tally.childrenPresent + " children found, "
                + tally.childrenAbsent + " kept out; " + tally.nights + " nights SUCCEEDED");
    }

    // ---- the ways a kind arrives ----

    /** Written in the inbox itself, row by row, while a night starts: taken in whole, once, by that night. */
    private void writtenWhileANightStarts(Kind kind) throws Exception {
        byte[] content = BadInputCorpus.encode(text(kind, kind.file()), kind.encoding());
        Path target = inbox(kind.source()).resolve(kind.fileName());
        Files.createDirectories(target.getParent());
        List<byte[]> rows = splitAfterLineEnds(content);
        Thread writer = new Thread(() -> {
            try (OutputStream out = Files.newOutputStream(target)) {
                for (byte[] row : rows) {
                    out.write(row);
                    out.flush();
                    Thread.sleep(100);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bad-input-slow-writer");
        writer.start();
        try {
            Thread.sleep(300);
            assertThat(target).as("still being written when the night starts").exists();
            JsonNode night = new HubApi(http).runNight(NIGHT);
            assertThat(night.path("status").asString()).isEqualTo("SUCCEEDED");
            tally.nights++;
            long fileId = assertBehaviour(kind, kind, awaitDecision(kind.source(), kind.fileName()));
            assertThat(jdbc.queryForObject("SELECT run_id FROM source_file WHERE id = ?", Long.class, fileId))
                    .as("the night waited for the file and counts it").isEqualTo(night.path("runId").asLong());
        } finally {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        }
    }

    /** A ZIP served as the source's HTTP URL: the night fetches it, its entries go through the inbox. */
    private void fetchedAsAZipByANight(Kind kind) throws Exception {
        byte[] zip = BadInputCorpus.zip(kind.entries(), numbers(kind));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/" + kind.fileName(), exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/zip");
            exchange.sendResponseHeaders(200, zip.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(zip);
            }
        });
        server.start();
        String property = "kindplan.sources." + kind.source() + "-url";
        MapPropertySource url = new MapPropertySource("bad-input-http-source", Map.of(property,
                "http://127.0.0.1:" + server.getAddress().getPort() + "/" + kind.fileName()));
        environment.getPropertySources().addFirst(url);
        JsonNode night;
        try {
            night = new HubApi(http).runNight(NIGHT);
        } finally {
            environment.getPropertySources().remove(url.getName());
            server.stop(0);
        }
        assertThat(night.path("status").asString()).as("a bad entry does not stop the night").isEqualTo("SUCCEEDED");
        tally.nights++;
        for (Kind entry : kind.entries()) {
            if (entry.expect() == Expect.NOT_FETCHED) {
                assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM source_file WHERE file_name = ?", Integer.class,
                        entry.fileName())).as("%s never reaches the register", entry).isZero();
                assertThat(inbox(kind.source()).resolve(entry.fileName())).doesNotExist();
                assertChildren(kind, entry, null);
                tally.notFetched++;
            } else {
                long fileId = assertBehaviour(kind, entry, awaitDecision(kind.source(), entry.fileName()));
                assertThat(jdbc.queryForObject("SELECT run_id FROM source_file WHERE id = ?", Long.class, fileId))
                        .isEqualTo(night.path("runId").asLong());
            }
        }
        try (Stream<Path> all = Files.walk(DATA_DIR)) {
            assertThat(all.filter(p -> p.getFileName().toString().equals("verzuim-bi-zip-slip.csv")))
                    .as("an entry named ../../x lands in the inbox as x, never beside it")
                    .allSatisfy(p -> assertThat(DATA_DIR.relativize(p).toString()).startsWith("archive"));
        }
    }

    // ---- the behaviour of one file ----

    /** Checks what became of one file against its kind; answers the file's register id. */
    private long assertBehaviour(Kind kind, Kind file, Map<String, Object> registered) throws IOException {
        long fileId = ((Number) registered.get("ID")).longValue();
        String name = file.fileName();
        files.put(name, file.source() == null ? withSource(file, kind.source()) : file);
        String status = (String) registered.get("STATUS");
        String reason = (String) registered.get("REASON");
        Map<Long, String> rowErrors = new TreeMap<>();
        jdbc.query("SELECT line_no, reason FROM row_error WHERE source_file_id = ?",
                rs -> { rowErrors.put(rs.getLong(1), rs.getString(2)); }, fileId);
        List<String> notes = jdbc.queryForList("SELECT note FROM file_note WHERE source_file_id = ?", String.class, fileId);
        String source = kind.source();

        switch (file.expect()) {
            case TAKEN_IN -> {
                assertThat(status).as("%s: status (reason: %s)", name, reason).isEqualTo("TAKEN_IN");
                assertThat(((Number) registered.get("ROWS_TAKEN_IN")).intValue()).as("%s: rows taken in", name)
                        .isEqualTo(file.takenIn());
                assertRowErrors(name, file.rejected(), rowErrors);
                assertThat(archived(source, name)).as("%s is archived", name).isTrue();
                assertThat(errorFolder(source).resolve(name)).doesNotExist();
                if (rowErrors.isEmpty()) {
                    tally.takenInWhole++;
                } else {
                    tally.takenInWithRejectedRows++;
                    tally.rejectedRows += rowErrors.size();
                }
            }
            case REJECTED -> {
                assertThat(status).as("%s: status", name).isEqualTo("REJECTED");
                assertThat(reason).as("%s: reason", name).contains(file.reason());
                assertRowErrors(name, file.rejected(), rowErrors);
                Path report = errorFolder(source).resolve(name + ".report.txt");
                assertThat(errorFolder(source).resolve(name)).as("%s in the error folder", name).exists();
                assertThat(report).as("%s: its report", name).exists();
                String text = Files.readString(report, StandardCharsets.UTF_8);
                assertThat(text).contains("bestand: " + name).contains("reden: ").contains(file.reason());
                file.rejected().forEach((line, why) -> assertThat(text).contains("  regel " + line + ": ").contains(why));
                assertThat(archived(source, name)).as("%s is not archived", name).isFalse();
                for (String table : List.of("verzuimmelding", "registratie", "jeugdhulp")) {
                    assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE source_file_id = ?",
                            Integer.class, fileId)).as("%s: nothing of it in %s", name, table).isZero();
                }
                notes.add(text);
                tally.rejectedWhole++;
                tally.rejectedRows += rowErrors.size();
            }
            case DUPLICATE -> {
                assertThat(status).as("%s: status", name).isEqualTo("DUPLICATE");
                Long original = jdbc.queryForObject("SELECT id FROM source_file WHERE file_name = ?", Long.class,
                        kinds.stream().filter(k -> k.kind().equals(file.copyOf())).findFirst().orElseThrow().fileName());
                assertThat(((Number) registered.get("DUPLICATE_OF")).longValue()).isEqualTo(original);
                assertThat(reason).contains("zelfde inhoud als bestand #" + original);
                assertThat(archived(source, name)).as("%s is archived", name).isTrue();
                tally.duplicates++;
            }
            default -> throw new AssertionError("no file is expected to be " + file.expect());
        }
        if (file.note() != null) {
            assertThat(notes).as("%s: notes", name).anySatisfy(n -> assertThat(n).contains(file.note()));
        }
        if (file.check() != null) {
            assertThat(jdbc.queryForObject(file.check().sql(), String.class)).as("%s: %s", name, file.check().sql())
                    .isEqualTo(file.check().equals());
        }
        assertChildren(kind, file, name);
        // no reason, note or report shows a BSN, a hidden value or what an external entity would have read
        List<String> shown = new ArrayList<>(notes);
        shown.add(reason == null ? "" : reason);
        shown.addAll(rowErrors.values());
        List<String> secrets = new ArrayList<>(file.hidden());
        secrets.addAll(kind.hidden());
        secrets.addAll(numbers(kind).all());
        secrets.add("GEHEIM-BI");
        for (String text : shown) {
            for (String secret : secrets) {
                assertThat(text).as("%s shows no '%s'", name, secret).doesNotContain(secret);
            }
        }
        return fileId;
    }

    private void assertRowErrors(String name, Map<Long, String> expected, Map<Long, String> actual) {
        assertThat(actual.keySet()).as("%s: the lines rejected (%s)", name, actual).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((line, why) -> assertThat(actual.get(line)).as("%s: why line %d", name, line).contains(why));
    }

    /** The present children have a fact from this file (through the API); the absent ones are not in the store. */
    private void assertChildren(Kind kind, Kind file, String name) {
        HubApi api = new HubApi(http);
        for (String ref : file.present()) {
            String nummer = numbers(kind).get(ref);
            JsonNode record = api.kind(nummer);
            assertThat(record.path("kind").isObject()).as("%s: child %s in the store", name, ref).isTrue();
            assertThat(record.findValuesAsString("bestand")).as("%s: child %s has a fact from the file", name, ref)
                    .contains(name);
            tally.childrenPresent++;
        }
        for (String ref : file.absent()) {
            String nummer = numbers(kind).get(ref);
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM kind WHERE bsn = ? OR onderwijsnummer = ?",
                    Integer.class, nummer, nummer)).as("%s: child %s not in the store", name, ref).isZero();
            tally.childrenAbsent++;
        }
    }

    // ---- helpers ----

    /** Waits until the file has left the inbox and the register has its one decision on it. */
    private Map<String, Object> awaitDecision(String source, String name) throws InterruptedException {
        Path inInbox = inbox(source).resolve(name);
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (true) {
            List<Map<String, Object>> rows = jdbc.queryForList("SELECT * FROM source_file WHERE file_name = ?", name);
            if (!rows.isEmpty() && !Files.exists(inInbox)) {
                assertThat(rows).as("%s is decided on once", name).hasSize(1);
                return rows.get(0);
            }
            if (System.currentTimeMillis() > deadline) {
                throw new AssertionError(name + " was not taken in within " + WAIT_MS / 1000 + " s (in the inbox: "
                        + Files.exists(inInbox) + ", registered: " + rows.size() + ")");
            }
            Thread.sleep(100);
        }
    }

    private void drop(Kind kind, byte[] content) {
        dropped.put(kind.kind(), content);
        try {
            Path dir = inbox(kind.source());
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + kind.fileName() + ".part");
            Files.write(tmp, content);
            Files.move(tmp, dir.resolve(kind.fileName()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String text(Kind kind, String file) {
        return BadInputCorpus.text(file, numbers(kind), secretUri);
    }

    private Numbers numbers(Kind kind) {
        return numbers.computeIfAbsent(kind.kind(), k -> new Numbers());
    }

    private static Kind withSource(Kind entry, String source) {
        return new Kind(entry.kind(), source, entry.file(), entry.name(), entry.encoding(), entry.drop(), entry.copyOf(),
                entry.entries(), entry.entry(), entry.damaged(), entry.expect(), entry.takenIn(), entry.rejected(),
                entry.reason(), entry.present(), entry.absent(), entry.note(), entry.hidden(), entry.check());
    }

    private static List<byte[]> splitAfterLineEnds(byte[] content) {
        List<byte[]> rows = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < content.length; i++) {
            if (content[i] == '\n') {
                rows.add(java.util.Arrays.copyOfRange(content, start, i + 1));
                start = i + 1;
            }
        }
        if (start < content.length) {
            rows.add(java.util.Arrays.copyOfRange(content, start, content.length));
        }
        return rows;
    }

    private static boolean archived(String source, String fileName) throws IOException {
        Path archive = DATA_DIR.resolve("archive").resolve(source);
        if (!Files.isDirectory(archive)) {
            return false;
        }
        try (Stream<Path> all = Files.walk(archive)) {
            return all.anyMatch(p -> p.getFileName().toString().equals(fileName));
        }
    }

    /** What the test asserted, for its summary line. */
    private static final class Tally {
        int kinds;
        int takenInWhole;
        int takenInWithRejectedRows;
        int rejectedRows;
        int rejectedWhole;
        int duplicates;
        int notFetched;
        int childrenPresent;
        int childrenAbsent;
        int nights;
    }
}
