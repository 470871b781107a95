package eu.taskforce.notification;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.HostileBodies;
import eu.taskforce.platform.testing.HostileBodies.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static eu.taskforce.notification.Webhooks.API;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Bounded inputs and refused endpoints, each a 400 problem+json naming what is wrong; hostile bodies (a huge array,
 * deep nesting, a very long string) refused as one small problem; the service stays live.
 */
@QuarkusTest
class ApiLimitsTest {

    static final String VALID = "\"url\":\"https://8.8.8.8/hook\"";

    @TestHTTPResource("/")
    URI base;

    @BeforeEach
    void noSubscriptionsLeft() {
        Webhooks.forgetAll();
    }

    @AfterEach
    void theServiceIsStillLive() {
        given().get("/q/health/live").then().statusCode(200);
    }

    static void refusedEndpoint(String url, String why) {
        MEMBER_A.request().body(Map.of("url", url, "eventTypes", List.of(EventTypes.MEETING_CONVENED.type())))
                .post(API).then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString(why));
    }

    @Test
    void endpointsMustBeHttpsToPublicAddresses() {
        refusedEndpoint("http://8.8.8.8/hook", "must be an https URL");
        refusedEndpoint("ftp://example.org/hook", "must be an https URL");
        refusedEndpoint("https://10.1.2.3/hook", "not public (10.1.2.3)");
        refusedEndpoint("https://192.168.1.1/hook", "not public");
        refusedEndpoint("https://169.254.169.254/latest/meta-data", "not public");
        refusedEndpoint("https://100.64.0.1/hook", "not public");
        refusedEndpoint("https://[fd00::1]/hook", "not public");
        refusedEndpoint("https://user:secret@8.8.8.8/hook", "without user information");
        refusedEndpoint("https://no-such-host.invalid/hook", "does not resolve");
        refusedEndpoint("not a url at all", "");
    }

    @Test
    void everyFieldIsBounded() {
        MEMBER_A.request().body(Map.of("url", "https://example.org/" + "a".repeat(2048), "eventTypes",
                List.of(EventTypes.MEETING_CONVENED.type()))).post(API).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("url"));
        MEMBER_A.request().body(Map.of("url", "https://example.org/hook", "eventTypes", List.of()))
                .post(API).then().statusCode(400).body("errors[0].field", equalTo("eventTypes"));
        MEMBER_A.request().body(Map.of("url", "https://example.org/hook", "eventTypes",
                Collections.nCopies(51, EventTypes.MEETING_CONVENED.type()))).post(API).then().statusCode(400)
                .body("errors[0].field", equalTo("eventTypes"));
        MEMBER_A.request().body(Map.of("url", "https://example.org/hook", "eventTypes",
                List.of(EventTypes.MEETING_CONVENED.type()), "description", "d".repeat(501))).post(API).then()
                .statusCode(400).body("errors[0].field", equalTo("description"));
        MEMBER_A.request().body("{\"url\": 5").post(API).then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().get(API + "?limit=501").then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().get(API + "?cursor=tampered").then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().get(API + "?updatedSince=yesterday").then().statusCode(400).contentType("application/problem+json");
        MEMBER_A.request().get(API + "/not-a-uuid").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void hostileBodiesAreSmallProblems() throws Exception {
        Answer array = HostileBodies.problem(HostileBodies.post(base, MEMBER_A, API,
                HostileBodies.withHugeArray(VALID, "eventTypes", 190_000)), 400);
        assertThat(array.json().getList("errors.field")).containsExactly("eventTypes");
        HostileBodies.problem(HostileBodies.post(base, MEMBER_A, API, HostileBodies.withDeepNesting(VALID, 10_000)), 400);
        HostileBodies.problem(HostileBodies.post(base, MEMBER_A, API,
                HostileBodies.withLongString(VALID, "description", 3_000_000)), 400);
        HostileBodies.problem(HostileBodies.post(base, MEMBER_A, API,
                HostileBodies.padded(VALID, HostileBodies.BODY_LIMIT + 1)), 413);
    }
}
