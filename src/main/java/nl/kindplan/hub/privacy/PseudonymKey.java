package nl.kindplan.hub.privacy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The pseudonymised subject key of the processing log: HMAC-SHA256 of the child's BSN (or its
 * onderwijsnummer when it has none; the two never pass the same 11-proef, so they never collide)
 * under a secret key. Without the key, nobody can tell from the log whose processing it records;
 * with it, the hub finds every entry of one child for an inzage request.
 *
 * <p>No key is shipped. The key comes from {@code kindplan.privacy.pseudonym-key}
 * ({@code KINDPLAN_PRIVACY_PSEUDONYM_KEY}, base64 of at least 32 bytes) or, when that is empty,
 * from {@code <data-dir>/privacy/pseudonym.key}, which the hub writes at its first start with 32
 * random bytes, readable by its own user only. Losing the key makes old entries unfindable per
 * child, so back it up with the database. Rotation is not supported.
 */
public final class PseudonymKey {

    static final String FILE_NAME = "pseudonym.key";
    private static final int MIN_BYTES = 32;

    private final byte[] key;

    private PseudonymKey(byte[] key) {
        if (key.length < MIN_BYTES) {
            throw new IllegalStateException("the pseudonym key must be at least " + MIN_BYTES + " bytes (base64), it is "
                    + key.length);
        }
        this.key = key.clone();
    }

    /** The configured key, else the one kept in {@code privacyDir}, else a new one written there. */
    public static PseudonymKey load(String configured, Path privacyDir) {
        if (configured != null && !configured.isBlank()) {
            return new PseudonymKey(decode(configured.trim(), "kindplan.privacy.pseudonym-key"));
        }
        Path file = privacyDir.resolve(FILE_NAME);
        try {
            if (!Files.exists(file)) {
                writeNew(privacyDir, file);
            }
            return new PseudonymKey(decode(Files.readString(file, StandardCharsets.US_ASCII).trim(), file.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the pseudonym key " + file, e);
        }
    }

    /** The subject key of one BSN or onderwijsnummer: 64 hex digits. */
    public String of(String nummer) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(nummer.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** The subject key of a child: of its BSN, or of its onderwijsnummer when it has no BSN. */
    public String ofKind(String bsn, String onderwijsnummer) {
        return of(bsn != null ? bsn : onderwijsnummer);
    }

    private static void writeNew(Path dir, Path file) throws IOException {
        Files.createDirectories(dir);
        byte[] fresh = new byte[MIN_BYTES];
        new SecureRandom().nextBytes(fresh);
        Path tmp = dir.resolve("." + FILE_NAME + ".new");
        Files.deleteIfExists(tmp);
        boolean posix = dir.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(tmp);
        }
        Files.writeString(tmp, Base64.getEncoder().encodeToString(fresh) + "\n", StandardCharsets.US_ASCII);
        try {
            // no replace: of two hubs starting at once on one data folder, the first key wins
            Files.move(tmp, file);
        } catch (FileAlreadyExistsException e) {
            Files.delete(tmp);
        }
    }

    private static byte[] decode(String base64, String where) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the pseudonym key in " + where + " is not base64", e);
        }
    }
}
