package eu.taskforce.membership;

import eu.taskforce.platform.testing.HostileBodies.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.HostileBodies.BODY_LIMIT;
import static eu.taskforce.platform.testing.HostileBodies.bodyAtAndOverTheLimit;
import static eu.taskforce.platform.testing.HostileBodies.jsonLimit;
import static eu.taskforce.platform.testing.HostileBodies.oneFieldError;
import static eu.taskforce.platform.testing.HostileBodies.padded;
import static eu.taskforce.platform.testing.HostileBodies.post;
import static eu.taskforce.platform.testing.HostileBodies.stringOverTheParsersLimit;
import static eu.taskforce.platform.testing.HostileBodies.withDeepNesting;
import static eu.taskforce.platform.testing.HostileBodies.withLongString;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: bodies at and above each limit of membership-service's writes (a huge array of valid chapters, a long string, deep nesting, a
 * body over the 4 MB limit), each answered with a small 4xx problem+json; the service stays live. The packaged service
 * runs in a process of its own at -Xmx128m that exits on OutOfMemoryError (the pom's hostile-bodies execution).
 */
@QuarkusIntegrationTest
@Tag("hostile-bodies")
class HostileBodiesTest {

    private static final String SIGNATORIES = "/api/v1/membership/signatories";
    private static final String STAKEHOLDERS = "/api/v1/membership/stakeholders";
    /** quarkus.http.limits.max-body-size, the platform's default. */
    private static final String SIGNATORY = "\"name\":\"Hostile\",\"country\":\"FR\",\"signedOn\":\"2025-08-01\"";
    private static final String STAKEHOLDER = "\"kind\":\"ORGANISATION\",\"name\":\"Hostile\","
            + "\"contactEmail\":\"h@example.org\",\"listedPublicly\":false";

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void theServiceIsStillLive() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aHugeArrayOfChaptersIsRefusedAsOneError() throws Exception {
        // chapters of the Code, so that each element would be read: the count refuses the list, not its first element
        Answer answer = oneFieldError(post(base, OFFICE, SIGNATORIES, "{" + SIGNATORY + ",\"chapters\":["
                + "\"COPYRIGHT\",".repeat(320_000) + "\"COPYRIGHT\"]}"), "chapters", "must have at most 3 items");
        assertThat(answer.sentLength()).isGreaterThan(3_800_000).isLessThan(BODY_LIMIT);
        System.out.printf("signatories: %d-byte body, %d-byte problem in %d ms%n", answer.sentLength(),
                answer.body().length(), answer.millis());
        // just over the size: the same single error
        oneFieldError(post(base, OFFICE, SIGNATORIES, "{" + SIGNATORY
                        + ",\"chapters\":[\"COPYRIGHT\",\"TRANSPARENCY\",\"SAFETY_AND_SECURITY\",\"COPYRIGHT\"]}"),
                "chapters", "must have at most 3 items");
    }

    @Test
    void stringsAtAndOverTheParsersLimitAreRefusedNamingTheField() throws Exception {
        // at the parser's limit (100,000 characters): read, then refused by the field's own maximum
        oneFieldError(post(base, OFFICE, STAKEHOLDERS, withLongString(STAKEHOLDER, "fieldOfExpertise", 100_000)),
                "fieldOfExpertise", "size must be between 0 and 300");
        // far over it: the parser stops reading
        stringOverTheParsersLimit(post(base, OFFICE, SIGNATORIES,
                withLongString("\"chapters\":[\"COPYRIGHT\"],\"signedOn\":\"2025-08-01\"", "name", 4_000_000)), "name");
    }

    @Test
    void deepNestingIsRefusedByTheParser() throws Exception {
        jsonLimit(post(base, OFFICE, SIGNATORIES, withDeepNesting(SIGNATORY, 1_000_000)), "nesting depth");
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneOverItIsNot() throws Exception {
        // exactly the limit: read whole and validated (the name is too long); one byte more: 413
        String atLimit = padded(SIGNATORY.replace("\"Hostile\"", "\"" + "n".repeat(201) + "\"")
                + ",\"chapters\":[\"COPYRIGHT\"]", BODY_LIMIT);
        bodyAtAndOverTheLimit(base, OFFICE, SIGNATORIES, atLimit, "name", "size must be between 0 and 200");
    }
}
