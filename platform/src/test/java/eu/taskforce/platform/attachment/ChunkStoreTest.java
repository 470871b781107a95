package eu.taskforce.platform.attachment;

import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.testing.Attachments;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The chunk store on a probe table of the platform's test database: a document is written in chunks with its digest and
 * type, refused (and rolled back, the previous one kept) when too large or untyped, and read back chunk by chunk; a
 * document replaced while it is read ends the read with an I/O error rather than mixing two documents.
 */
@QuarkusTest
class ChunkStoreTest {

    static final ChunkStore STORE = new ChunkStore("chunk_probe", "owner_id", "chunk_probe_owner", "sha256");
    static final ChunkStore.Limits LIMITS = new ChunkStore.Limits(1024 * 1024, Duration.ofSeconds(30));
    static final long THREE_CHUNKS = 2L * ChunkStore.CHUNK_BYTES + 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    DataSource dataSource;

    @BeforeEach
    void probeTables() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                create table if not exists chunk_probe_owner (id uuid primary key, sha256 char(64));
                create table if not exists chunk_probe (owner_id uuid not null references chunk_probe_owner (id),
                    seq integer not null, content bytea not null, primary key (owner_id, seq))""").executeUpdate());
    }

    UUID owner() {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager
                .createNativeQuery("insert into chunk_probe_owner (id) values (:id)").setParameter("id", id).executeUpdate());
        return id;
    }

    ChunkStore.Stored store(UUID owner, String type, InputStream body) {
        return QuarkusTransaction.requiringNew().call(() -> {
            ChunkStore.Stored stored = STORE.store(entityManager, owner, type, null, body, LIMITS);
            entityManager.createNativeQuery("update chunk_probe_owner set sha256 = :sha where id = :id")
                    .setParameter("sha", stored.sha256()).setParameter("id", owner).executeUpdate();
            return stored;
        });
    }

    byte[] read(UUID owner, ChunkStore.Stored stored) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        STORE.content(dataSource, owner, stored.sha256(), stored.size()).write(out);
        return out.toByteArray();
    }

    long chunks(UUID owner) {
        return ((Number) entityManager.createNativeQuery("select count(*) from chunk_probe where owner_id = :id")
                .setParameter("id", owner).getSingleResult()).longValue();
    }

    @Test
    void aDocumentIsStoredInChunksWithItsDigestAndTypeAndReadBackWhole() throws Exception {
        UUID owner = owner();
        ChunkStore.Stored stored = store(owner, "application/octet-stream", Attachments.pdf(THREE_CHUNKS, 3));
        assertThat(stored).isEqualTo(new ChunkStore.Stored(THREE_CHUNKS, Attachments.sha256(THREE_CHUNKS, 3),
                AttachmentTypes.PDF));
        assertThat(chunks(owner)).isEqualTo(3);
        byte[] bytes = read(owner, stored);
        assertThat(bytes).hasSize((int) THREE_CHUNKS);
        assertThat(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes))).isEqualTo(stored.sha256());
    }

    @Test
    void aRefusedUploadKeepsThePreviousDocument() throws Exception {
        UUID owner = owner();
        ChunkStore.Stored first = store(owner, "text/plain", new ByteArrayInputStream("Notes".getBytes(StandardCharsets.UTF_8)));
        assertThatThrownBy(() -> store(owner, null, Attachments.pdf(LIMITS.maxBytes() + 1, 4)))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThatThrownBy(() -> store(owner, null, new ByteArrayInputStream(new byte[]{0, 1, 2})))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> store(owner, "application/pdf", new ByteArrayInputStream("Words".getBytes(StandardCharsets.UTF_8))))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(415));
        assertThatThrownBy(() -> STORE.store(entityManager, owner, null, LIMITS.maxBytes() + 1, InputStream.nullInputStream(), LIMITS))
                .isInstanceOfSatisfying(ProblemException.class, e -> assertThat(e.status()).isEqualTo(413));
        assertThat(new String(read(owner, first), StandardCharsets.UTF_8)).isEqualTo("Notes");
    }

    @Test
    void aDocumentReplacedWhileItIsReadEndsTheReadShort() {
        UUID owner = owner();
        ChunkStore.Stored first = store(owner, null, Attachments.pdf(THREE_CHUNKS, 5));
        store(owner, null, Attachments.pdf(THREE_CHUNKS, 6));
        assertThatThrownBy(() -> read(owner, first)).isInstanceOf(IOException.class).hasMessageContaining("replaced");
    }
}
