package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the identity provider out of reach the gateway still starts and serves the public register; a request with a
 * token gets a 503 problem (not a 401: the token may be fine, and not a 500).
 */
@QuarkusTest
@TestProfile(IdentityProviderDownTest.NoIdentityProvider.class)
class IdentityProviderDownTest {

    public static class NoIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url",
                    "http://127.0.0.1:" + EchoUpstream.freePort() + "/realms/taskforce",
                    "quarkus.oidc.connection-timeout", "1s");
        }
    }

    @Test
    void publicRegisterStillWorks() {
        given().get("/api/v1/public/participants").then().statusCode(200).body("service", equalTo("public"));
    }

    @Test
    void tokenCannotBeCheckedSoTheAnswerIsAServiceUnavailableProblem() {
        given().auth().oauth2(Tokens.signedByOwnKey("http://127.0.0.1:8180/realms/taskforce",
                        java.time.Instant.now().plusSeconds(300)))
                .get("/api/v1/membership/signatories")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("type", equalTo("urn:taskforce:problem:identity-provider-unavailable"))
                .body("status", equalTo(503));
        // without a token there is nothing to check: 401 as always
        given().get("/api/v1/membership/signatories").then().statusCode(401);
    }
}
