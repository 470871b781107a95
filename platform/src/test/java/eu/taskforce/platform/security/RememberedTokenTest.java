package eu.taskforce.platform.security;

import eu.taskforce.common.security.VerifiedTokens;
import eu.taskforce.platform.testing.Actors;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A service remembers a bearer token that it verified (a real Keycloak token), and serves the same caller for it
 * again without asking quarkus-oidc a second time; a token that differs from it in any character is verified, and
 * refused.
 */
@QuarkusTest
class RememberedTokenTest {

    private static final String CALLER = "/platform-test/protected/caller";

    @Inject
    VerifiedTokens verifiedTokens;

    @Inject
    Verifications verifications;

    @Test
    void theSecondRequestWithATokenIsTheSameCallerFromTheRememberedToken() {
        Actors.MEMBER_A.forgetToken();
        String token = Actors.MEMBER_A.token();
        assertThat(verifiedTokens.find(token, null)).as("a token not used yet").isEmpty();
        String expected = String.join(" ", subjectOf(token), "member-a", Actors.ORG_A.toString(), "true");

        given().auth().oauth2(token).get(CALLER).then().statusCode(200).body(equalTo(expected));
        assertThat(verifiedTokens.find(token, null)).as("remembered once verified").isPresent();
        given().auth().oauth2(token).get(CALLER).then().statusCode(200).body(equalTo(expected));
        given().header("Authorization", "bearer " + token).get(CALLER).then().statusCode(200).body(equalTo(expected));
        assertThat(verifications.of(token)).as("identities made by quarkus-oidc for the token").isEqualTo(1);
    }

    @Test
    void aRememberedTokenWithAnotherSignatureIsRefused() {
        String token = Actors.MEMBER_B.token();
        given().auth().oauth2(token).get(CALLER).then().statusCode(200);

        String altered = token.substring(0, token.length() - 12) + "AAAAAAAAAAAA";
        given().auth().oauth2(altered).get(CALLER)
                .then().statusCode(401).contentType("application/problem+json");
        assertThat(verifiedTokens.find(altered, null)).isEmpty();
    }

    /** Counts the identities that quarkus-oidc made for each token (augmentors see each one it makes). */
    @ApplicationScoped
    static class Verifications implements SecurityIdentityAugmentor {
        private final Map<String, Integer> made = new ConcurrentHashMap<>();

        @Override
        public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
            TokenCredential credential = identity.getCredential(TokenCredential.class);
            if (credential != null) {
                made.merge(credential.getToken(), 1, Integer::sum);
            }
            return Uni.createFrom().item(identity);
        }

        int of(String token) {
            return made.getOrDefault(token, 0);
        }
    }

    private static String subjectOf(String token) {
        String payload = new String(Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8);
        return payload.replaceAll(".*\"sub\":\"([^\"]+)\".*", "$1");
    }
}
