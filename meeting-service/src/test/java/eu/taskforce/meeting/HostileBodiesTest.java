package eu.taskforce.meeting;

import eu.taskforce.platform.testing.HostileBodies.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;

import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.HostileBodies.BODY_LIMIT;
import static eu.taskforce.platform.testing.HostileBodies.bodyAtAndOverTheLimit;
import static eu.taskforce.platform.testing.HostileBodies.jsonLimit;
import static eu.taskforce.platform.testing.HostileBodies.oneFieldError;
import static eu.taskforce.platform.testing.HostileBodies.padded;
import static eu.taskforce.platform.testing.HostileBodies.post;
import static eu.taskforce.platform.testing.HostileBodies.stringOverTheParsersLimit;
import static eu.taskforce.platform.testing.HostileBodies.withDeepNesting;
import static eu.taskforce.platform.testing.HostileBodies.withHugeArray;
import static eu.taskforce.platform.testing.HostileBodies.withLongString;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: bodies at and above each limit of a member's meeting request (a huge array of agenda items, a long
 * string, deep nesting, a body over the 4 MB limit), each answered with a small 4xx problem+json; the service stays
 * live. The packaged service runs in a process of its own at -Xmx128m that exits on OutOfMemoryError (the pom's
 * hostile-bodies execution).
 */
@QuarkusIntegrationTest
@Tag("hostile-bodies")
class HostileBodiesTest {

    private static final String REQUESTS = "/api/v1/meetings/requests";
    /** quarkus.http.limits.max-body-size, the platform's default. */
    private static final String REQUEST = "\"topic\":\"Hostile\",\"rationale\":\"r\"";

    @TestHTTPResource("/")
    URI base;

    @AfterEach
    void theServiceIsStillLive() {
        given().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void aHugeArrayOfAgendaItemsIsRefusedAsOneError() throws Exception {
        Answer answer = oneFieldError(post(base, MEMBER_A, REQUESTS,
                withHugeArray(REQUEST, "proposedAgendaItems", 350_000)), "proposedAgendaItems", "must have at most 20 items");
        assertThat(answer.sentLength()).isGreaterThan(3_800_000).isLessThan(BODY_LIMIT);
        System.out.printf("requests: %d-byte body, %d-byte problem in %d ms%n", answer.sentLength(),
                answer.body().length(), answer.millis());
        // just over the size, with elements that are each invalid: one error for the list, none for its elements
        oneFieldError(post(base, MEMBER_A, REQUESTS, "{" + REQUEST + ",\"proposedAgendaItems\":["
                + "\"\",".repeat(20) + "\"\"]}"), "proposedAgendaItems", "must have at most 20 items");
    }

    @Test
    void stringsAtAndOverTheParsersLimitAreRefusedNamingTheField() throws Exception {
        // at the parser's limit (100,000 characters): read, then refused by the field's own maximum
        oneFieldError(post(base, MEMBER_A, REQUESTS, withLongString("\"topic\":\"Hostile\"", "rationale", 100_000)),
                "rationale", "size must be between 0 and 5000");
        // far over it: the parser stops reading
        stringOverTheParsersLimit(post(base, MEMBER_A, REQUESTS,
                withLongString("\"rationale\":\"r\"", "topic", 4_000_000)), "topic");
    }

    @Test
    void deepNestingIsRefusedByTheParser() throws Exception {
        jsonLimit(post(base, MEMBER_A, REQUESTS, withDeepNesting(REQUEST, 1_000_000)), "nesting depth");
    }

    @Test
    void aBodyAtTheLimitIsReadAndOneOverItIsNot() throws Exception {
        // exactly the limit: read whole and validated (the topic is too long); one byte more: 413
        String atLimit = padded(REQUEST.replace("\"Hostile\"", "\"" + "t".repeat(301) + "\""), BODY_LIMIT);
        bodyAtAndOverTheLimit(base, MEMBER_A, REQUESTS, atLimit, "topic", "size must be between 0 and 300");
    }
}
