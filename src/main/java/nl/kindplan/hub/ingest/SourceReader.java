package nl.kindplan.hub.ingest;

import nl.kindplan.hub.domain.Source;
import java.io.IOException;
import java.io.InputStream;

/** Reads one source file, streaming, and hands each row to the sink. */
public interface SourceReader {

    /** The source this reader serves, as named in config and in the file register. */
    Source source();

    /**
     * @throws UnreadableFileException when the file as a whole cannot be read (not the format,
     *                                 not well-formed, missing a required column); nothing of it may be stored then
     */
    void read(InputStream in, String fileName, IngestSink sink) throws IOException, UnreadableFileException;
}
