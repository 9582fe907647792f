package nl.kindplan.hub.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import nl.kindplan.hub.SeparateJvm;
import nl.kindplan.hub.demo.DemoSchool;

/**
 * The night benchmark of issue 10 ({@code ./mvnw -B -Pbenchmark verify -Dbenchmark.children=100000}):
 * generates a deterministic population's files for a first night and a delta night a week later,
 * measures their parse-only floor, and runs the packaged hub in run-once mode on both nights against
 * an external ActiveMQ broker (a JVM apart), on the embedded H2 and on PostgreSQL (zonky's embedded
 * binaries). Prints per night and database the phases and their rates, the ratio to the floor, peak
 * heap and RSS, and the database's size, and writes the same under target/benchmark/.
 * <p>
 * Settings (system properties): {@code benchmark.children} (100000), {@code benchmark.national}
 * (false: true writes registrations and meldingen only, one CSV each), {@code benchmark.db}
 * (both, h2, postgres; none: only the files and their floor), {@code benchmark.xmx} (1g), {@code benchmark.defects} (true),
 * {@code benchmark.seed}, {@code benchmark.as-of} (2026-11-16; the delta night is a week later),
 * {@code benchmark.floor-tries} (3), {@code benchmark.timeout-minutes} (180), {@code kindplan.jar}.
 */
public final class NightBenchmark {

    private static final String[] SOURCES = {"verzuim", "ijw", "inschrijvingen", "edexml"};

    private NightBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int children = Integer.getInteger("benchmark.children", 100_000);
        boolean national = Boolean.parseBoolean(System.getProperty("benchmark.national", "false"));
        boolean defects = Boolean.parseBoolean(System.getProperty("benchmark.defects", "true"));
        String db = System.getProperty("benchmark.db", "both");
        String xmx = System.getProperty("benchmark.xmx", "1g");
        long seed = Long.getLong("benchmark.seed", 20_261_116L);
        LocalDate asOf = LocalDate.parse(System.getProperty("benchmark.as-of", "2026-11-16"));
        int tries = Integer.getInteger("benchmark.floor-tries", 3);
        Duration timeout = Duration.ofMinutes(Long.getLong("benchmark.timeout-minutes", 180));
        Path project = Path.of(System.getProperty("user.dir")).toAbsolutePath();
        Path jar = Path.of(System.getProperty("kindplan.jar", "target/kindplan-hub-0.1.0-SNAPSHOT.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("no packaged hub at " + jar + ": run the benchmark after package "
                    + "(./mvnw -B -Pbenchmark verify)");
        }
        String name = children + (national ? "-national" : "") + (defects ? "" : "-nodefects")
                + (db.equals("both") ? "" : "-" + db);
        Path work = project.resolve("target/benchmark/" + name);
        delete(work);

