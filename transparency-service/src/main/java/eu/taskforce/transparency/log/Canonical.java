package eu.taskforce.transparency.log;

import com.fasterxml.jackson.databind.JsonNode;
import org.erdtman.jcs.JsonCanonicalizer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** RFC 8785 (JCS) canonical JSON and the SHA-256 hashes of the log. */
public final class Canonical {

    public static final String GENESIS = "0".repeat(64);

    /** The canonical JSON of {@code json}: sorted keys, no whitespace, JCS escaping and number format. */
    public static String of(JsonNode json) {
        try {
            return new JsonCanonicalizer(json.toString()).getEncodedString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The leaf hash of an entry: SHA-256 of its canonical JSON's UTF-8 bytes, hex. */
    public static String leafHash(String canonical) {
        return HexFormat.of().formatHex(sha256(canonical.getBytes(StandardCharsets.UTF_8)));
    }

    /** The chain hash: SHA-256 of the previous chain hash's 32 bytes followed by the leaf hash's 32 bytes, hex. */
    public static String chainHash(String previousHash, String leafHash) {
        byte[] previous = HexFormat.of().parseHex(previousHash);
        byte[] leaf = HexFormat.of().parseHex(leafHash);
        byte[] both = new byte[previous.length + leaf.length];
        System.arraycopy(previous, 0, both, 0, previous.length);
        System.arraycopy(leaf, 0, both, previous.length, leaf.length);
        return HexFormat.of().formatHex(sha256(both));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private Canonical() {
    }
}
