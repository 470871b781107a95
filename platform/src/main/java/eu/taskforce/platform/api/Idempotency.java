package eu.taskforce.platform.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code Idempotency-Key} on creates, so that a client can retry a POST safely. The first request with a key claims
 * it and stores its response in the same transaction as the create; a retry with the same key and body gets the
 * stored response again (with {@code Idempotent-Replayed: true}), and nothing is created twice. A concurrent retry
 * waits for the first to commit. Reusing a key for a different body is a 422. Keys are kept for a day
 * (retention rule {@code idempotency-key}, see {@link eu.taskforce.platform.retention.PlatformRetentionRules}).
 */
@ApplicationScoped
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    private final EntityManager entityManager;
    private final Caller caller;
    private final ObjectMapper json;

    public Idempotency(EntityManager entityManager, Caller caller, ObjectMapper json) {
        this.entityManager = entityManager;
        this.caller = caller;
        this.json = json;
    }

    /**
     * Runs {@code create} once per key; without a key it simply runs it.
     *
     * @param request the request body, whose fingerprint tells a retry from a different request
     * @param create  the create, which joins this transaction and answers with the response to store
     */
    @Transactional
    public Response once(String key, UriInfo uri, Object request, Supplier<Response> create) {
        if (key == null) {
            return create.get();
        }
        if (key.isBlank() || key.length() > 255) {
            throw ProblemException.badRequest("The Idempotency-Key header must hold 1 to 255 characters");
        }
        String scope = caller.subject() + " POST " + uri.getPath();
        String fingerprint = fingerprint(request);
        int claimed = entityManager.createNativeQuery("""
                        insert into idempotency_key (scope, key, fingerprint) values (:scope, :key, :fingerprint)
                        on conflict do nothing""")
                .setParameter("scope", scope).setParameter("key", key).setParameter("fingerprint", fingerprint)
                .executeUpdate();
        if (claimed == 0) {
            return replay(scope, key, fingerprint);
        }
        Response response = create.get();
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        EntityTag etag = response.getEntityTag();
        entityManager.createNativeQuery("""
                        update idempotency_key set status = :status, location = :location, etag = :etag, body = :body
                        where scope = :scope and key = :key""")
                .setParameter("status", response.getStatus())
                .setParameter("location", location == null ? null : location.toString())
                .setParameter("etag", etag == null ? null : etag.getValue())
                .setParameter("body", response.hasEntity() ? write(response.getEntity()) : null)
                .setParameter("scope", scope).setParameter("key", key)
                .executeUpdate();
        return response;
    }

    private Response replay(String scope, String key, String fingerprint) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select fingerprint, status, location, etag, body from idempotency_key
                        where scope = :scope and key = :key""")
                .setParameter("scope", scope).setParameter("key", key)
                .getResultList();
        Object[] row = rows.get(0);
        if (!fingerprint.equals(row[0])) {
            throw new ProblemException(422, "idempotency-key-reused", "Idempotency-Key reused",
                    "This Idempotency-Key was already used for a different request; use a new key for a new request");
        }
        Response.ResponseBuilder response = Response.status(((Number) row[1]).intValue())
                .header(REPLAYED_HEADER, "true");
        if (row[2] != null) {
            response.location(URI.create((String) row[2]));
        }
        if (row[3] != null) {
            response.tag((String) row[3]);
        }
        if (row[4] != null) {
            response.entity(row[4]).type(MediaType.APPLICATION_JSON_TYPE);
        }
        return response.build();
    }

    /**
     * Forgets the stored responses of the creates of a record (they may hold personal data that was since rectified or
     * erased). The keys stay claimed, so a retry creates nothing twice: it gets 422, as for a different request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void forgetResponses(UUID recordId) {
        entityManager.createNativeQuery("""
                        update idempotency_key set body = null, fingerprint = 'forgotten'
                        where location like :suffix""")
                .setParameter("suffix", "%/" + recordId)
                .executeUpdate();
    }

    private String fingerprint(Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(write(request).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + value.getClass(), e);
        }
    }
}
