package eu.taskforce.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * With the identity provider up (Keycloak of the running stack), a token it did not sign is a 401 problem, not a
 * 503: the 503 of {@link IdentityProviderAwayTest} is only for a provider that cannot be reached.
 */
@QuarkusTest
class AuthenticationProblemTest {

    @Test
    void aForgedTokenIsUnauthorized() {
        given().auth().oauth2(IdentityProviderAwayTest.someBearerToken())
                .get(IdentityProviderAwayTest.PROTECTED)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("error=\"invalid_token\""))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:taskforce:problem:unauthorized"));
    }
}
