package eu.taskforce.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

/**
 * When the identity provider cannot be reached, a caller with a token learns that the service is unavailable
 * (503, retry later), not that its token is bad, and never sees a stack trace.
 */
@QuarkusTest
@TestProfile(IdentityProviderAwayTest.NothingListensAtTheIdentityProvider.class)
class IdentityProviderAwayTest {

    static final String PROTECTED = "/platform-test/protected";

    /** The OIDC server URL names a port where nothing listens. */
    public static class NothingListensAtTheIdentityProvider implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.oidc.auth-server-url", "http://127.0.0.1:" + closedPort() + "/realms/taskforce");
        }
    }

    /** A JWT of the realm's shape; its signature cannot be checked without the identity provider's keys. */
    static String someBearerToken() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"typ\":\"JWT\",\"kid\":\"some-key\"}";
        long now = System.currentTimeMillis() / 1000;
        String claims = "{\"iss\":\"http://127.0.0.1:8180/realms/taskforce\",\"sub\":\"someone\",\"aud\":\"taskforce-api\","
                + "\"iat\":" + now + ",\"exp\":" + (now + 300) + ",\"realm_access\":{\"roles\":[\"member\"]}}";
        return b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("not-a-real-signature".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRequestWithATokenIsAnsweredServiceUnavailable() {
        for (int attempt = 0; attempt < 2; attempt++) { // the first request, and one after the retry at request time
            given().auth().oauth2(someBearerToken())
                    .get(PROTECTED)
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("5"))
                    .body("status", equalTo(503))
                    .body("type", equalTo("urn:taskforce:problem:identity-provider-unavailable"))
                    .body("instance", equalTo(PROTECTED))
                    .body(not(containsString("Exception")))
                    .body(not(containsString("\tat ")));
        }
    }

    @Test
    void aRequestWithoutATokenIsStillUnauthorized() {
        given().get(PROTECTED)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("type", equalTo("urn:taskforce:problem:unauthorized"));
    }

    static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort(); // free once closed: nothing listens there
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
