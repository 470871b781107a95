package eu.taskforce.gateway;

import eu.taskforce.common.security.VerifiedTokens;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Tokens are checked on every route that is not public: a missing, malformed, expired, foreign or forged token is a
 * 401 with problem+json, a WWW-Authenticate challenge (RFC 6750) and a detail that tells which.
 */
@QuarkusTest
class TokenTest {

    private static final String PRIVATE = "/api/v1/meetings/upcoming";

    @Inject
    VerifiedTokens verifiedTokens;

    @Test
    void missingToken() {
        for (String path : new String[] {"/api/v1/membership/signatories", "/api/v1/meetings", "/api/v1/guidance/x"}) {
            given().get(path)
                    .then().statusCode(401)
                    .contentType("application/problem+json")
                    .header("WWW-Authenticate", "Bearer realm=\"taskforce\"")
                    .body("type", equalTo("urn:taskforce:problem:unauthorized"))
                    .body("title", equalTo("Unauthorized"))
                    .body("status", equalTo(401))
                    .body("detail", equalTo("A bearer token is required"))
                    .body("instance", equalTo(path));
        }
        // another scheme is no bearer token
        given().auth().preemptive().basic("office", "office-demo").get(PRIVATE)
                .then().statusCode(401).body("detail", equalTo("A bearer token is required"));
    }

    @Test
    void malformedToken() {
        rejected(given().header("Authorization", "Bearer not-a-jwt"), "malformed");
        rejected(given().header("Authorization", "Bearer eyJhbGciOiJSUzI1NiJ9.bm90IGpzb24.c2ln"), "malformed");
    }

    @Test
    void expiredToken() {
        // signed with a key of the test's own: the realm's keys cannot be used to sign, and a realm token lives 300 s
        rejected(given().auth().oauth2(Tokens.signedByOwnKey(Tokens.issuer(), Instant.now().minusSeconds(60))),
                "has expired");
    }

    @Test
    void tokenOfAnotherIssuer() {
        rejected(given().auth().oauth2(Tokens.signedByOwnKey("https://idp.example.org/realms/taskforce",
                Instant.now().plusSeconds(300))), "not issued by this platform's identity provider");
    }

    @Test
    void tokenWithTheRightClaimsSignedByAnotherKey() {
        rejected(given().auth().oauth2(Tokens.signedByOwnKey(Tokens.issuer(), Instant.now().plusSeconds(300))),
                "signature or claims cannot be verified");
    }

    @Test
    void realmTokenForAnotherAudience() {
        // real Keycloak tokens, valid and signed by the realm, but not meant for this API
        rejected(given().auth().oauth2(Tokens.withoutApiAudience("member-a")), "audience must include taskforce-api");
        rejected(given().auth().oauth2(Tokens.idToken("member-a")), "audience must include taskforce-api");
    }

    @Test
    void badTokenIsRejectedOnPublicRoutesToo() {
        // a client that sends a token expects it to count; a bad one is an error wherever it is sent
        given().header("Authorization", "Bearer not-a-jwt").get("/api/v1/public/participants")
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void validTokenOfEveryRolePasses() {
        for (String user : new String[] {"office", "member-a", "member-b", "expert"}) {
            given().auth().oauth2(Tokens.access(user)).get(PRIVATE)
                    .then().statusCode(200).body("service", equalTo("meetings"));
        }
    }

    @Test
    void aValidTokenIsRememberedAndAnAlteredCopyIsStillRefused() {
        String token = Tokens.access("member-b");
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(token).get(PRIVATE).then().statusCode(200).body("service", equalTo("meetings"));
        }
        assertThat(verifiedTokens.find(token, null)).isPresent();
        // another signature: not the remembered token, so verified, and refused
        String altered = token.substring(0, token.length() - 12) + "AAAAAAAAAAAA";
        given().auth().oauth2(altered).get(PRIVATE).then().statusCode(401).contentType("application/problem+json");
    }

    private static void rejected(RequestSpecification request, String detail) {
        request.get(PRIVATE)
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer realm=\"taskforce\", error=\"invalid_token\""))
                .header("WWW-Authenticate", containsString(detail))
                .body("type", equalTo("urn:taskforce:problem:unauthorized"))
                .body("status", equalTo(401))
                .body("detail", containsString(detail))
                .body("instance", equalTo(PRIVATE));
    }
}
