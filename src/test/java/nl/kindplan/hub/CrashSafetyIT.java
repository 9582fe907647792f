package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import nl.kindplan.hub.demo.DemoDataGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Crash safety end to end: the packaged hub, a JVM apart, is killed with SIGKILL ({@code kill -9})
 * at three points of one night — while taking in a file, between storing the night's events and
 * sending them, and while sending — and each time started again to run the night again. The broker
 * is an external one in a JVM of its own, so its queues outlive the kills. Afterwards the store
 * holds every good record once and the queues every case message once. The night: the demo
 * dataset of 1000 children, and one large verzuim file of 40 children with 300 versions of their
 * melding each, so that taking it in lasts long enough (a second or two) to be killed halfway.
 */
class CrashSafetyIT {

    private static final int CHILDREN = 1000;
    private static final int BIG_CHILDREN = 40;
    private static final int BIG_VERSIONS = 300;
    private static final String BIG_FILE = "verzuim-20260302-crash.csv";
    private static final Duration STEP = Duration.ofMinutes(4);

    private NightUnderTest night;
    private SeparateJvm broker;

    @BeforeEach
    void startTheBroker() throws IOException {
        night = new NightUnderTest("crash-safety-it");
        broker = night.startBroker();
    }

    @AfterEach
    void stopTheBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void killedAtThreePointsOfANightAndRunAgainTheStoreAndTheQueuesHaveEverythingOnce() throws Exception {
        long begin = System.nanoTime();
        DemoDataGenerator.Summary demo = night.generate(CHILDREN);
        int bigRows = writeBigVerzuimFile();
        Map<String, String> files = inboxFilesBySha256();

        // 1. while taking in a file: its transaction is open when the hub dies
        try (SeparateJvm hub = night.startHub("hub-1-killed-taking-in")) {
            hub.awaitLine(Pattern.compile("VERZUIM " + Pattern.quote(BIG_FILE) + ": taking in"), 1, STEP);
            hub.kill();
        }
        long takenInBeforeKill1;
        try (StoreFile store = new StoreFile(night.dataDir)) {
            assertThat(store.count("SELECT COUNT(*) FROM source_file WHERE file_name = ?", BIG_FILE))
                    .as("the file being taken in is not registered: its transaction was rolled back").isZero();
            assertThat(store.count("SELECT COUNT(*) FROM verzuimmelding WHERE meldingsnummer LIKE 'CRASH-%'"))
                    .as("and none of its rows is stored").isZero();
            takenInBeforeKill1 = store.count("SELECT COUNT(*) FROM source_file WHERE status = 'TAKEN_IN'");
            assertThat(takenInBeforeKill1).as("files taken in before the kill").isBetween(1L, files.size() - 1L);
        }
        assertThat(night.inbox("verzuim").resolve(BIG_FILE)).as("the file stays in its inbox").exists();
        // a kill after a file's transaction committed but before the file consumer moved it to the archive
        // leaves a taken-in file in its inbox: made here by moving one back, as that moment is too short to hit
        String putBack = putAnArchivedFileBack();

        // 2. between storing and sending: part of the children are evaluated, their events stored and queued
        try (SeparateJvm hub = night.startHub("hub-2-killed-evaluating")) {
            hub.awaitLine(Pattern.compile("children evaluated, \\d+ events stored and queued"), 1, STEP);
            hub.kill();
        }
        long eventsBeforeKill2;
        try (StoreFile store = new StoreFile(night.dataDir)) {
            eventsBeforeKill2 = store.count("SELECT COUNT(*) FROM case_event");
            assertThat(eventsBeforeKill2).as("events stored before the kill").isPositive();
            assertThat(store.count("SELECT COUNT(*) FROM outbox")).as("and queued in the outbox").isPositive();
            assertThat(store.count("SELECT COUNT(*) FROM outbox WHERE status <> 'PENDING'")).as("none sent yet").isZero();
            assertThat(store.count("SELECT COUNT(*) FROM source_file WHERE status = 'DUPLICATE'"))
                    .as("the file put back is skipped as a duplicate").isEqualTo(1);
        }

        // 3. while sending
        long sentBeforeKill3;
        long inDoubtAtKill3;
        long messagesAtKill3;
        try (SeparateJvm hub = night.startHub("hub-3-killed-sending")) {
            hub.awaitLine(Pattern.compile("Outbox \\d+ sent to "), 25, STEP);
            hub.kill();
        }
        try (StoreFile store = new StoreFile(night.dataDir)) {
            sentBeforeKill3 = store.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENT'");
            inDoubtAtKill3 = store.count("SELECT COUNT(*) FROM outbox WHERE status = 'SENDING'");
            messagesAtKill3 = store.count("SELECT COUNT(*) FROM outbox");
            assertThat(sentBeforeKill3).as("sent before the kill").isPositive();
            assertThat(store.count("SELECT COUNT(*) FROM outbox WHERE status = 'PENDING'")).as("not sent yet").isPositive();
        }

        // 4. the night to its end
        String settled;
        try (SeparateJvm hub = night.startHub("hub-4-to-the-end")) {
            int exit = hub.awaitExit(STEP);
            assertThat(exit).as(hub.tail()).isZero();
            assertThat(hub.lines()).anyMatch(l -> l.contains("asOf " + NightUnderTest.NIGHT + ": SUCCEEDED"));
            Pattern inDoubt = Pattern.compile("were in doubt: (\\d+ had reached the broker .*)");
            settled = hub.lines().stream().map(inDoubt::matcher).filter(java.util.regex.Matcher::find)
                    .map(m -> m.group(1)).findFirst().orElse("none (killed between two messages)");
            assertThat(settled.startsWith("none")).as("a message in doubt is settled on the rerun").isEqualTo(inDoubtAtKill3 == 0);
        }

        try (StoreFile store = new StoreFile(night.dataDir)) {
            // the store: every file in once, so every good record in once
            Map<String, Long> takenIn = store.jdbc().queryForList(
                    "SELECT sha256 FROM source_file WHERE status = 'TAKEN_IN'", String.class).stream()
                    .collect(Collectors.groupingBy(s -> s, Collectors.counting()));
            assertThat(takenIn.keySet()).as("every file taken in").containsExactlyInAnyOrderElementsOf(files.keySet());
            assertThat(takenIn.values()).as("each once").allMatch(n -> n == 1);
            assertThat(store.count("SELECT COUNT(*) FROM source_file WHERE status = 'DUPLICATE' AND rows_taken_in = 0 "
                    + "AND file_name = ?", putBack)).isEqualTo(1);
            assertThat(store.count("SELECT COUNT(*) FROM source_file WHERE status = 'REJECTED'")).isZero();
            Map<String, Long> rowsPerSource = rowsPerSource(demo, bigRows);
            for (var expected : rowsPerSource.entrySet()) {
                assertThat(store.count("SELECT COALESCE(SUM(rows_taken_in), 0) FROM source_file WHERE source = ? "
                        + "AND status = 'TAKEN_IN'", expected.getKey())).as("rows of %s taken in", expected.getKey())
                        .isEqualTo(expected.getValue());
            }
            assertThat(store.count("SELECT COUNT(*) FROM kind")).as("children").isEqualTo(CHILDREN + BIG_CHILDREN);
            assertThat(store.count("SELECT COUNT(*) FROM verzuimmelding")).as("melding versions")
                    .isEqualTo(rowsPerSource.get("VERZUIM"));
            assertThat(store.count("SELECT COUNT(*) FROM jeugdhulp"))
                    .as("jeugdhulp lines, none twice").isEqualTo(store.count(
                            "SELECT COUNT(*) FROM (SELECT DISTINCT berichttype, bericht_id, line_no FROM jeugdhulp) d"));
            long records = store.count("SELECT COALESCE(SUM(rows_taken_in), 0) FROM source_file WHERE status = 'TAKEN_IN'");

            // the events: one night on an empty store, so one case per child and signal, opened once
            long events = store.count("SELECT COUNT(*) FROM case_event");
            assertThat(store.count("SELECT COUNT(*) FROM case_event WHERE event <> 'OPENED'")).isZero();
            assertThat(events).as("one event per case").isEqualTo(store.count("SELECT COUNT(*) FROM signal_case"));
            assertThat(store.count("SELECT COUNT(*) FROM (SELECT kind_id, signal FROM signal_case "
                    + "GROUP BY kind_id, signal HAVING COUNT(*) > 1) d")).as("a child's signal opened twice").isZero();
            assertThat(events).as("events of the rerun nights come on top of those stored before kill 2")
                    .isGreaterThanOrEqualTo(eventsBeforeKill2);
            assertThat(store.count("SELECT COUNT(*) FROM nightly_run WHERE status = 'FAILED' "
                    + "AND error LIKE 'de instantie die deze nacht draaide is gestopt%'")).as("the three killed runs").isEqualTo(3);
            assertThat(store.count("SELECT COUNT(*) FROM nightly_run WHERE status = 'SUCCEEDED'")).isEqualTo(1);

            // the queues: every message once
            NightUnderTest.Delivered delivered = night.everyMessageOnceOnTheQueues(store);
            assertThat(leftInTheInboxes()).as("files or lock files left in the inboxes").isEmpty();

            System.out.printf("CrashSafetyIT: 3 kill points (kill -9), each followed by a rerun of the night; the third "
                            + "rerun ran it to its end, SUCCEEDED; in %d s:%n"
                            + "  kill 1 while taking in %s (%d rows): it was rolled back, %d of %d files were in; "
                            + "1 taken-in file put back in its inbox was skipped as a duplicate%n"
                            + "  kill 2 between storing and sending: %d events stored and queued, 0 sent%n"
                            + "  kill 3 while sending: %d of %d messages sent, %d in doubt, settled by the receipts: %s%n"
                            + "  store: %d files, %d records, %d children, each once: 0 lost, 0 duplicates%n"
                            + "  events: %d, each once; queues: %d messages for %d in the outbox: %d lost, %d duplicates%n",
                    (System.nanoTime() - begin) / 1_000_000_000, BIG_FILE, bigRows, takenInBeforeKill1, files.size(),
                    eventsBeforeKill2, sentBeforeKill3, messagesAtKill3, inDoubtAtKill3, settled, files.size(), records,
                    CHILDREN + BIG_CHILDREN, events, delivered.onQueues(), delivered.messages(), delivered.lost(),
                    delivered.duplicates());
        }
    }

