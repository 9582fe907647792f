package nl.kindplan.hub.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.kindplan.hub.demo.DemoSchool;
import nl.kindplan.hub.domain.Elfproef;
import nl.kindplan.hub.ingest.RecordingSink;
import nl.kindplan.hub.ingest.SourceReader;
import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.ingest.csv.InschrijvingenCsvReader;
import nl.kindplan.hub.ingest.csv.VerzuimCsvReader;
import nl.kindplan.hub.ingest.edexml.EdexmlReader;
import nl.kindplan.hub.ingest.ijw.IjwReader;
import nl.kindplan.hub.mapping.Mappings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's population: deterministic, valid numbers, and the planted defect cases really in the files. */
class BenchPopulationTest {

    private static final Pattern NUMMER = Pattern.compile("<jw30[157]:ToewijzingNummer>(\\d+)<");

    @TempDir
    Path tmp;

    private final List<DemoSchool> scholen = DemoSchool.fromSwvTable(Path.of("mappings/swv-scholen.csv"));

    private NightFiles files(boolean defects) {
        return new NightFiles(new Population(7, LocalDate.of(2026, 11, 16), scholen, defects), scholen, 3000, false,
                defects);
    }

    @Test
    void sameSeedGivesTheSameFiles() throws IOException {
        files(true).firstNight(tmp.resolve("a"));
        files(true).firstNight(tmp.resolve("b"));
        Map<String, String> a = contents(tmp.resolve("a"));
        assertThat(a).hasSizeGreaterThan(500).isEqualTo(contents(tmp.resolve("b")));
    }

    @Test
    void numbersPassTheirElfproefAndDoNotCollide() {
        Set<String> gezien = new HashSet<>();
        for (int i = 0; i < 200_000; i += 7) {
            assertThat(Elfproef.isBsn(BenchNumbers.bsn(i))).isTrue();
            assertThat(Elfproef.isOnderwijsnummer(BenchNumbers.onderwijsnummer(i))).isTrue();
            assertThat(gezien.add(BenchNumbers.bsn(i))).isTrue();
            assertThat(Elfproef.isBsn(BenchNumbers.broken(BenchNumbers.bsn(i)))).isFalse();
        }
        assertThat(Elfproef.isBsn(BenchNumbers.bsn(BenchNumbers.MAX_INDEX / 2 + 2_499_999))).isTrue();
    }

    @Test
    void defectsArePlantedInTheFilesAndLeftOutWithoutThem() throws IOException {
        Tally met = files(true).firstNight(tmp.resolve("met"));
        Tally zonder = files(false).firstNight(tmp.resolve("zonder"));

        assertThat(orphans(tmp.resolve("met/ijw"))).isNotEmpty();
        assertThat(orphans(tmp.resolve("zonder/ijw"))).isEmpty();
        assertThat(met.planted).containsKeys("identity conflicts (an onderwijsnummer on a second BSN)",
                "orphan JW305/JW307 (their JW301 never reached the hub)", "bad files (verzuim export without laatste_mutatie)");
        assertThat(zonder.planted).isEmpty();
        // the rest of the population is the same with and without them
        assertThat(Files.readString(tmp.resolve("zonder/verzuim/verzuim-0363-20261115.csv")).lines().count())
                .isLessThanOrEqualTo(Files.readString(tmp.resolve("met/verzuim/verzuim-0363-20261115.csv")).lines().count());
    }

    @Test
    void deltaNightTouchesAFewPercentOfTheChildren() throws IOException {
        Tally eerste = files(true).firstNight(tmp.resolve("eerste"));
        Tally delta = files(true).deltaNight(tmp.resolve("delta"));
        assertThat(delta.rows()).isGreaterThan(50).isLessThan(eerste.rows() / 10);
        assertThat(delta.planted).containsKeys("delta: new children", "delta: uitschrijvingen", "delta: meldingen closed");
    }

    @Test
    void theHubsOwnReadersTakeEveryRowOfBothNightsWithoutDefects() throws IOException {
        NightFiles files = files(false);
        files.firstNight(tmp.resolve("eerste"));
        files.deltaNight(tmp.resolve("delta"));
        for (String nacht : List.of("eerste", "delta")) {
            Gelezen g = lees(tmp.resolve(nacht));
            assertThat(g.onleesbaar()).as(nacht).isEmpty();
            assertThat(g.sink().rowErrors).as(nacht).isEmpty();
            assertThat(g.sink().meldingen).as(nacht).isNotEmpty();
            assertThat(g.sink().berichten).as(nacht).isNotEmpty();
        }
    }

