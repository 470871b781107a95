package eu.taskforce.gateway;

import io.restassured.RestAssured;
import io.smallrye.jwt.build.Jwt;
import org.eclipse.microprofile.config.ConfigProvider;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens: real ones from the realm's Keycloak (the demo users), and tokens signed with a key of the test's
 * own for the cases Keycloak will not issue quickly (expired, another issuer). smallrye-jwt-build comes with
 * quarkus-oidc.
 */
public final class Tokens {

    private record Issued(String token, Instant at) {
    }

    private static final Map<String, Issued> CACHE = new ConcurrentHashMap<>();
    private static final KeyPair OWN_KEY = rsa();

    private Tokens() {
    }

    public static String issuer() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class);
    }

    /** An access token of the portal client (audience taskforce-api). */
    public static String access(String user) {
        return fromKeycloak("taskforce-portal", user, "access_token");
    }

    /** The ID token of the portal client: signed by the realm, but its audience is the portal, not the API. */
    public static String idToken(String user) {
        return fromKeycloak("taskforce-portal", user, "id_token");
    }

    /** An access token of Keycloak's built-in admin-cli client, which has no audience mapper: no taskforce-api. */
    public static String withoutApiAudience(String user) {
        return fromKeycloak("admin-cli", user, "access_token");
    }

    private static String fromKeycloak(String client, String user, String kind) {
        String key = client + "/" + user + "/" + kind;
        Issued cached = CACHE.get(key);
        // realm tokens live 300 s
        if (cached != null && cached.at().isAfter(Instant.now().minusSeconds(200))) {
            return cached.token();
        }
        String token = RestAssured.given()
                .formParam("grant_type", "password")
                .formParam("client_id", client)
                .formParam("username", user)
                .formParam("password", user + "-demo")
                .formParam("scope", "openid")
                .post(issuer() + "/protocol/openid-connect/token")
                .then().statusCode(200)
                .extract().path(kind);
        CACHE.put(key, new Issued(token, Instant.now()));
        return token;
    }

    /** A token with the right claims but signed with the test's own key, which the realm does not know. */
    public static String signedByOwnKey(String issuer, Instant expiresAt) {
        return Jwt.issuer(issuer)
                .audience("taskforce-api")
                .subject("forged-subject")
                .claim("realm_access", Map.of("roles", java.util.List.of("ai-office")))
                .issuedAt(expiresAt.minusSeconds(300))
                .expiresAt(expiresAt)
                .jws().keyId("test-own-key")
                .sign(OWN_KEY.getPrivate());
    }

    private static KeyPair rsa() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
