package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.zip.ZipFile;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The packaged jar as an operator runs it: {@code java -jar} in the project folder, so it reads
 * ./config/, ./routes/ and ./mappings/ from the file system, with a fresh data folder and free
 * ports. Files dropped in the inboxes must show up in {@code GET /api/kinderen/{bsn}}.
 * Run by failsafe in {@code ./mvnw verify}; the system property {@code kindplan.jar} names the jar.
 */
class PackagedJarIT {

    static final Duration START_TIMEOUT = Duration.ofSeconds(90);
    static final Duration INGEST_TIMEOUT = Duration.ofSeconds(30);
    static final List<String> ROUTES = List.of("ingest-verzuim", "ingest-ijw", "ingest-inschrijvingen", "ingest-edexml");

    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();
    static final Path LOG = PROJECT.resolve("target").resolve("packaged-jar-it.log");

    static Path jar;
    static Path dataDir;
    static int port;
    static Process hub;
    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    /** A failed test shows what the hub said. */
    @RegisterExtension
    static final TestWatcher PRINT_LOG_ON_FAILURE = new TestWatcher() {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            System.err.println("--- " + context.getDisplayName() + " failed; the hub's output ends with:\n" + logTail());
        }
    };

    @BeforeAll
    static void startTheJar() throws Exception {
        String jarProperty = System.getProperty("kindplan.jar");
        assertThat(jarProperty).as("system property kindplan.jar (set by failsafe in ./mvnw verify)").isNotBlank();
        jar = Path.of(jarProperty);
        assertThat(jar).as("the packaged jar").isRegularFile();
        Files.createDirectories(LOG.getParent());
        dataDir = Files.createTempDirectory(LOG.getParent(), "packaged-jar-it-data-");
        port = freePort();
        int brokerPort = freePort();

        ProcessBuilder builder = new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-jar", jar.toString(),
                "--kindplan.data-dir=" + dataDir,
                "--server.port=" + port,
                "--kindplan.broker.connector=tcp://127.0.0.1:" + brokerPort,
                "--kindplan.ingest.poll-delay=200")
                .directory(PROJECT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(LOG.toFile());
        // the hub's own settings come from ./config and the arguments above, not from this shell
        builder.environment().keySet().removeIf(k -> k.startsWith("KINDPLAN_") || k.startsWith("SPRING_"));
        hub = builder.start();
        Process started = hub;
        Runtime.getRuntime().addShutdownHook(new Thread(started::destroyForcibly));

        awaitHealthUp();
    }

    @AfterAll
    static void stopTheJar() throws InterruptedException {
        if (hub == null) {
            return;
        }
        hub.destroy();
        if (!hub.waitFor(30, TimeUnit.SECONDS)) {
            hub.destroyForcibly();
            assertThat(hub.waitFor(10, TimeUnit.SECONDS)).as("the hub stopped when killed").isTrue();
        }
    }

    @Test
    void withoutConfiguredUsersTheFirstStartPrintsOneGeneratedOperatorPasswordOnce() throws Exception {
        String log = readLog();
        assertThat(log.split("Generated operator, shown only this once", -1)).as("printed once").hasSize(2);
        String password = generatedPassword();
        assertThat(password).isNotBlank();
        assertThat(get("/api/runs", password).statusCode()).isEqualTo(200);
        assertThat(get("/api/runs", null).statusCode()).isEqualTo(401);
        assertThat(get("/api/runs", password + "x").statusCode()).isEqualTo(401);
    }

    @Test
    void theYamlRoutesAreLoadedFromTheRoutesFolderAndStarted() throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            assertThat(zip.stream().map(e -> e.getName()).filter(n -> n.endsWith(".yaml") && n.contains("ingest-")))
                    .as("the routes are not packaged: they can only come from ./routes").isEmpty();
        }
        try (Stream<Path> files = Files.list(PROJECT.resolve("routes"))) {
            // the four ingest routes are one template (ingest-folder.yaml) made into a route per source
            assertThat(files.map(p -> p.getFileName().toString())).contains("ingest-folder.yaml", "ingest-sources.yaml");
        }
        String log = readLog();
        for (String route : ROUTES) {
            assertThat(log).as("route %s started", route).containsPattern("Started " + route + " \\(file://");
        }
    }

    @Test
    void filesDroppedInTheInboxesShowUpInTheChildsRecord() throws Exception {
        String bsn = testBsn();
        String verzuim = "verzuim-it-20261101.csv";
        drop("verzuim", verzuim, "meldingsnummer;laatste_mutatie;status;verzuimsoort;bsn;geboortedatum;"
                + "brin;vestiging;gemeentecode;begindatum;einddatum;uren\n"
                + "IT-VZ-1;2026-10-01T08:00:00;R;V3;" + bsn + ";2013-09-30;10AA;00;0599;2026-09-01;;16\n");
        String fixture = Files.readString(PROJECT.resolve("src/test/resources/ijw/jw301-toewijzing.xml"),
                StandardCharsets.UTF_8);
        String ijw = fixture.replace("<jw301:Bsn>123456782</jw301:Bsn>", "<jw301:Bsn>" + bsn + "</jw301:Bsn>");
        assertThat(ijw).as("the fixture's BSN replaced by a test BSN").isNotEqualTo(fixture);
        drop("ijw", "jw301-it.xml", ijw);

        JsonNode kind = awaitKind(bsn, k -> k.path("meldingen").size() == 1 && k.path("jeugdhulp").size() == 2);

        assertThat(kind.path("kind").path("bsn").asString()).isEqualTo(bsn);
        JsonNode melding = kind.path("meldingen").get(0);
        assertThat(melding.path("meldingsnummer").asString()).isEqualTo("IT-VZ-1");
        assertThat(melding.path("status").asString()).isEqualTo("R");
        assertThat(melding.path("open").asBoolean()).isTrue();
        assertThat(melding.path("begindatum").asString()).isEqualTo("2026-09-01");
        assertThat(melding.path("versies").get(0).path("herkomst").path("bestand").asString()).isEqualTo(verzuim);
        assertThat(melding.path("versies").get(0).path("herkomst").path("regel").asLong()).isEqualTo(2);
        List<String> toewijzingen = new ArrayList<>();
        for (JsonNode regel : kind.path("jeugdhulp")) {
            assertThat(regel.path("bericht").asString()).isEqualTo("JW301");
            assertThat(regel.path("gemeentecode").asString()).isEqualTo("0599");
            assertThat(regel.path("herkomst").path("bestand").asString()).isEqualTo("jw301-it.xml");
            toewijzingen.add(regel.path("toewijzingNummer").asString());
        }
        assertThat(toewijzingen).containsExactlyInAnyOrder("700101", "700102");

        awaitArchived("verzuim", verzuim);
        awaitArchived("ijw", "jw301-it.xml");
    }

    /**
     * TestBsn checks its numbers with the main code's Elfproef. Failsafe puts the packaged jar on the
     * test class path instead of target/classes, and in the repackaged jar the classes lie under
     * BOOT-INF/classes where no class loader finds them: say how to fix that rather than fail obscurely.
     */
    private static String testBsn() {
        try {
            return TestBsn.bsn();
        } catch (NoClassDefFoundError e) {
            throw new AssertionError("the main classes are not on the failsafe class path: configure "
                    + "maven-failsafe-plugin with <classesDirectory>${project.build.outputDirectory}</classesDirectory>", e);
        }
    }

    /** Written aside under a hidden name, then moved in whole, as a source delivers. */
    private static void drop(String source, String fileName, String content) throws IOException {
        Path inbox = Files.createDirectories(dataDir.resolve("inbox").resolve(source));
        Path part = Files.writeString(inbox.resolve("." + fileName + ".part"), content, StandardCharsets.UTF_8);
        Files.move(part, inbox.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
    }

    private static void awaitHealthUp() throws InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            if (!hub.isAlive()) {
                throw new AssertionError("the hub exited with " + hub.exitValue() + " before it was up; its output ends with:\n"
                        + logTail());
            }
            try {
                HttpResponse<String> health = get("/actuator/health/readiness");
                last = health.statusCode() + " " + health.body();
                if (health.statusCode() == 200 && "UP".equals(JSON.readTree(health.body()).path("status").asString())) {
                    return;
                }
            } catch (IOException e) {
                last = e.toString();  // not listening yet
            }
            Thread.sleep(500);
        }
        throw new AssertionError("the hub was not UP within " + START_TIMEOUT.toSeconds() + " s (last: " + last
                + "); its output ends with:\n" + logTail());
    }

    private static JsonNode awaitKind(String bsn, Predicate<JsonNode> complete) throws Exception {
        long deadline = System.nanoTime() + INGEST_TIMEOUT.toNanos();
        String last = "no answer yet";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> response = get("/api/kinderen/" + bsn);
            last = response.statusCode() + " " + response.body();
            if (response.statusCode() == 200) {
                JsonNode kind = JSON.readTree(response.body());
                if (complete.test(kind)) {
                    return kind;
                }
            } else {
                assertThat(response.statusCode()).as("a child not (yet) known: %s", last).isEqualTo(404);
            }
            Thread.sleep(250);
        }
        throw new AssertionError("the child's record was not complete within " + INGEST_TIMEOUT.toSeconds()
                + " s; last answer: " + last);
    }

    private static void awaitArchived(String source, String fileName) throws Exception {
        Path archive = dataDir.resolve("archive").resolve(source);
        long deadline = System.nanoTime() + INGEST_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(archive)) {
                try (Stream<Path> files = Files.walk(archive)) {
                    if (files.anyMatch(p -> p.getFileName().toString().equals(fileName))) {
                        assertThat(dataDir.resolve("inbox").resolve(source).resolve(fileName)).doesNotExist();
                        return;
                    }
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError(fileName + " was not archived under " + archive);
    }

    private static HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return get(path, generatedPassword());
    }

    private static HttpResponse<String> get(String path, String operatorPassword) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(5)).header("Accept", "application/json").GET();
        if (operatorPassword != null) {
            request.header("Authorization", "Basic " + java.util.Base64.getEncoder()
                    .encodeToString(("beheerder:" + operatorPassword).getBytes(StandardCharsets.UTF_8)));
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** No users are configured here: the hub made an operator at its first start and printed its password once. */
    private static String generatedPassword() throws IOException {
        java.util.regex.Matcher printed = java.util.regex.Pattern.compile("user: beheerder\\s+password: (\\S+)").matcher(readLog());
        return printed.find() ? printed.group(1) : null;
    }

    private static String logTail() {
        try {
            if (!Files.exists(LOG)) {
                return "(no output at " + LOG + ")";
            }
            List<String> lines = readLog().lines().toList();
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the hub's output " + LOG, e);
        }
    }

    /** Leniently: a stray byte in the output must not hide it. */
    private static String readLog() throws IOException {
        return new String(Files.readAllBytes(LOG), StandardCharsets.UTF_8);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
