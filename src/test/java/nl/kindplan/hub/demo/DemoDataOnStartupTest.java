package nl.kindplan.hub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class DemoDataOnStartupTest {

    @TempDir
    Path tmp;

    @Test
    void writesTheDatasetIntoTheConfiguredInboxesAndLogsCountsButNoNumbers(CapturedOutput output) throws IOException {
        DemoDataOnStartup runner = new DemoDataOnStartup(tmp.resolve("v").toString(), tmp.resolve("i").toString(),
                tmp.resolve("s").toString(), tmp.resolve("e").toString(), "mappings/swv-scholen.csv", 100, 7L);

        runner.run(null);

        for (String map : List.of("v", "i", "s", "e")) {
            try (Stream<Path> s = Files.list(tmp.resolve(map))) {
                assertThat(s.toList()).as(map).isNotEmpty();
            }
        }
        assertThat(output.getOut()).contains("Demo dataset written").contains("children=100");
        // no BSN or onderwijsnummer of the dataset reaches the log
        for (Path f : DemoDossiers.bestanden(tmp.resolve("s"))) {
            for (CSVRecord rec : DemoDossiers.csv(f)) {
                for (String kolom : List.of("bsn", "onderwijsnummer")) {
                    String nummer = DemoDossiers.waarde(rec, kolom);
                    if (nummer != null) {
                        assertThat(output.getAll()).doesNotContain(nummer);
                    }
                }
                assertThat(output.getAll()).doesNotContain(rec.get("achternaam") + ";");
            }
        }
    }
}
