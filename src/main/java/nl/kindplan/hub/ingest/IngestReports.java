package nl.kindplan.hub.ingest;

import nl.kindplan.hub.domain.Source;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;

import nl.kindplan.hub.store.SourceFileRegister;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** Writes the report that lies beside a rejected file in the error folder, in Dutch: why, and which rows were bad. */
@Component
public class IngestReports {

    private final Path errorDir;

    public IngestReports(@Value("${kindplan.error-dir}") Path errorDir) {
        this.errorDir = errorDir;
    }

    public Path reportPath(Source source, String fileName) {
        return errorDir.resolve(source.key()).resolve(fileName + ".report.txt");
    }

    public void writeRejection(Source source, String fileName, String reason, List<SourceFileRegister.RowError> rows) {
        Path report = reportPath(source, fileName);
        try {
            Files.createDirectories(report.getParent());
            try (BufferedWriter w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                w.write("bestand: " + fileName + "\n");
                w.write("bron: " + source + "\n");
                w.write("afgekeurd op: " + LocalDateTime.now().withNano(0) + "\n");
                w.write("reden: " + reason + "\n");
                if (!rows.isEmpty()) {
                    w.write("afgekeurde regels:\n");
                    for (SourceFileRegister.RowError row : rows) {
                        w.write("  regel " + row.lineNo() + ": " + row.reason() + "\n");
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the rejection report " + report, e);
        }
    }
}
