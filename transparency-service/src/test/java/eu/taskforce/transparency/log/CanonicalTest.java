package eu.taskforce.transparency.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Canonical JSON (RFC 8785) and the log's hashes, pinned to values computed outside Java (SHA-256 test vectors). */
class CanonicalTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void canonicalJsonSortsKeysDropsWhitespaceAndWritesNumbersAsJcs() throws Exception {
        assertThat(Canonical.of(JSON.readTree("{ \"b\": 1, \"a\": [true, null, \"x\"], \"c\": {\"z\": 1.0, \"y\": 1e3} }")))
                .isEqualTo("{\"a\":[true,null,\"x\"],\"b\":1,\"c\":{\"y\":1000,\"z\":1}}");
        assertThat(Canonical.of(JSON.readTree("{\"é\": \"line\\nbreak \\u00e9\"}")))
                .isEqualTo("{\"é\":\"line\\nbreak é\"}");
    }

    @Test
    void theLeafHashIsTheSha256OfTheUtf8Bytes() {
        assertThat(Canonical.leafHash("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(Canonical.leafHash(""))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Canonical.leafHash("{\"a\":\"é\"}"))
                .isEqualTo("b3a092a6af48807fa9482b2ee140105575daa26d5b24b3c0e60a7e2dee6683b1");
    }

    @Test
    void theChainHashIsTheSha256OfThePreviousAndTheLeafBytes() {
        assertThat(Canonical.GENESIS).isEqualTo("0".repeat(64));
        String leaf = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        assertThat(Canonical.chainHash(Canonical.GENESIS, leaf))
                .isEqualTo("589f9ffed4c477966bfb8d41f37895b08c69047df8f911d6f3b57fbe08faee8d");
        // the order matters: previous first, then the leaf
        assertThat(Canonical.chainHash(leaf, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"))
                .isEqualTo("6f1290896ee81a0349174d19f4473d267a10289c40480861d5c42affffbd79f9");
        assertThatThrownBy(() -> Canonical.chainHash("not hex", leaf)).isInstanceOf(IllegalArgumentException.class);
    }
}
