package nl.kindplan.hub.run;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import nl.kindplan.hub.domain.Source;
import nl.kindplan.hub.ingest.ZipSignature;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.http.base.HttpOperationFailedException;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The HTTP(S) sources of routes/fetch-http-sources.yaml: which are configured, and how an answer
 * lands in its inbox. Every file is written aside under a hidden name and moved in whole, so the
 * ingest route never reads half of one.
 */
@Component("httpSources")
public class HttpSources {

    private static final Logger LOG = LoggerFactory.getLogger(HttpSources.class);
    /** A bigger ZIP entry is no source file of ours: refused instead of filling the disk. */
    private static final long MAX_ENTRY_BYTES = 2L * 1024 * 1024 * 1024;

    /** One configured source: its name (the file name prefix), URL and inbox. */
    public record HttpSource(String source, String url, Path inbox) {
    }

    private final Environment env;
    private final RunRegister runs;

    private final int maximumRedeliveries;

    public HttpSources(Environment env, RunRegister runs,
                       @Value("${kindplan.sources.retry.maximum-redeliveries}") int maximumRedeliveries) {
        this.env = env;
        this.runs = runs;
        this.maximumRedeliveries = maximumRedeliveries;
    }

    public List<HttpSource> configured() {
        List<HttpSource> sources = new ArrayList<>();
        for (String source : Arrays.stream(Source.values()).map(Source::key).toList()) {
            String url = env.getProperty("kindplan.sources." + source + "-url", "");
            if (!url.isBlank()) {
                sources.add(new HttpSource(source, url, Path.of(env.getRequiredProperty("kindplan.inbox." + source))));
            }
        }
        return sources;
    }

    /** Writes the answer into the inbox: a ZIP entry by entry, anything else as one file. */
    public int store(@Body InputStream body, @Header("Content-Disposition") String disposition,
                     @ExchangeProperty("kindplanHttpSource") HttpSource source) throws IOException {
        Files.createDirectories(source.inbox());
        BufferedInputStream in = new BufferedInputStream(body == null ? InputStream.nullInputStream() : body);
        in.mark(ZipSignature.LENGTH);
        byte[] magic = in.readNBytes(ZipSignature.LENGTH);
        in.reset();
        if (magic.length == 0) {
            // 204 No Content or an empty answer: the source has nothing new tonight
            LOG.info("HTTP source {}: nothing new", source.source());
            return 0;
        }
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"));
        int written = 0;
        if (ZipSignature.startsAZip(magic)) {
            try (ZipInputStream zip = new ZipInputStream(in)) {
                for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                    if (!entry.isDirectory()) {
                        write(source, safeName(entry.getName(), source.source() + "-" + stamp + "-" + written), zip);
                        written++;
                    }
                }
            }
        } else {
            write(source, safeName(fileNameOf(disposition), source.source() + "-" + stamp + extension(source)), in);
            written++;
        }
        LOG.info("HTTP source {}: {} file(s) into its inbox", source.source(), written);
        return written;
    }

    /** The retries are used up: the run records the source as a problem and goes on without it. */
    public void failed(Exchange exchange) {
        HttpSource source = exchange.getProperty("kindplanHttpSource", HttpSource.class);
        Exception cause = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class);
        // the status or the kind of failure, not the URL: it may hold a key
        String what = cause instanceof HttpOperationFailedException http ? "de bron antwoordde HTTP " + http.getStatusCode()
                : cause == null ? "mislukt" : "mislukt: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " " + cause.getMessage().replaceAll("https?://\\S+", "<url>"));
        String problem = "HTTP-bron niet opgehaald na " + (1 + maximumRedeliveries) + " poging(en): " + what;
        exchange.setProperty("kindplanFetchFailed", true);
        Long runId = exchange.getProperty("kindplanRunId", Long.class);
        if (runId != null) {
            runs.problem(runId, Source.fromKey(source.source()).name(), problem);
        }
        LOG.error("{} ({})", problem, source.source());
    }

    private static void write(HttpSource source, String name, InputStream content) throws IOException {
        Path tmp = source.inbox().resolve("." + name + ".part");
        try (InputStream limited = new BoundedInputStream(content, MAX_ENTRY_BYTES)) {
            Files.copy(limited, tmp, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            // a damaged entry or a broken connection: no half file is left behind
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, source.inbox().resolve(name), StandardCopyOption.ATOMIC_MOVE);
    }

    /** Only the last path element of a name from outside, so nothing is written beside the inbox. */
    static String safeName(String name, String fallback) {
        if (name == null) {
            return fallback;
        }
        String last = Path.of(name.replace('\\', '/')).getFileName() == null ? ""
                : Path.of(name.replace('\\', '/')).getFileName().toString();
        return last.isBlank() || last.startsWith(".") ? fallback : last;
    }

    private static String fileNameOf(String disposition) {
        if (disposition == null) {
            return null;
        }
        int i = disposition.toLowerCase(Locale.ROOT).indexOf("filename=");
        return i < 0 ? null : disposition.substring(i + 9).replace("\"", "").trim();
    }

    private static String extension(HttpSource source) {
        return source.source().equals("verzuim") || source.source().equals("inschrijvingen") ? ".csv" : ".xml";
    }

    /** Stops a stream that goes on past the limit. */
    private static final class BoundedInputStream extends java.io.FilterInputStream {
        private long left;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.left = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count(b < 0 ? 0 : 1);
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            count(Math.max(n, 0));
            return n;
        }

        @Override
        public void close() {
            // the ZIP stream around it is closed by its owner; an entry must not close it
        }

        private void count(int n) throws IOException {
            left -= n;
            if (left < 0) {
                throw new IOException("a file of an HTTP source is larger than " + MAX_ENTRY_BYTES + " bytes");
            }
        }
    }
}
