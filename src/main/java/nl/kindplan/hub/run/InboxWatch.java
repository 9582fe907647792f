package nl.kindplan.hub.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import nl.kindplan.hub.domain.Source;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Knows when the ingest routes have taken in every file waiting in the inboxes: a file leaves its
 * inbox only once it is stored (or rejected), so an inbox without waiting files is done.
 */
@Component
public class InboxWatch {


    private final Environment env;
    private final Duration timeout;

    public InboxWatch(Environment env, @Value("${kindplan.run.inbox-timeout:PT30M}") Duration timeout) {
        this.env = env;
        this.timeout = timeout;
    }

    public void awaitEmpty() throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // only whether any file waits: at night's volume an inbox holds tens of thousands of files,
        // and listing them all five times a second took a core from the routes taking them in
        while (firstWaiting().isPresent()) {
            if (System.nanoTime() > deadline) {
                List<Path> waiting = waiting();
                throw new IllegalStateException(waiting.size() + " bestand(en) na " + timeout.toSeconds()
                        + " s nog niet ingelezen, bijvoorbeeld " + (waiting.isEmpty() ? "-" : waiting.get(0)));
            }
            Thread.sleep(200);
        }
    }

    /** Files an ingest route will take: matching its include pattern, not hidden (written aside). */
    public List<Path> waiting() {
        return Arrays.stream(Source.values()).flatMap(this::waitingIn).toList();
    }

    private Optional<Path> firstWaiting() {
        return Arrays.stream(Source.values()).flatMap(this::waitingIn).findFirst();
    }

    /** Lazily, so that a caller that needs one file reads no further; flatMap closes the listing. */
    private Stream<Path> waitingIn(Source source) {
        Path inbox = Path.of(env.getRequiredProperty("kindplan.inbox." + source.key()));
        Pattern include = Pattern.compile(env.getRequiredProperty("kindplan.include." + source.key()));
        if (!Files.isDirectory(inbox)) {
            return Stream.empty();
        }
        Stream<Path> files;
        try {
            files = Files.list(inbox);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list inbox " + inbox, e);
        }
        // the name tests first: they cost nothing, the file test is a system call
        return files.filter(f -> !f.getFileName().toString().startsWith("."))
                .filter(f -> include.matcher(f.getFileName().toString()).matches())
                .filter(Files::isRegularFile);
    }
}
