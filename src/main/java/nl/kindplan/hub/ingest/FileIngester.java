package nl.kindplan.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.kindplan.hub.config.HubProperties;
import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.store.KindRegister;
import nl.kindplan.hub.store.SourceFileRegister;
import nl.kindplan.hub.store.SourceFileRegister.Status;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.DefaultTransactionDefinition;

/**
 * Takes source files into the store, many files per transaction (an intake group): one commit per
 * group instead of one per file is what lets a night of tens of thousands of iJw files go in at
 * disk speed. Within the group each file has a savepoint, so a file is still in whole or not at
 * all: a file that is a duplicate is registered as one, a file that cannot be read or has too many
 * bad rows is rolled back to its savepoint and registered as rejected. Only after the group commits
 * are its files moved to the archive or the error folder (with the report beside it): a killed hub
 * leaves them in the inbox, and what it had committed is recognised by content next time.
 * <p>
 * The ingest routes call {@link #take} per file and {@link IntakePollStrategy} calls {@link #commit}
 * when a poll has handed over its files; a group also commits when it holds enough files or rows.
 * A failure of the store itself (the database is down) rolls the group back: its files stay in the
 * inbox and are tried again at the next poll.
 */
@Component("fileIngester")
public class FileIngester {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);
    private static final String ZIP_ARCHIVE = "het bestand is een ZIP-archief (een Excel-werkmap is dat ook), geen CSV- of "
            + "XML-bestand dat de hub leest: pak het uit in de inbox, of sla het werkblad op als CSV UTF-8 (alleen een "
            + "HTTP-bron wordt uitgepakt)";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");
    /** Children whose record a group keeps at hand; past this the cache starts again. */
    private static final int KIND_CACHE = 200_000;

    private final Map<Source, SourceReader> readers;
    private final SourceFileRegister register;
    private final KindRegister kinden;
    private final JdbcTemplate jdbc;
    private final PlatformTransactionManager transactions;
    private final HubProperties properties;
    private final IngestReports reports;
    private final HubMetrics metrics;
    private final Path archiveDir;
    private final Path errorDir;
    /** One group at a time across all sources, so two groups never create the same child at once. */
    private final ReentrantLock lock = new ReentrantLock();
    /** The group of the route thread that is taking files in; one per thread, each source has its own. */
    private final ThreadLocal<Group> groups = new ThreadLocal<>();

    public FileIngester(List<SourceReader> readers, SourceFileRegister register, KindRegister kinden,
                        JdbcTemplate jdbc, PlatformTransactionManager transactions, HubProperties properties,
                        IngestReports reports, HubMetrics metrics,
                        @Value("${kindplan.archive-dir:#{null}}") Path archiveDir,
                        @Value("${kindplan.error-dir:#{null}}") Path errorDir) {
        this.readers = readers.stream().collect(Collectors.toMap(SourceReader::source, Function.identity()));
        this.register = register;
        this.kinden = kinden;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.properties = properties;
        this.reports = reports;
        this.metrics = metrics;
        this.archiveDir = archiveDir;
        this.errorDir = errorDir;
    }

    /** Camel entry point: takes the exchange's file into this thread's group; sets header {@code kindplanFileStatus}. */
    @Handler
    public IngestResult take(Exchange exchange) throws IOException {
        Source source = Source.valueOf(exchange.getIn().getHeader("kindplanSource", String.class));
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        Group group = groups.get();
        if (group == null) {
            group = open();
        }
        IngestResult result = group.take(source, file, true);
        exchange.getIn().setHeader("kindplanFileStatus", result.status().name());
        if (group.files.size() >= properties.ingest().groupFiles() || group.rows >= properties.ingest().groupRows()) {
            commit();
        }
        return result;
    }

    /** Commits this thread's group, then moves its files out of the inbox. Nothing to do without a group. */
    public void commit() {
        Group group = groups.get();
        if (group != null) {
            group.commit();
        }
    }

    /** Rolls this thread's group back: its files stay in the inbox, to be tried again. */
    public void rollback() {
        Group group = groups.get();
        if (group != null) {
            group.rollback();
        }
    }

    /** Takes one file in its own transaction and leaves it where it is (for tests and tools). */
    public IngestResult ingest(Source source, Path file) throws IOException {
        return ingest(source, List.of(file)).get(0);
    }

    /** Takes these files in, in this order, in one transaction, and leaves them where they are (for tests and tools). */
    public List<IngestResult> ingest(Source source, List<Path> files) throws IOException {
        Group group = open();
        List<IngestResult> results = new ArrayList<>();
        for (Path file : files) {
            results.add(group.take(source, file, false));
        }
        group.commit();
        return results;
    }

    private Group open() {
        lock.lock();
        try {
            Group group = new Group(transactions.getTransaction(new DefaultTransactionDefinition()));
            groups.set(group);
            return group;
        } catch (RuntimeException e) {
            lock.unlock();
            throw e;
        }
    }

    /** A file of the group, with what became of it and where it goes once the group commits. */
    private record Taken(Source source, Path file, IngestResult result, List<SourceFileRegister.RowError> rowErrors,
                         boolean move) {
    }

    /** The files one transaction takes in. Lives on one route thread, from its first file to its commit. */
    private final class Group {

        private final TransactionStatus tx;
        private final KindRegister.Cache cache = new KindRegister.Cache(KIND_CACHE);
        private final List<Taken> files = new ArrayList<>();
        private long rows;

        Group(TransactionStatus tx) {
            this.tx = tx;
        }

        IngestResult take(Source source, Path file, boolean move) throws IOException {
            try {
                Taken taken = takeFile(source, file, move);
                if (taken != null) {
                    files.add(taken);
                    rows += taken.result().rowsTakenIn() + taken.result().rowsRejected();
                    return taken.result();
                }
                return new IngestResult(-1, Status.TAKEN_IN, 0, 0, "nog niet ingelezen: bij de volgende ronde opnieuw geprobeerd");
            } catch (IOException | RuntimeException e) {
                rollback();
                throw e;
            }
        }

        /** One file within the group; null when the store failed on it (it stays in the inbox). */
        private Taken takeFile(Source source, Path file, boolean move) throws IOException {
            String name = file.getFileName().toString();
            Content content = content(file);
            String sha256 = content.sha256();
            var earlier = register.takenInWithContent(sha256);
            if (earlier.isPresent()) {
                long id = register.register(source, name, sha256, Status.DUPLICATE,
                        "zelfde inhoud als bestand #" + earlier.get() + ", dat al eerder is ingelezen", earlier.get());
                LOG.info("{} {}: skipped, a duplicate of file #{}", source, name, earlier.get());
                return new Taken(source, file, new IngestResult(id, Status.DUPLICATE, 0, 0,
                        "dubbel: zelfde inhoud als bestand #" + earlier.get()), List.of(), move);
            }
            LOG.debug("{} {}: taking in", source, name);
            Object savepoint = tx.createSavepoint();
            StoreWriter writer = null;
            String rejection;
            try {
                long id = register.register(source, name, sha256, Status.TAKEN_IN, null, null);
                writer = new StoreWriter(jdbc, kinden, cache, id, properties.ingest().batchSize());
                read(source, file, name, content.zip(), writer);
                writer.flush();
                int total = writer.rowsTakenIn() + writer.rowsRejected();
                if (total > 0 && writer.rowsRejected() > properties.ingest().maxRejectedShare() * total) {
                    throw new FileFailure(String.format(java.util.Locale.ROOT, "%d van de %d regels zijn afgekeurd, meer dan "
                                    + "de toegestane %.0f %%: is de indeling van de bron veranderd?", writer.rowsRejected(),
                            total, properties.ingest().maxRejectedShare() * 100), null);
                }
                register.counts(id, total, writer.rowsTakenIn(), writer.rowsRejected());
                register.rowErrors(id, writer.rowErrors());
                register.notes(id, writer.notes());
                tx.releaseSavepoint(savepoint);
                return new Taken(source, file, new IngestResult(id, Status.TAKEN_IN, writer.rowsTakenIn(),
                        writer.rowsRejected(), null), List.of(), move);
            } catch (FileFailure e) {
                rejection = e.getMessage();
            } catch (DataAccessException e) {
                // the store refused something of this file: the file waits in the inbox; if the store
                // itself is down, the commit fails and the whole group is tried again
                tx.rollbackToSavepoint(savepoint);
                cache.clear();
                LOG.error("{} {}: the store failed while taking it in; it stays in the inbox", source, name, e);
                return null;
            }
            // rejected whole: nothing of it stays, the rejection is registered with the bad rows seen
            tx.rollbackToSavepoint(savepoint);
            cache.clear();
            List<SourceFileRegister.RowError> rowErrors = writer == null ? List.of() : writer.rowErrors();
            long rejectedId = register.register(source, name, sha256, Status.REJECTED, rejection, null);
            int rejectedRows = 0;
            if (writer != null) {
                rejectedRows = writer.rowsRejected();
                register.counts(rejectedId, writer.rowsTakenIn() + writer.rowsRejected(), 0, rejectedRows);
                register.rowErrors(rejectedId, rowErrors);
            }
            return new Taken(source, file, new IngestResult(rejectedId, Status.REJECTED, 0, rejectedRows, rejection),
                    rowErrors, move);
        }

        private void read(Source source, Path file, String name, boolean zip, StoreWriter writer) throws IOException {
            if (zip) {
                throw new FileFailure(ZIP_ARCHIVE, null);
            }
            try (InputStream in = Files.newInputStream(file)) {
                readers.get(source).read(in, name, writer);
            } catch (IOException | UnreadableFileException e) {
                throw new FileFailure(e.getMessage(), e);
            } catch (DataAccessException e) {
                throw e;
            } catch (RuntimeException e) {
                // a reader that trips over a file must not hold up the inbox: reject the file, with the cause
                LOG.error("{} {}: unexpected failure while reading", source, name, e);
                throw new FileFailure("onverwachte fout bij het lezen (details in het log van de hub): " + e, e);
            }
        }

        void commit() {
            try {
                transactions.commit(tx);
            } catch (RuntimeException e) {
                LOG.error("An intake group of {} file(s) could not be committed; they stay in the inbox", files.size(), e);
                end();
                throw e;
            }
            end();
            for (Taken t : files) {
                IngestResult r = t.result();
                String name = t.file().getFileName().toString();
                if (r.status() == Status.REJECTED) {
                    reports.writeRejection(t.source(), name, r.reason(), t.rowErrors());
                    LOG.warn("{} {}: rejected whole, to the error folder: {}", t.source(), name, r.reason());
                } else if (r.status() == Status.TAKEN_IN) {
                    LOG.info("{} {}: taken in {} row(s), rejected {}", t.source(), name, r.rowsTakenIn(),
                            r.rowsRejected());
                }
                if (t.move()) {
                    try {
                        moveOut(t);
                    } catch (IOException e) {
                        // committed but still in the inbox: next time its content is known and it is archived as a duplicate
                        LOG.error("{} {}: taken in, but it could not be moved out of the inbox: {}", t.source(), name,
                                e.toString());
                    }
                }
                metrics.fileTakenIn(t.source(), r.status().name(), r.rowsTakenIn(), r.rowsRejected());
            }
        }

        void rollback() {
            try {
                if (!tx.isCompleted()) {
                    transactions.rollback(tx);
                }
            } finally {
                end();
            }
        }

        private void end() {
            groups.remove();
            if (lock.isHeldByCurrentThread()) {
                lock.unlock();
            }
        }
    }

    /** Archive (by day) or error folder; a file of the same name there is replaced, as before. */
    private void moveOut(Taken t) throws IOException {
        String name = t.file().getFileName().toString();
        Path target = t.result().status() == Status.REJECTED
                ? errorDir.resolve(t.source().key()).resolve(name)
                : archiveDir.resolve(t.source().key()).resolve(LocalDate.now().format(DAY)).resolve(name);
        Files.createDirectories(target.getParent());
        Files.move(t.file(), target, StandardCopyOption.REPLACE_EXISTING);
    }

    /** A file's SHA-256 and whether it starts as a ZIP archive does. */
    private record Content(String sha256, boolean zip) {
    }

    /** The content's hash and its first bytes in one read of the file. */
    private static Content content(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            boolean zip;
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                zip = ZipSignature.startsAZip(in.readNBytes(ZipSignature.LENGTH));
                in.transferTo(OutputStream.nullOutputStream());
            }
            return new Content(HexFormat.of().formatHex(digest.digest()), zip);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Why a file cannot be taken in; thrown inside the file's savepoint so that it rolls back. */
    private static final class FileFailure extends RuntimeException {
        FileFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
