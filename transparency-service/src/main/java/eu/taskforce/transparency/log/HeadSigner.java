package eu.taskforce.transparency.log;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import eu.taskforce.platform.time.Timestamps;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.domain.Times;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Signs the head of the log with Ed25519 (JDK), periodically and on demand. The signed statement is the RFC 8785
 * JSON {@code {"hash","keyId","sequence","signedAt"}}; the signature covers its UTF-8 bytes. The key comes from the
 * configured PEM file (generated there when absent) or, without one, from the database, generated on first start.
 */
@ApplicationScoped
public class HeadSigner {

    private static final Logger LOG = Logger.getLogger(HeadSigner.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final RegisterLog log;
    private final RegisterConfig config;
    private volatile SigningKey key;

    public HeadSigner(EntityManager em, RegisterLog log, RegisterConfig config) {
        this.em = em;
        this.log = log;
        this.config = config;
    }

    /** The key that signs, with its id (hex SHA-256 of the X.509 SubjectPublicKeyInfo). */
    public record SigningKey(String keyId, KeyPair pair) {
        public byte[] publicKeyInfo() {
            return pair.getPublic().getEncoded();
        }
    }

    /** A signed head as stored and published. */
    public record SignedHead(long sequence, String hash, String keyId, OffsetDateTime signedAt, String statement,
                             String signature) {
    }

    @Scheduled(every = "${taskforce.register.sign-interval:10m}", delayed = "30s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void periodically() {
        try {
            sign();
        } catch (RuntimeException e) {
            LOG.warnf("Could not sign the head of the register log: %s", e.getMessage());
        }
    }

    /** Signs the current head, unless it is empty or already signed; answers the latest signed head. */
    public Optional<SignedHead> sign() {
        SigningKey signingKey = key();
        return QuarkusTransaction.requiringNew().call(() -> {
            // one signer at a time, and the head read under the log's lock, so no append slips in between
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('transparency.register-log', 0))")
                    .getSingleResult();
            RegisterLog.Head head = log.head();
            Optional<SignedHead> latest = latest();
            if (head.sequence() == 0 || latest.map(h -> h.sequence() == head.sequence()).orElse(false)) {
                return latest;
            }
            OffsetDateTime now = Timestamps.now();
            ObjectNode statement = JSON.createObjectNode();
            statement.put("sequence", head.sequence());
            statement.put("hash", head.hash());
            statement.put("keyId", signingKey.keyId());
            statement.put("signedAt", DateTimeFormatter.ISO_INSTANT.format(now.toInstant()));
            String canonical = Canonical.of(statement);
            String signature = Base64.getEncoder().encodeToString(signEd25519(signingKey, canonical));
            em.createNativeQuery("""
                            insert into signed_head (sequence, hash, key_id, signed_at, statement, signature)
                            values (:sequence, :hash, :keyId, :signedAt, :statement, :signature)""")
                    .setParameter("sequence", head.sequence()).setParameter("hash", head.hash())
                    .setParameter("keyId", signingKey.keyId()).setParameter("signedAt", now)
                    .setParameter("statement", canonical).setParameter("signature", signature).executeUpdate();
            return Optional.of(new SignedHead(head.sequence(), head.hash(), signingKey.keyId(), now, canonical,
                    signature));
        });
    }

    public Optional<SignedHead> latest() {
        List<SignedHead> heads = heads(Long.MAX_VALUE, 1, true);
        return heads.stream().findFirst();
    }

