package nl.kindplan.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * Run-once from the packaged jar, as a gemeente's cron calls it: one night, a one-line summary,
 * exit 0 when the run succeeded and non-zero when it failed (here: the broker cannot be reached).
 */
class RunOnceIT {

    private static final Path PROJECT = Path.of("").toAbsolutePath();

    @Test
    void aSucceededRunExitsZeroWithItsSummary() throws Exception {
        Result result = runOnce(List.of());

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("asOf 2026-04-06: SUCCEEDED").contains("1 events");
    }

    @Test
    void theEnvironmentVariableIsTheSameSwitchAsTheArgument() throws Exception {
        // as the Kubernetes CronJob of config/deploy/ starts it: KINDPLAN_RUN_ONCE=true, no argument
        Result result = runOnce(List.of(), Map.of("KINDPLAN_RUN_ONCE", "true"));

        assertThat(result.exitCode()).as(result.output()).isZero();
        assertThat(result.output()).contains("asOf 2026-04-06: SUCCEEDED").contains("1 events");
        // run-once starts no web server
        assertThat(result.output()).doesNotContain("Tomcat started").doesNotContain("Tomcat initialized");
    }

    @Test
    void aRunThatCannotReachTheBrokerExitsNonZero() throws Exception {
        Result result = runOnce(List.of("--kindplan.broker.embedded=false",
                "--kindplan.broker.url=tcp://127.0.0.1:" + freePort()));

        assertThat(result.exitCode()).as(result.output()).isNotZero();
        assertThat(result.output()).contains("asOf 2026-04-06: FAILED");
    }

    private record Result(int exitCode, String output) {
    }

    private static Result runOnce(List<String> extra) throws Exception {
        return runOnce(extra, null);
    }

    /** With {@code environment} given, run-once is switched on by it alone, not by the argument. */
    private static Result runOnce(List<String> extra, Map<String, String> environment) throws Exception {
        Path jar = Path.of(System.getProperty("kindplan.jar"));
        Path dataDir = Files.createTempDirectory(PROJECT.resolve("target"), "run-once-it-");
        Path inbox = Files.createDirectories(dataDir.resolve("inbox/verzuim"));
        String bsn = TestBsn.bsn();
        // a child known from a melding only: ABSOLUUT_VERZUIM, one event for its gemeente
        Files.writeString(inbox.resolve("verzuim-run-once.csv"), "meldingsnummer;laatste_mutatie;status;verzuimsoort;"
                + "bsn;geboortedatum;brin;gemeentecode;begindatum\n"
                + "RO-1;2026-03-02T08:00:00;R;V3;" + bsn + ";2013-03-03;10AA;0363;2026-03-01\n", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString(), "--kindplan.as-of=2026-04-06",
                "--kindplan.data-dir=" + dataDir, "--kindplan.broker.connector=tcp://127.0.0.1:" + freePort()));
        if (environment == null) {
            command.add(3, "--kindplan.run-once=true");
        }
        command.addAll(extra);
        Path log = dataDir.resolve("run-once.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("KINDPLAN_"));
        if (environment != null) {
            builder.environment().putAll(environment);
        }
        Process process = builder.start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("run-once did not end within 180 s: " + Files.readString(log));
        }
        return new Result(process.exitValue(), Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
