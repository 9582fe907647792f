package nl.kindplan.hub;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * A JVM that a test starts apart and may kill with SIGKILL, as {@code kill -9} does: the packaged
 * hub ({@code java -jar}, in the project folder so it reads ./config, ./routes and ./mappings) or
 * {@link TestBroker}. Its output goes to a file, which the test follows line by line to kill it
 * at the moment a log line shows.
 */
public final class SeparateJvm implements AutoCloseable {

    static final Path PROJECT = Path.of(System.getProperty("user.dir")).toAbsolutePath();

    private final String name;
    private final Process process;
    private final Path log;
    private final List<String> lines = new ArrayList<>();
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    private SeparateJvm(String name, List<String> command, Path log) throws IOException {
        this.name = name;
        this.log = log;
        Files.createDirectories(log.getParent());
        ProcessBuilder builder = new ProcessBuilder(command).directory(PROJECT.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the hub's settings come from ./config and its arguments, not from the shell that runs the build
        builder.environment().keySet().removeIf(k -> k.startsWith("KINDPLAN_") || k.startsWith("SPRING_"));
        offset = Files.exists(log) ? Files.size(log) : 0;
        this.process = builder.start();
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    /** The packaged jar (system property {@code kindplan.jar}, set by failsafe) with these arguments. */
    public static SeparateJvm hub(String name, Path log, List<String> args) throws IOException {
        String jar = System.getProperty("kindplan.jar");
        if (jar == null || !Files.isRegularFile(Path.of(jar))) {
            throw new IllegalStateException("system property kindplan.jar must name the packaged jar (./mvnw verify sets it)");
        }
        // C1 only: the hub starts sooner, and these runs are too short for C2 to pay off
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx512m", "-XX:TieredStopAtLevel=1", "-jar", jar));
        command.addAll(args);
        return new SeparateJvm(name, command, log);
    }

    /** A {@link TestBroker} on this port and folder, started once it listens. */
    public static SeparateJvm broker(Path log, int port, Path dir) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        SeparateJvm broker = new SeparateJvm("broker", List.of(java(), "-Xmx256m", "-cp", classPath,
                TestBroker.class.getName(), String.valueOf(port), dir.toString()), log);
        broker.awaitLine(Pattern.compile(Pattern.quote(TestBroker.STARTED)), 1, Duration.ofSeconds(60));
        return broker;
    }

    /**
     * Waits until the output has shown {@code count} lines matching {@code pattern} (counted over
     * this process's output only) and answers the last of them.
     */
    public String awaitLine(Pattern pattern, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        int next = 0;
        while (true) {
            readNewLines();
            for (; next < lines.size(); next++) {
                if (pattern.matcher(lines.get(next)).find() && ++seen == count) {
                    return lines.get(next);
                }
            }
            if (!process.isAlive()) {
                readNewLines();
                throw new AssertionError(name + " exited with " + process.exitValue() + " before showing "
                        + count + " line(s) like /" + pattern + "/; its output ends with:\n" + tail());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not show " + count + " line(s) like /" + pattern + "/ within "
                        + timeout.toSeconds() + " s; its output ends with:\n" + tail());
            }
            sleep(10);
        }
    }

    /** How many lines of this process's output match. */
    public long count(Pattern pattern) {
        readNewLines();
        return lines.stream().filter(l -> pattern.matcher(l).find()).count();
    }

    /** SIGKILL, as {@code kill -9}: no shutdown hook, no finally block, no flush runs. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new AssertionError(name + " did not die of SIGKILL within 30 s");
        }
        // 128 + 9: killed by signal 9, not ended by itself
        if (process.exitValue() != 137) {
            throw new AssertionError(name + " had already ended with " + process.exitValue() + " before the kill; "
                    + "its output ends with:\n" + tail());
        }
    }

    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(name + " did not end within " + timeout.toSeconds() + " s; its output ends with:\n"
                    + tail());
        }
        readNewLines();
        return process.exitValue();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public List<String> lines() {
        readNewLines();
        return List.copyOf(lines);
    }

    public String tail() {
        readNewLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    private void readNewLines() {
        try (RandomAccessFile file = new RandomAccessFile(log.toFile(), "r")) {
            long length = file.length();
            if (length <= offset) {
                return;
            }
            byte[] bytes = new byte[(int) (length - offset)];
            file.seek(offset);
            file.readFully(bytes);
            offset = length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
            int newline;
            while ((newline = partial.indexOf("\n")) >= 0) {
                lines.add(partial.substring(0, newline));
                partial.delete(0, newline + 1);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + log, e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
