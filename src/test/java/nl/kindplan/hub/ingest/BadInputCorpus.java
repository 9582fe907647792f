package nl.kindplan.hub.ingest;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;
import nl.kindplan.hub.TestBsn;

/**
 * The manifest {@code bad-input/corpus.yaml} and the files it names: each kind of bad input with
 * the behaviour it must get, and how to turn its template into the bytes that are dropped.
 */
final class BadInputCorpus {

    static final String ROOT = "/bad-input/";

    /** What must become of a file (see the manifest's header). */
    enum Expect { TAKEN_IN, REJECTED, DUPLICATE, NOT_FETCHED }

    /** How a kind arrives in its inbox. */
    enum Drop { INBOX, COPY_OF, SLOWLY, ZIP, HTTP_ZIP }

    /** SQL whose single answer must equal {@code equals}. */
    record Check(String sql, String equals) {
    }

    /** One kind of bad input, or one entry of a ZIP kind. */
    record Kind(String kind, String source, String file, String name, String encoding, String drop, String copyOf,
                List<Kind> entries, String entry, boolean damaged, Expect expect, Integer takenIn,
                Map<Long, String> rejected, String reason, List<String> present, List<String> absent, String note,
                List<String> hidden, Check check) {

        Kind {
            entries = entries == null ? List.of() : entries;
            rejected = rejected == null ? Map.of() : rejected;
            present = present == null ? List.of() : present;
            absent = absent == null ? List.of() : absent;
            hidden = hidden == null ? List.of() : hidden;
        }

        Drop dropping() {
            return drop == null ? Drop.INBOX : Drop.valueOf(drop.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }

        /** The file name in the inbox. */
        String fileName() {
            if (name != null) {
                return name;
            }
            String path = entry != null ? entry : file;
            return path.substring(path.lastIndexOf('/') + 1);
        }

        @Override
        public String toString() {
            return kind != null ? kind : "entry " + entry;
        }
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{(bsn|onr):(\\w+)}|\\$\\{repeat:(\\d+):(.)}|\\$\\{secret-uri}");

    private BadInputCorpus() {
    }

    static List<Kind> load() {
        ObjectMapper yaml = YAMLMapper.builder()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                // a flag left out of a case means false (Jackson 3 refuses a missing primitive by default)
                .disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();
        try (InputStream in = BadInputCorpus.class.getResourceAsStream(ROOT + "corpus.yaml")) {
            return yaml.readValue(in, new TypeReference<List<Kind>>() { });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + ROOT + "corpus.yaml", e);
        }
    }

    /** The fresh numbers of one kind: {@code bsn:a} and {@code onr:a} to a BSN and an onderwijsnummer of TestBsn. */
    static final class Numbers {
        private final Map<String, String> numbers = new HashMap<>();

        String get(String ref) {
            return numbers.computeIfAbsent(ref, r -> r.startsWith("bsn:") ? TestBsn.bsn() : TestBsn.onderwijsnummer());
        }

        java.util.Collection<String> all() {
            return numbers.values();
        }
    }

    /** The template with its placeholders filled in. */
    static String text(String file, Numbers numbers, String secretUri) {
        String template = resource(file);
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(1) != null) {
                value = numbers.get(m.group(1) + ":" + m.group(2));
            } else if (m.group(3) != null) {
                value = m.group(4).repeat(Integer.parseInt(m.group(3)));
            } else {
                value = secretUri;
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The text as bytes in the kind's encoding; {@code UTF-8-BOM} puts EF BB BF before UTF-8. */
    static byte[] encode(String text, String encoding) {
        if (encoding == null || encoding.equals("UTF-8")) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
        if (encoding.equals("UTF-8-BOM")) {
            return ("\uFEFF" + text).getBytes(StandardCharsets.UTF_8);
        }
        return text.getBytes(Charset.forName(encoding));
    }

    /** A ZIP of the entries; a {@code damaged} entry is stored uncompressed and one byte of it flipped afterwards. */
    static byte[] zip(List<Kind> entries, Numbers numbers) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String damagedMarker = null;
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Kind e : entries) {
                byte[] content = encode(text(e.file(), numbers, null), e.encoding());
                ZipEntry entry = new ZipEntry(e.entry());
                if (e.damaged()) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(content.length);
                    entry.setCompressedSize(content.length);
                    entry.setCrc(crc.getValue());
                    damagedMarker = new String(content, StandardCharsets.UTF_8).lines().skip(1).findFirst().orElseThrow();
                }
                zip.putNextEntry(entry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] zip = bytes.toByteArray();
        if (damagedMarker != null) {
            int at = indexOf(zip, damagedMarker.getBytes(StandardCharsets.UTF_8));
            zip[at] ^= 0x01; // the stored data no longer matches its CRC
        }
        return zip;
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new IllegalStateException("marker not found in the ZIP");
    }

    private static String resource(String file) {
        try (InputStream in = BadInputCorpus.class.getResourceAsStream(ROOT + file)) {
            if (in == null) {
                throw new IllegalArgumentException("no corpus file " + ROOT + file);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
