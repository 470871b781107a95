package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalToIgnoringCase;
import static org.hamcrest.Matchers.nullValue;

/** CORS for the configured frontend origins (http://localhost:3000 by default), answered by the gateway itself. */
@QuarkusTest
class CorsTest {

    private static final String FRONTEND = "http://localhost:3000";

    @Test
    void preflightOfAnAllowedOriginIsAnsweredWithoutAToken() {
        given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "PUT")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match,idempotency-key")
                .options("/api/v1/membership/signatories/42")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Allow-Methods", containsString("PUT"))
                .header("Access-Control-Allow-Headers", containsString("Authorization"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Headers", containsString("Idempotency-Key"))
                .header("Access-Control-Max-Age", "3600");
    }

    @Test
    void preflightOfAnotherOriginIsRefused() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/membership/signatories/42")
                .then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void crossOriginAnswerExposesTheHeadersAFrontendReads() {
        given().header("Origin", FRONTEND)
                .get("/api/v1/public/participants")
                .then().statusCode(200)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Expose-Headers", containsString("X-Request-Id"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Expose-Headers", containsString("RateLimit"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("ETag"));
        // a frontend can read the gateway's own errors too
        given().header("Origin", FRONTEND)
                .get("/api/v1/membership/signatories")
                .then().statusCode(401)
                .header("Access-Control-Allow-Origin", FRONTEND)
                .header("Access-Control-Expose-Headers", containsString("WWW-Authenticate"))
                .contentType(equalToIgnoringCase("application/problem+json"));
    }
}
