package nl.kindplan.hub.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudonymised subject key: no shipped key, a generated one kept for the hub's user only, stable. */
class PseudonymKeyTest {

    @TempDir
    Path dir;

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceReadableByTheHubOnlyAndKept() throws Exception {
        PseudonymKey first = PseudonymKey.load("", dir.resolve("privacy"));
        Path file = dir.resolve("privacy").resolve(PseudonymKey.FILE_NAME);

        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).hasSize(32);
        assertThat(PseudonymKey.load(null, dir.resolve("privacy")).of("123456782")).isEqualTo(first.of("123456782"));
    }

    @Test
    void theKeyedHashHidesTheNumberAndDependsOnTheKey() {
        PseudonymKey one = PseudonymKey.load(Base64.getEncoder().encodeToString(new byte[32]), dir);
        byte[] other = new byte[32];
        other[0] = 1;
        PseudonymKey two = PseudonymKey.load(Base64.getEncoder().encodeToString(other), dir);

        assertThat(one.of("123456782")).matches("[0-9a-f]{64}").doesNotContain("123456782")
                .isNotEqualTo(one.of("111222333")).isNotEqualTo(two.of("123456782"));
        assertThat(one.ofKind(null, "111222333")).isEqualTo(one.of("111222333"));
        assertThat(one.ofKind("123456782", "111222333")).isEqualTo(one.of("123456782"));
        assertThat(dir.resolve(PseudonymKey.FILE_NAME)).as("a configured key writes no file").doesNotExist();
    }

    @Test
    void aShortOrMalformedKeyStopsTheStart() {
        assertThatThrownBy(() -> PseudonymKey.load(Base64.getEncoder().encodeToString(new byte[16]), dir))
                .hasMessageContaining("at least 32 bytes");
        assertThatThrownBy(() -> PseudonymKey.load("not base64!", dir)).hasMessageContaining("not base64");
    }
}
