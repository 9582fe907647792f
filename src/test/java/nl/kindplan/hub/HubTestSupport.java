package nl.kindplan.hub;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.springframework.boot.micrometer.metrics.test.autoconfigure.AutoConfigureMetrics;
import org.springframework.boot.resttestclient.autoconfigure.AutoConfigureTestRestTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that start the whole hub: embedded broker and database in a fresh data
 * folder, routes loaded from the real routes/ folder, short poll delays. All subclasses share one
 * Spring context (and so one store): each test uses children of its own. Camel runs as in production
 * (JMX on: the dashboard reads Camel's own route statistics).
 */
@AutoConfigureMetrics  // meters and /actuator/prometheus, as in production
@AutoConfigureTestRestTemplate
@SpringBootTest(classes = KindplanHubApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class HubTestSupport {

    protected static final Path DATA_DIR = createDataDir();
    protected static final int BROKER_PORT = freePort();
    /** Webhooks of gemeente 0997 (answers 204) and 0998 (always 500); other recipients have none. */
    protected static final TestWebhooks WEBHOOKS = new TestWebhooks();
    /** The HTTP sources of verzuim and ijw; they answer 204 (nothing new) unless a test queues an answer. */
    protected static final TestHttpSources HTTP_SOURCES = new TestHttpSources();

    /** The two users of the tests, one per role; their passwords exist only in this JVM. */
    public static final String OPERATOR = "beheerder-test";
    public static final String VIEWER = "kijker-test";
    public static final String OPERATOR_PASSWORD = randomPassword();
    public static final String VIEWER_PASSWORD = randomPassword();

    @DynamicPropertySource
    static void hubProperties(DynamicPropertyRegistry registry) {
        BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder(4);
        registry.add("kindplan.security.users[0].name", () -> OPERATOR);
        registry.add("kindplan.security.users[0].password-hash", () -> "{bcrypt}" + bcrypt.encode(OPERATOR_PASSWORD));
        registry.add("kindplan.security.users[0].role", () -> "OPERATOR");
        registry.add("kindplan.security.users[1].name", () -> VIEWER);
        registry.add("kindplan.security.users[1].password-hash", () -> bcrypt.encode(VIEWER_PASSWORD));
        registry.add("kindplan.security.users[1].role", () -> "VIEWER");
        registry.add("kindplan.data-dir", DATA_DIR::toString);
        registry.add("kindplan.broker.connector", () -> "tcp://127.0.0.1:" + BROKER_PORT);
        registry.add("kindplan.ingest.poll-delay", () -> "200");
        registry.add("kindplan.delivery.gemeente.[0997].webhook", () -> WEBHOOKS.url("/ok"));
        registry.add("kindplan.delivery.gemeente.[0998].webhook", () -> WEBHOOKS.url("/fail"));
        registry.add("kindplan.delivery.gemeente.[0998].jms", () -> "false");
        registry.add("kindplan.delivery.webhook.redelivery-delay", () -> "50");
        registry.add("kindplan.sources.verzuim-url", () -> HTTP_SOURCES.url("verzuim"));
        registry.add("kindplan.sources.ijw-url", () -> HTTP_SOURCES.url("ijw"));
        registry.add("kindplan.sources.retry.redelivery-delay", () -> "50");
        registry.add("camel.component.http.response-timeout", () -> "1500");
        registry.add("kindplan.delivery.jms.in-doubt-wait", () -> "PT1S");
    }

    protected static Path inbox(String source) {
        return DATA_DIR.resolve("inbox").resolve(source);
    }

    protected static Path errorFolder(String source) {
        return DATA_DIR.resolve("error").resolve(source);
    }

    /** Drops a file into an inbox the way a source would: written aside, then moved in whole. */
    protected static Path drop(String source, String fileName, String content) {
        try {
            Path dir = inbox(source);
            Files.createDirectories(dir);
            Path tmp = dir.resolve("." + fileName + ".part");
            Files.writeString(tmp, content, StandardCharsets.UTF_8);
            return Files.move(tmp, dir.resolve(fileName), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file consumer moves a file out of the inbox when its exchange is complete. */
    protected static void awaitMovedOut(Path file) {
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        while (Files.exists(file)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(file + " is still in the inbox");
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + file, e);
            }
        }
    }

    private static String randomPassword() {
        return java.util.UUID.randomUUID().toString();
    }

    private static Path createDataDir() {
        try {
            return Files.createTempDirectory("kindplan-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
