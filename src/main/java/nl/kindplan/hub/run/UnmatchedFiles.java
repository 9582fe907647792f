package nl.kindplan.hub.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.kindplan.hub.domain.Source;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Files in an inbox that no route will take: their name does not match the source's include
 * pattern ({@code kindplan.include.<source>}), e.g. {@code DUO_verzuim_20261004.csv} or
 * {@code verzuim.txt}. Such a file would lie there forever unseen; the night lists it per inbox, with
 * the pattern that would have matched, and is incomplete. Hidden files (a name starting with '.') are
 * being written and are not counted, as the routes do not take them either.
 */
@Component
public class UnmatchedFiles {

    /** The files of one inbox that no route takes, and the pattern their names would have to match. */
    public record Inbox(Source source, Path folder, String pattern, List<String> files) {
    }

    private final Environment env;
    private final RunRegister register;

    public UnmatchedFiles(Environment env, RunRegister register) {
        this.env = env;
        this.register = register;
    }

    /** Every inbox, also those with nothing unmatched, in the order of {@link Source}. */
    public List<Inbox> scan() {
        List<Inbox> inboxes = new ArrayList<>();
        for (Source source : Source.values()) {
            inboxes.add(scan(source));
        }
        return inboxes;
    }

    public Inbox scan(Source source) {
        Path folder = Path.of(env.getRequiredProperty("kindplan.inbox." + source.key()));
        String pattern = env.getRequiredProperty("kindplan.include." + source.key());
        Pattern include = Pattern.compile(pattern);
        if (!Files.isDirectory(folder)) {
            return new Inbox(source, folder, pattern, List.of());
        }
        try (Stream<Path> files = Files.list(folder)) {
            List<String> unmatched = files.filter(Files::isRegularFile).map(f -> f.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .filter(name -> !include.matcher(name).matches())
                    .sorted().toList();
            return new Inbox(source, folder, pattern, unmatched);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list inbox " + folder, e);
        }
    }

    /**
     * Records what {@link #scan()} finds as problems of the run (the run is then incomplete) and as
     * counts {@code unmatched.<SOURCE>}; answers how many files it found. The night calls this once,
     * after taking in: what is left then and matches no pattern will never be taken.
     */
    public int record(long runId) {
        int found = 0;
        for (Inbox inbox : scan()) {
            register.unmatchedFiles(runId, inbox.source().name(), inbox.pattern(), inbox.files());
            found += inbox.files().size();
        }
        return found;
    }
}
