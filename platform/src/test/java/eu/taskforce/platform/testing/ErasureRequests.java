package eu.taskforce.platform.testing;

import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Map;

import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * Who may call a service's personal-data endpoints (the platform's {@code PersonalDataEndpoint} and
 * {@code ErasureEndpoint}), and what a bad erasure request gets: the same in every service that has them.
 */
public final class ErasureRequests {

    private static final String PROBLEM = "application/problem+json";

    private ErasureRequests() {
    }

    /**
     * Only the AI Office erases a named account ({@code erasures}): a 403 problem for members and stakeholders, a 401
     * problem without a token; the caller's own export and erasure ({@code mine}) need a token.
     */
    public static void onlyTheAiOfficeErasesANamedAccountAndOnlyASignedInCallerItsOwn(String erasures, String mine) {
        for (Actors actor : List.of(MEMBER_A, MEMBER_B, EXPERT)) {
            actor.request().body(Map.of("username", "office")).post(erasures).then().statusCode(403)
                    .contentType(startsWith(PROBLEM))
                    .body("detail", equalTo("Your role does not allow this action"));
        }
        ANONYMOUS.request().body(Map.of("username", "office")).post(erasures).then().statusCode(401)
                .contentType(startsWith(PROBLEM));
        ANONYMOUS.request().get(mine).then().statusCode(401).contentType(startsWith(PROBLEM));
        ANONYMOUS.request().delete(mine).then().statusCode(401).contentType(startsWith(PROBLEM));
    }

    /**
     * Each of {@code badBodies} is a 400 problem naming {@code username}; {@code malformed} JSON and no body at all are
     * 400 problems.
     */
    public static void badErasureRequestsAreProblems(String erasures, List<Map<String, Object>> badBodies,
                                                     String malformed) {
        for (Map<String, Object> body : badBodies) {
            OFFICE.request().body(body).post(erasures).then().statusCode(400)
                    .contentType(startsWith(PROBLEM)).body("errors.field", hasItem("username"));
        }
        OFFICE.request().body(malformed).post(erasures).then().statusCode(400).contentType(startsWith(PROBLEM));
        OFFICE.request().post(erasures).then().statusCode(400).contentType(startsWith(PROBLEM));
    }

    /**
     * Runs an erasure that finds nothing left to erase (a second one, say): it records nothing, so the audit trail
     * holds as many {@code PERSONAL_DATA_ERASED} entries afterwards as before.
     */
    public static void recordsNothing(Runnable erasure) {
        long before = erasuresRecorded();
        erasure.run();
        assertThat(erasuresRecorded()).as("nothing was left to erase, so nothing was recorded").isEqualTo(before);
    }

    private static long erasuresRecorded() {
        EntityManager entityManager = Arc.container().instance(EntityManager.class).get();
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                        "select count(*) from audit_entry where action = 'PERSONAL_DATA_ERASED'").getSingleResult())
                .longValue());
    }
}
