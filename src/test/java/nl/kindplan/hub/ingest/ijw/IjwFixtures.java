package nl.kindplan.hub.ingest.ijw;

import nl.kindplan.hub.ingest.RecordingSink;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import nl.kindplan.hub.ingest.UnreadableFileException;
import nl.kindplan.hub.mapping.Mappings;

/** Test helpers: the project's mappings, fixtures by name, and reading a message into a sink. */
final class IjwFixtures {

    static final Path FIXTURES = Path.of("src/test/resources/ijw");

    private IjwFixtures() {
    }

    static Mappings mappings() {
        return Mappings.load(Path.of("mappings"), Path.of("mappings/swv-scholen.csv"));
    }

    static String tekst(String fixture) {
        try {
            return Files.readString(FIXTURES.resolve(fixture), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static RecordingSink lees(IjwReader reader, String xml, String fileName) throws IOException, UnreadableFileException {
        RecordingSink sink = new RecordingSink();
        reader.read(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), fileName, sink);
        return sink;
    }

    /** The 1-based line of the n-th (1-based) line of the text that contains {@code teken}. */
    static long regelVan(String tekst, String teken, int n) {
        String[] regels = tekst.split("\\R", -1);
        int gezien = 0;
        for (int i = 0; i < regels.length; i++) {
            if (regels[i].contains(teken) && ++gezien == n) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(teken + " occurs fewer than " + n + " times");
    }
}