        System.out.printf("night benchmark: %d children%s, defects %s, asOf %s and %s, -Xmx%s, databases %s%n",
                children, national ? " (national: registrations and meldingen only)" : "", defects ? "on" : "off",
                asOf, asOf.plusDays(7), xmx, db);
        List<DemoSchool> scholen = DemoSchool.fromSwvTable(project.resolve("mappings/swv-scholen.csv"));
        NightFiles files = new NightFiles(new Population(seed, asOf, scholen, defects), scholen, children, national,
                defects);
        long t0 = System.nanoTime();
        Tally first = files.firstNight(work.resolve("input/first"));
        System.out.printf("first night written in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, first.describe());
        t0 = System.nanoTime();
        Tally delta = files.deltaNight(work.resolve("input/delta"));
        System.out.printf("delta night written in %.1f s: %s%n", (System.nanoTime() - t0) / 1e9, delta.describe());
        ParseFloor.Result firstFloor = ParseFloor.best(work.resolve("input/first"), tries);
        ParseFloor.Result deltaFloor = ParseFloor.best(work.resolve("input/delta"), tries);
        System.out.printf("parse floor (best of %d, 2 threads): first %d ms, delta %d ms%n", tries,
                firstFloor.millis(), deltaFloor.millis());

        List<NightFigures> figures = new ArrayList<>();
        List<String> databases = switch (db) {
            case "both" -> List.of("h2", "postgres");
            case "h2", "postgres" -> List.of(db);
            // the files and their floor only, e.g. to look at the data or time the generator
            case "none" -> List.of();
            default -> throw new IllegalArgumentException("benchmark.db is both, h2, postgres or none, not " + db);
        };
        for (String database : databases) {
            Path base = work.resolve(database);
            Path data = Files.createDirectories(base.resolve("data"));
            int port = freePort();
            try (SeparateJvm broker = SeparateJvm.broker(base.resolve("broker.log"), port, base.resolve("broker"));
                 Database store = database.equals("h2") ? Database.h2(data) : Database.postgres(base.resolve("pg"))) {
                String brokerUrl = "tcp://127.0.0.1:" + port;
                String[] nights = {"first", "delta"};
                Tally[] inputs = {first, delta};
                ParseFloor.Result[] floors = {firstFloor, deltaFloor};
                for (int n = 0; n < 2; n++) {
                    dropInto(work.resolve("input/" + nights[n]), data.resolve("inbox"));
                    LocalDate night = asOf.plusDays(7L * n);
                    System.out.printf("%s: %s night (asOf %s) running ...%n", database, nights[n], night);
                    HubRun.Outcome outcome = HubRun.night(jar, project, data, brokerUrl, xmx, night, store.hubSettings(),
                            base.resolve("hub-" + nights[n] + ".log"), timeout);
                    RunRecord record = null;
                    try {
                        record = store.lastRun();
                    } catch (SQLException | IllegalStateException e) {
                        System.out.println("  no run record to read: " + e.getMessage());
                    }
                    NightFigures f = new NightFigures(database, nights[n], inputs[n], floors[n], outcome, record,
                            store.sizeBytes());
                    figures.add(f);
                    System.out.printf("%s: %s night exit %d in %.1f s wall: %s%n", database, nights[n],
                            outcome.exitCode(), outcome.wallMillis() / 1000.0, outcome.summary());
                    if (!outcome.finished()) {
                        System.out.println("  the night did not finish; the hub's output is in " + outcome.log());
                    }
                }
            }
        }

        String table = NightFigures.table(figures);
        System.out.println();
        System.out.println("=== night benchmark, " + name + " children, machine: "
                + Runtime.getRuntime().availableProcessors() + " cores, Java " + System.getProperty("java.version")
                + " ===");
        System.out.print(table);
        System.out.println("input first night: " + first.describe());
        System.out.println("input delta night: " + delta.describe());
        Path out = project.resolve("target/benchmark");
        Files.writeString(out.resolve("night-benchmark-" + name + ".md"), NightFigures.markdown(figures)
                + "\nfirst night: " + first.describe() + "\n\ndelta night: " + delta.describe() + "\n");
        Files.writeString(out.resolve("night-benchmark-" + name + ".csv"), NightFigures.csv(figures));
        System.out.println("written: " + out.resolve("night-benchmark-" + name + ".md") + " and .csv");
    }

    /** Hard links of the night's files into the hub's inboxes: cheap, and the inputs stay for the next database. */
    private static void dropInto(Path night, Path inbox) throws IOException {
        for (String source : SOURCES) {
            Path from = night.resolve(source);
            if (!Files.isDirectory(from)) {
                continue;
            }
            Path to = Files.createDirectories(inbox.resolve(source));
            try (Stream<Path> s = Files.list(from)) {
                for (Path f : (Iterable<Path>) s::iterator) {
                    Files.createLink(to.resolve(f.getFileName()), f);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static long folderSize(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        try (Stream<Path> s = Files.walk(folder)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private static void delete(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        Files.walkFileTree(folder, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** The hub's database for one series of nights: its settings for the jar, its run record and size. */
    private interface Database extends AutoCloseable {

        Map<String, String> hubSettings();

        RunRecord lastRun() throws SQLException;

        long sizeBytes() throws IOException, SQLException;

        @Override
        void close() throws IOException;

        /** The embedded H2 of the default configuration, read after the hub has exited. */
        static Database h2(Path data) {
            return new Database() {
                @Override
                public Map<String, String> hubSettings() {
                    return Map.of();
                }

                @Override
                public RunRecord lastRun() throws SQLException {
                    try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("db/kindplan")
                            + ";IFEXISTS=TRUE", "kindplan", "")) {
                        return RunRecord.last(c);
                    }
                }

                @Override
                public long sizeBytes() throws IOException {
                    return folderSize(data.resolve("db"));
                }

                @Override
                public void close() {
                }
            };
        }

        /** A fresh PostgreSQL server of zonky's embedded binaries. */
        static Database postgres(Path dir) throws IOException {
            EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(dir).setCleanDataDirectory(true).start();
            return new Database() {
                @Override
                public Map<String, String> hubSettings() {
                    return Map.of("spring.datasource.url", pg.getJdbcUrl("postgres", "postgres"),
                            "spring.datasource.username", "postgres", "spring.datasource.password", "postgres");
                }

                @Override
                public RunRecord lastRun() throws SQLException {
                    try (Connection c = pg.getPostgresDatabase().getConnection()) {
                        return RunRecord.last(c);
                    }
                }

                @Override
                public long sizeBytes() throws SQLException {
                    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
                         ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                        rs.next();
                        return rs.getLong(1);
                    }
                }

                @Override
                public void close() throws IOException {
                    pg.close();
                }
            };
        }
    }
}