    @Test
    void withDefectsTheReadersRefuseExactlyThePlantedBadFilesAndRows() throws IOException {
        Tally tally = files(true).firstNight(tmp.resolve("eerste"));
        Gelezen g = lees(tmp.resolve("eerste"));
        assertThat(g.onleesbaar()).hasSize(2).anyMatch(f -> f.startsWith("verzuim-correctie-"))
                .anyMatch(f -> f.startsWith("jw301-"));
        assertThat(g.sink().rowErrors).hasSize(tally.planted.get("bad rows (verzuim, BSN fails the 11-proef)")
                + tally.planted.get("bad rows (inschrijvingen, impossible date)"));
    }

    @Test
    void nationalSizeWritesOneRegistrationsAndOneVerzuimFileAndNoIjw() throws IOException {
        NightFiles national = new NightFiles(new Population(7, LocalDate.of(2026, 11, 16), scholen, true), scholen,
                3000, true, true);
        Tally tally = national.firstNight(tmp.resolve("nl"));
        assertThat(tally.perSource).containsOnlyKeys("verzuim", "inschrijvingen");
        // one export each, and the bad verzuim file
        assertThat(tally.perSource.get("inschrijvingen")[0]).isEqualTo(1);
        assertThat(tally.perSource.get("verzuim")[0]).isEqualTo(2);
        assertThat(tally.perSource.get("inschrijvingen")[1]).isGreaterThanOrEqualTo(3000);
        assertThat(tmp.resolve("nl/ijw")).doesNotExist();
        assertThat(lees(tmp.resolve("nl")).sink().registraties).hasSizeGreaterThanOrEqualTo(3000);
    }

    private record Gelezen(RecordingSink sink, List<String> onleesbaar) {
    }

    /** Every file of a night through the reader the hub uses for its folder. */
    private static Gelezen lees(Path nacht) throws IOException {
        Mappings mappings = Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
        Map<String, SourceReader> readers = Map.of("verzuim", new VerzuimCsvReader(mappings),
                "inschrijvingen", new InschrijvingenCsvReader(mappings), "ijw", new IjwReader(mappings),
                "edexml", new EdexmlReader(mappings));
        RecordingSink sink = new RecordingSink();
        List<String> onleesbaar = new java.util.ArrayList<>();
        for (Map.Entry<String, SourceReader> e : readers.entrySet()) {
            Path map = nacht.resolve(e.getKey());
            if (!Files.isDirectory(map)) {
                continue;
            }
            try (Stream<Path> s = Files.list(map)) {
                for (Path f : (Iterable<Path>) s.sorted()::iterator) {
                    try (var in = Files.newInputStream(f)) {
                        e.getValue().read(in, f.getFileName().toString(), sink);
                    } catch (UnreadableFileException bad) {
                        onleesbaar.add(f.getFileName().toString());
                    }
                }
            }
        }
        return new Gelezen(sink, onleesbaar);
    }

    /** Toewijzingnummers of JW305/JW307 files with no JW301 among the files. */
    private static Set<String> orphans(Path ijw) throws IOException {
        Set<String> toegewezen = new HashSet<>();
        Set<String> gebruikt = new HashSet<>();
        try (Stream<Path> s = Files.list(ijw)) {
            for (Path f : (Iterable<Path>) s::iterator) {
                Matcher m = NUMMER.matcher(Files.readString(f));
                if (m.find()) {
                    (f.getFileName().toString().startsWith("jw301") ? toegewezen : gebruikt).add(m.group(1));
                }
            }
        }
        gebruikt.removeAll(toegewezen);
        return gebruikt;
    }

    private static Map<String, String> contents(Path folder) throws IOException {
        Map<String, String> c = new TreeMap<>();
        try (Stream<Path> s = Files.walk(folder)) {
            for (Path f : (Iterable<Path>) s.filter(Files::isRegularFile)::iterator) {
                c.put(folder.relativize(f).toString(), Files.readString(f));
            }
        }
        return c;
    }
}
