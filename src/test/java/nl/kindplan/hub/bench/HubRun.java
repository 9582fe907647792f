package nl.kindplan.hub.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One night of the real hub: {@code java -jar} of the packaged jar in run-once mode, in the project
 * folder (so ./config, ./routes and ./mappings are used), its data folder and database given from
 * outside, its output in a log file. While it runs, its peak RSS ({@code VmHWM}) is read from /proc.
 */
final class HubRun {

    /** Exit 0: complete; 2: finished but incomplete (files refused, child problems); 1: failed. */
    record Outcome(int exitCode, String summary, long peakRssMb, long wallMillis, Path log) {

        boolean finished() {
            return exitCode == 0 || exitCode == 2;
        }
    }

    private HubRun() {
    }

    static Outcome night(Path jar, Path project, Path dataDir, String brokerUrl, String xmx, LocalDate asOf,
                         Map<String, String> datasource, Path log, Duration timeout)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx" + xmx, "-jar",
                jar.toString(), "--kindplan.run-once=true", "--kindplan.as-of=" + asOf));
        datasource.forEach((key, value) -> command.add("--" + key + "=" + value));
        ProcessBuilder builder = new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        env.keySet().removeIf(k -> k.startsWith("KINDPLAN_") || k.startsWith("SPRING_"));
        env.put("KINDPLAN_DATA_DIR", dataDir.toString());
        env.put("KINDPLAN_BROKER_EMBEDDED", "false");
        env.put("KINDPLAN_BROKER_URL", brokerUrl);
        long logStart = Files.exists(log) ? Files.size(log) : 0;
        long start = System.nanoTime();
        Process process = builder.start();
        Path status = Path.of("/proc", Long.toString(process.pid()), "status");
        long peakKb = 0;
        long deadline = start + timeout.toNanos();
        try {
            while (!process.waitFor(200, TimeUnit.MILLISECONDS)) {
                peakKb = Math.max(peakKb, vmHwmKb(status));
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the hub did not finish within " + timeout.toMinutes()
                            + " minutes; see " + log);
                }
            }
        } finally {
            if (process.isAlive()) {
                process.destroyForcibly();
            }
        }
        long wall = (System.nanoTime() - start) / 1_000_000;
        String summary = summary(log, logStart);
        return new Outcome(process.exitValue(), summary, peakKb / 1024, wall, log);
    }

    /** The one-line summary run-once prints, else the last error line of this run's output. */
    private static String summary(Path log, long from) throws IOException {
        byte[] all = Files.readAllBytes(log);
        int start = (int) Math.min(from, all.length);
        String text = new String(all, start, all.length - start, java.nio.charset.StandardCharsets.UTF_8);
        String summary = null;
        String error = null;
        for (String line : text.split("\n")) {
            if (line.contains("kindplan-hub run ")) {
                summary = line.strip();
            } else if (line.contains(" ERROR ") || line.contains("Exception")) {
                error = error == null ? line.strip() : error;
            }
        }
        return summary != null ? summary : error != null ? error : "(no summary line)";
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process has just ended; its last reading stands
        }
        return 0;
    }
}
