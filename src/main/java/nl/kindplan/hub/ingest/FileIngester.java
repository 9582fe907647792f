package nl.kindplan.hub.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.stream.Collectors;

import nl.kindplan.hub.config.HubProperties;
import nl.kindplan.hub.metrics.HubMetrics;
import nl.kindplan.hub.store.KindRegister;
import nl.kindplan.hub.store.SourceFileRegister;
import nl.kindplan.hub.store.SourceFileRegister.Status;
import nl.kindplan.hub.store.StoreWriter;
import org.apache.camel.Exchange;
import org.apache.camel.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Takes one source file into the store: skips it when its content was taken in before, reads it
 * in one transaction (so a file is in whole or not at all), rejects it whole when too many rows
 * are bad, and registers the outcome. A rejected file gets a report in the error folder, and the
 * route moves the file beside it. A failure of the store itself (the database is down) is thrown:
 * the file then stays in the inbox and is tried again at the next poll.
 */
@Component("fileIngester")
public class FileIngester {

    private static final Logger LOG = LoggerFactory.getLogger(FileIngester.class);
    private static final String ZIP_ARCHIVE = "the file is a ZIP archive (an Excel workbook is one too), not the CSV or XML "
            + "the hub reads: unpack it into the inbox, or save the sheet as CSV UTF-8 (only an HTTP source is unpacked)";

    private final Map<Source, SourceReader> readers;
    private final SourceFileRegister register;
    private final KindRegister kinden;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final HubProperties properties;
    private final IngestReports reports;
    private final HubMetrics metrics;
    /** One file at a time across all sources, so two files never create the same child at once. */
    private final ReentrantLock lock = new ReentrantLock();

    public FileIngester(List<SourceReader> readers, SourceFileRegister register, KindRegister kinden,
                        JdbcTemplate jdbc, TransactionTemplate tx, HubProperties properties, IngestReports reports,
                        HubMetrics metrics) {
        this.readers = readers.stream().collect(Collectors.toMap(SourceReader::source, Function.identity()));
        this.register = register;
        this.kinden = kinden;
        this.jdbc = jdbc;
        this.tx = tx;
        this.properties = properties;
        this.reports = reports;
        this.metrics = metrics;
    }

    /** Camel entry point: the file of the exchange; sets header {@code kindplanFileStatus} for the route. */
    @Handler
    public IngestResult ingest(Exchange exchange) throws IOException {
        Source source = Source.valueOf(exchange.getIn().getHeader("kindplanSource", String.class));
        Path file = Path.of(exchange.getIn().getHeader(Exchange.FILE_PATH, String.class));
        IngestResult result = ingest(source, file);
        exchange.getIn().setHeader("kindplanFileStatus", result.status().name());
        return result;
    }

    public IngestResult ingest(Source source, Path file) throws IOException {
        lock.lock();
        try {
            IngestResult result = ingestLocked(source, file);
            metrics.fileTakenIn(source, result);
            return result;
        } finally {
            lock.unlock();
        }
    }

    private IngestResult ingestLocked(Source source, Path file) throws IOException {
        String name = file.getFileName().toString();
        String sha256 = sha256(file);
        var earlier = register.takenInWithContent(sha256);
        if (earlier.isPresent()) {
            long id = register.register(source, name, sha256, Status.DUPLICATE,
                    "same content as file #" + earlier.get() + " taken in before", earlier.get());
            LOG.info("{} {}: skipped, a duplicate of file #{}", source, name, earlier.get());
            return new IngestResult(id, Status.DUPLICATE, 0, 0, "duplicate of file #" + earlier.get());
        }
        SourceReader reader = readers.get(source);
        LOG.debug("{} {}: taking in", source, name);
        StoreWriter[] writer = new StoreWriter[1];
        String rejection;
        try {
            IngestResult taken = tx.execute(status -> {
                long id = register.register(source, name, sha256, Status.TAKEN_IN, null, null);
                writer[0] = new StoreWriter(jdbc, kinden, id, properties.ingest().batchSize());
                if (isZipArchive(file)) {
                    throw new FileFailure(ZIP_ARCHIVE, null);
                }
                try (InputStream in = Files.newInputStream(file)) {
                    reader.read(in, name, writer[0]);
                } catch (IOException | UnreadableFileException e) {
                    throw new FileFailure(e.getMessage(), e);
                } catch (DataAccessException e) {
                    throw e;
                } catch (RuntimeException e) {
                    // a reader that trips over a file must not hold up the inbox: reject the file, with the cause
                    LOG.error("{} {}: unexpected failure while reading", source, name, e);
                    throw new FileFailure("unexpected failure while reading: " + e, e);
                }
                StoreWriter w = writer[0];
                int total = w.rowsTakenIn() + w.rowsRejected();
                if (total > 0 && w.rowsRejected() > properties.ingest().maxRejectedShare() * total) {
                    throw new FileFailure(String.format("%d of %d rows are bad, more than the %.0f %% allowed: "
                                    + "has the source changed its format?", w.rowsRejected(), total,
                            properties.ingest().maxRejectedShare() * 100), null);
                }
                w.flush();
                register.counts(id, total, w.rowsTakenIn(), w.rowsRejected());
                register.rowErrors(id, w.rowErrors());
                register.notes(id, w.notes());
                return new IngestResult(id, Status.TAKEN_IN, w.rowsTakenIn(), w.rowsRejected(), null);
            });
            LOG.info("{} {}: taken in {} row(s), rejected {}", source, name, taken.rowsTakenIn(), taken.rowsRejected());
            return taken;
        } catch (FileFailure e) {
            rejection = e.getMessage();
        }
        // the file's transaction is rolled back: register the rejection (with the bad rows seen) on its own
        StoreWriter w = writer[0];
        List<SourceFileRegister.RowError> rowErrors = w == null ? List.of() : w.rowErrors();
        long id = tx.execute(status -> {
            long rejectedId = register.register(source, name, sha256, Status.REJECTED, rejection, null);
            if (w != null) {
                register.counts(rejectedId, w.rowsTakenIn() + w.rowsRejected(), 0, w.rowsRejected());
                register.rowErrors(rejectedId, rowErrors);
            }
            return rejectedId;
        });
        reports.writeRejection(source, name, rejection, rowErrors);
        LOG.warn("{} {}: rejected whole, to the error folder: {}", source, name, rejection);
        return new IngestResult(id, Status.REJECTED, 0, w == null ? 0 : w.rowsRejected(), rejection);
    }

    private static boolean isZipArchive(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return ZipSignature.startsAZip(in.readNBytes(ZipSignature.LENGTH));
        } catch (IOException e) {
            throw new FileFailure("cannot read the file: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
                in.transferTo(java.io.OutputStream.nullOutputStream());
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** Why a file cannot be taken in; thrown inside the transaction so that it rolls back. */
    private static final class FileFailure extends RuntimeException {
        FileFailure(String reason, Throwable cause) {
            super(reason, cause);
        }
    }
}