    /** 40 never-registered children, each with 300 versions of one open melding: ABSOLUUT_VERZUIM for each. */
    private int writeBigVerzuimFile() throws IOException {
        StringBuilder csv = new StringBuilder("meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;gemeentecode;begindatum\n");
        for (int child = 0; child < BIG_CHILDREN; child++) {
            String bsn = TestBsn.bsn();
            for (int version = 0; version < BIG_VERSIONS; version++) {
                String mutatie = String.format("2026-02-%02dT08:%02d:00", 1 + version / 60, version % 60);
                csv.append("CRASH-").append(child).append(';').append(mutatie).append(";R;V3;").append(bsn)
                        .append(";2013-03-03;10AA;0363;2026-01-05\n");
            }
        }
        Path inbox = Files.createDirectories(night.inbox("verzuim"));
        Path part = Files.writeString(inbox.resolve("." + BIG_FILE + ".part"), csv, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(BIG_FILE));
        return BIG_CHILDREN * BIG_VERSIONS;
    }

    /** Rows per source that the files hold, as the demo generator counted them, plus the large file. */
    private static Map<String, Long> rowsPerSource(DemoDataGenerator.Summary demo, int bigRows) {
        Map<String, Integer> rows = demo.rows();
        return Map.of(
                "VERZUIM", (long) rows.get("verzuim") + bigRows,
                "INSCHRIJVINGEN", (long) rows.get("inschrijvingen") + rows.get("inschrijvingen-volledig"),
                "IJW", (long) rows.get("jw315") + rows.get("jw301") + rows.get("jw305") + rows.get("jw307"),
                "EDEXML", (long) rows.get("edexml"));
    }

