package nl.kindplan.hub.demo;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file so that a folder consumer never sees it half written: first to a hidden temp file
 * (name starting with "."; Camel's file consumer skips those) in the same folder, then renamed to its
 * final name in one atomic step.
 */
final class AtomicFiles {

    /** Writes the content of one file. */
    @FunctionalInterface
    interface Inhoud {
        void schrijf(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    static void schrijf(Path doel, Inhoud inhoud) throws IOException {
        Path map = doel.toAbsolutePath().getParent();
        Files.createDirectories(map);
        Path tijdelijk = map.resolve("." + doel.getFileName() + ".part");
        try {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tijdelijk))) {
                inhoud.schrijf(out);
            }
            // same folder, so a rename: atomic, and it replaces a file of an earlier demo run
            Files.move(tijdelijk, doel, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(tijdelijk);
            } catch (IOException opruimen) {
                e.addSuppressed(opruimen);
            }
            throw e;
        }
    }
}