    /** Signed heads by id, newest first when {@code descending}, starting before/after {@code afterId}. */
    @SuppressWarnings("unchecked")
    public List<SignedHead> heads(long fromId, int limit, boolean descending) {
        List<Object[]> rows = em.createNativeQuery(descending
                        ? "select sequence, hash, key_id, signed_at, statement, signature from signed_head where id <= :from order by id desc limit :limit"
                        : "select sequence, hash, key_id, signed_at, statement, signature from signed_head where id >= :from order by id limit :limit")
                .setParameter("from", fromId).setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new SignedHead(((Number) r[0]).longValue(), (String) r[1], (String) r[2],
                Times.utc(Times.instant(r[3])), (String) r[4], (String) r[5])).toList();
    }

    /** Refuses to start without the key it must sign with, rather than at the first signature. */
    void checkKeyAtStart(@Observes StartupEvent start) {
        KeySource.of(config.signingKeyFile(), config.signingKeyFile().map(f -> Files.exists(Path.of(f))).orElse(false),
                config.generateSigningKey());
    }

    public SigningKey key() {
        SigningKey current = key;
        if (current == null) {
            synchronized (this) {
                if (key == null) {
                    Optional<String> file = config.signingKeyFile();
                    KeySource source = KeySource.of(file, file.map(f -> Files.exists(Path.of(f))).orElse(false),
                            config.generateSigningKey());
                    key = source == KeySource.DATABASE ? fromDatabase() : fromFile(Path.of(file.orElseThrow()));
                    LOG.infof("Signing the register log's heads with Ed25519 key %s", key.keyId());
                }
                current = key;
            }
        }
        return current;
    }

    private SigningKey fromDatabase() {
        return QuarkusTransaction.requiringNew().call(() -> {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtextextended('transparency.signing-key', 0))")
                    .getSingleResult();
            @SuppressWarnings("unchecked")
            List<Object[]> rows = em.createNativeQuery("""
                            select public_key, private_key from signing_key where private_key is not null
                            order by created_at desc limit 1""").getResultList();
            if (!rows.isEmpty()) {
                return keyOf((byte[]) rows.get(0)[0], (byte[]) rows.get(0)[1]);
            }
            SigningKey generated = generate();
            store(generated, true);
            return generated;
        });
    }

    private SigningKey fromFile(Path file) {
        try {
            SigningKey fileKey;
            if (Files.exists(file)) {
                String pem = Files.readString(file, StandardCharsets.US_ASCII);
                fileKey = keyOf(pemBlock(pem, "PUBLIC KEY"), pemBlock(pem, "PRIVATE KEY"));
            } else {
                fileKey = generate();
                Files.writeString(file, pem("PRIVATE KEY", fileKey.pair().getPrivate().getEncoded())
                        + pem("PUBLIC KEY", fileKey.publicKeyInfo()), StandardCharsets.US_ASCII);
            }
            QuarkusTransaction.requiringNew().run(() -> store(fileKey, false));
            return fileKey;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing key file " + file, e);
        }
    }

    /** Every key that signed is kept (public part) so that old heads stay verifiable. */
    private void store(SigningKey signingKey, boolean withPrivate) {
        em.createNativeQuery("""
                        insert into signing_key (key_id, public_key, private_key) values (:id, :public, :private)
                        on conflict do nothing""")
                .setParameter("id", signingKey.keyId()).setParameter("public", signingKey.publicKeyInfo())
                .setParameter("private", withPrivate ? signingKey.pair().getPrivate().getEncoded() : null)
                .executeUpdate();
    }

    public static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    private static byte[] pemBlock(String pem, String type) {
        int start = pem.indexOf("-----BEGIN " + type + "-----");
        int end = pem.indexOf("-----END " + type + "-----");
        if (start < 0 || end < 0) {
            throw new IllegalStateException("The signing key file lacks a " + type + " block");
        }
        return Base64.getMimeDecoder().decode(pem.substring(start + type.length() + 16, end));
    }

    private static SigningKey generate() {
        try {
            return withId(KeyPairGenerator.getInstance("Ed25519").generateKeyPair());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static SigningKey keyOf(byte[] publicKeyInfo, byte[] pkcs8) {
        try {
            KeyFactory factory = KeyFactory.getInstance("Ed25519");
            PublicKey publicKey = factory.generatePublic(new X509EncodedKeySpec(publicKeyInfo));
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
            return withId(new KeyPair(publicKey, privateKey));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The signing key cannot be read", e);
        }
    }

    private static SigningKey withId(KeyPair pair) {
        return new SigningKey(HexFormat.of().formatHex(Canonical.sha256(pair.getPublic().getEncoded())), pair);
    }

    private static byte[] signEd25519(SigningKey signingKey, String statement) {
        try {
            Signature signature = Signature.getInstance("Ed25519");
            signature.initSign(signingKey.pair().getPrivate());
            signature.update(statement.getBytes(StandardCharsets.UTF_8));
            return signature.sign();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