    private Map<String, String> inboxFilesBySha256() throws Exception {
        try (Stream<Path> all = Files.walk(night.dataDir.resolve("inbox"))) {
            List<Path> files = all.filter(Files::isRegularFile).toList();
            Map<String, String> bySha = new java.util.HashMap<>();
            for (Path f : files) {
                assertThat(bySha.put(sha256(f), f.getFileName().toString())).as("two files with one content").isNull();
            }
            return bySha;
        }
    }

    /** An archived file of any source back in its inbox (archive/<source>/<yyyyMMdd>/<name>). */
    private String putAnArchivedFileBack() throws IOException {
        try (Stream<Path> archived = Files.walk(night.dataDir.resolve("archive"))) {
            Path file = archived.filter(Files::isRegularFile).sorted().findFirst()
                    .orElseThrow(() -> new AssertionError("no file was archived before kill 1"));
            String source = file.getParent().getParent().getFileName().toString();
            Files.move(file, night.inbox(source).resolve(file.getFileName()));
            return file.getFileName().toString();
        }
    }

    private List<Path> leftInTheInboxes() throws IOException {
        try (Stream<Path> all = Files.walk(night.dataDir.resolve("inbox"))) {
            return all.filter(Files::isRegularFile).toList();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest digest = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            digest.update(in.readAllBytes());
        }
        return HexFormat.of().formatHex(digest.digest());
    }
}
