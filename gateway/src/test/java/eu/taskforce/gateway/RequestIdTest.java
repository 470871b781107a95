package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** X-Request-Id and W3C trace context reach the service and come back to the client. */
@QuarkusTest
class RequestIdTest {

    private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void callersRequestIdIsPassedOnAndReturned() {
        Response response = given().header("X-Request-Id", "frontend-7f3a.42")
                .get("/api/v1/public/participants")
                .then().statusCode(200).header("X-Request-Id", "frontend-7f3a.42")
                .extract().response();
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo("frontend-7f3a.42");
    }

    @Test
    void requestIdIsGeneratedWhenAbsentOrUnsafe() {
        Response generated = given().get("/api/v1/public/participants")
                .then().statusCode(200).extract().response();
        String id = generated.header("X-Request-Id");
        assertThat(id).matches("[0-9a-f-]{36}");
        assertThat(generated.jsonPath().getString("headers.x-request-id")).isEqualTo(id);

        // an id that would break a log line or a header is replaced
        Response replaced = given().header("X-Request-Id", "evil\" id; drop")
                .get("/api/v1/public/participants")
                .then().statusCode(200).extract().response();
        assertThat(replaced.header("X-Request-Id")).matches("[0-9a-f-]{36}");
        assertThat(replaced.jsonPath().getString("headers.x-request-id")).isEqualTo(replaced.header("X-Request-Id"));
    }

    @Test
    void answersTheGatewayGivesItselfCarryTheRequestIdToo() {
        given().header("X-Request-Id", "no-token-call").get("/api/v1/membership/signatories")
                .then().statusCode(401).header("X-Request-Id", "no-token-call");
    }

    @Test
    void traceContinuesWithTheGatewaysOwnSpan() {
        Response response = given()
                .header("traceparent", "00-" + TRACE_ID + "-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=opaque")
                .get("/api/v1/public/participants")
                .then().statusCode(200).extract().response();

        String forwarded = response.jsonPath().getString("headers.traceparent");
        assertThat(forwarded).matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01");
        assertThat(forwarded).doesNotContain("00f067aa0ba902b7");
        assertThat(response.jsonPath().getString("headers.tracestate")).isEqualTo("vendor=opaque");
    }

    @Test
    void traceStartsAtTheGatewayWhenTheCallerHasNoneOrAnInvalidOne() {
        Response none = given().get("/api/v1/public/participants").then().statusCode(200).extract().response();
        assertThat(none.jsonPath().getString("headers.traceparent")).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01");

        Response invalid = given()
                .header("traceparent", "00-00000000000000000000000000000000-00f067aa0ba902b7-01")
                .header("tracestate", "vendor=opaque")
                .get("/api/v1/public/participants").then().statusCode(200).extract().response();
        assertThat(invalid.jsonPath().getString("headers.traceparent"))
                .matches("00-[0-9a-f]{32}-[0-9a-f]{16}-01").doesNotContain("00000000000000000000000000000000");
        // tracestate belongs to the trace that was dropped
        assertThat(invalid.jsonPath().getString("headers.tracestate")).isNull();
    }
}
