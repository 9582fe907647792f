package nl.kindplan.hub.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
        List<Path> waiting = waiting();
        while (!waiting.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(waiting.size() + " bestand(en) na " + timeout.toSeconds()
                        + " s nog niet ingelezen, bijvoorbeeld " + waiting.get(0));
            }
            Thread.sleep(200);
            waiting = waiting();
        }
    }

    /** Files an ingest route will take: matching its include pattern, not hidden (written aside). */
    public List<Path> waiting() {
        return Arrays.stream(Source.values()).map(Source::key).flatMap(source -> {
            Path inbox = Path.of(env.getRequiredProperty("kindplan.inbox." + source));
            Pattern include = Pattern.compile(env.getRequiredProperty("kindplan.include." + source));
            if (!Files.isDirectory(inbox)) {
                return Stream.empty();
            }
            try (Stream<Path> files = Files.list(inbox)) {
                return files.filter(Files::isRegularFile)
                        .filter(f -> !f.getFileName().toString().startsWith("."))
                        .filter(f -> include.matcher(f.getFileName().toString()).matches())
                        .toList().stream();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list inbox " + inbox, e);
            }
        }).toList();
    }
}
