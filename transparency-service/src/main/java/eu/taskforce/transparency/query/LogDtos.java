package eu.taskforce.transparency.query;

import com.fasterxml.jackson.annotation.JsonRawValue;
import eu.taskforce.transparency.log.HeadSigner.SignedHead;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;

/** What the verifiable record serves: log entries with their hashes, signed heads, public keys, consistency proofs. */
public final class LogDtos {

    private LogDtos() {
    }

    @Schema(name = "LogEntry", description = "An entry with its hashes")
    public record LogEntryView(long sequence,
                               @Schema(description = "The entry: {corrects, data, eventId, sequence, subject, time, topic, type}, "
                                       + "served in its RFC 8785 canonical form", implementation = Object.class)
                               @JsonRawValue String entry,
                               @Schema(description = "SHA-256 of the entry's canonical JSON (UTF-8), hex") String leafHash,
                               @Schema(description = "SHA-256(previous hash || leafHash) over the raw 32-byte values, hex; "
                                       + "the previous hash of entry 1 is 32 zero bytes") String hash) {
    }

    @Schema(name = "LogEntries")
    public record LogEntries(List<LogEntryView> entries, @Schema(description = "The sequence to ask next; absent at the head") Long next,
                             long headSequence) {
    }

    @Schema(name = "SignedHead", description = "A head of the log signed with Ed25519")
    public record SignedHeadView(long sequence, String hash, String keyId, OffsetDateTime signedAt,
                                 @Schema(description = "The RFC 8785 JSON {hash, keyId, sequence, signedAt} that was signed")
                                 String statement,
                                 @Schema(description = "Ed25519 signature of the statement's UTF-8 bytes, base64") String signature) {
        public static SignedHeadView of(SignedHead head) {
            return new SignedHeadView(head.sequence(), head.hash(), head.keyId(), head.signedAt(), head.statement(),
                    head.signature());
        }
    }

    @Schema(name = "SignedHeads")
    public record SignedHeads(List<SignedHeadView> heads) {
    }

    @Schema(name = "PublicKey", description = "An Ed25519 key that signs heads")
    public record PublicKeyView(String keyId, String algorithm,
                                @Schema(description = "X.509 SubjectPublicKeyInfo (DER), base64") String publicKey,
                                @Schema(description = "The same as PEM") String pem, boolean current) {
    }

    @Schema(name = "PublicKeys")
    public record PublicKeys(List<PublicKeyView> keys) {
    }

    @Schema(name = "ConsistencyProof", description = "What takes the chain from one head to a later one: the leaf hashes "
            + "of the entries after `from` up to `to`. Starting from fromHash, hash = SHA-256(hash || leaf) for each "
            + "leaf in order must give toHash.")
    public record ConsistencyProof(long fromSequence, String fromHash, long toSequence, String toHash,
                                   List<String> leafHashes) {
    }
}
