package eu.taskforce.gateway.security;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;

/**
 * Why a bearer token was rejected, in words a client can act on. quarkus-oidc decides (issuer, signature, expiry,
 * audience); this only reads the token's unverified claims to name the reason, in the order a client should fix
 * them. A forged token is named by its claims too: it is rejected either way, and its claims tell nothing secret.
 */
public record TokenRejection(String error, String detail) {

    static final TokenRejection MISSING = new TokenRejection(null, "A bearer token is required");

    /**
     * @param authorization the Authorization header of the rejected request
     * @param issuer        the issuer this gateway trusts
     * @param audience      the audience that tokens must carry
     */
    public static TokenRejection of(String authorization, String issuer, String audience, Instant now) {
        Optional<JsonObject> claims = claims(authorization);
        if (claims.isEmpty()) {
            return invalid("The bearer token is malformed: it is not a signed JWT");
        }
        JsonObject token = claims.get();
        if (!issuer.equals(token.getValue("iss"))) {
            return invalid("The bearer token was not issued by this platform's identity provider (issuer "
                    + issuer + ")");
        }
        Object exp = token.getValue("exp");
        if (exp instanceof Number seconds && !Instant.ofEpochSecond(seconds.longValue()).isAfter(now)) {
            return invalid("The bearer token has expired; get a new one");
        }
        if (!hasAudience(token.getValue("aud"), audience)) {
            return invalid("The bearer token is not meant for this API: its audience must include " + audience);
        }
        return invalid("The bearer token's signature or claims cannot be verified");
    }

    /** The WWW-Authenticate challenge (RFC 6750): no error code when no token was sent at all. */
    public String challenge(String realm) {
        String challenge = "Bearer realm=\"" + realm + "\"";
        return error == null ? challenge
                : challenge + ", error=\"" + error + "\", error_description=\"" + detail.replace("\"", "'") + "\"";
    }

    private static TokenRejection invalid(String detail) {
        return new TokenRejection("invalid_token", detail);
    }

    private static boolean hasAudience(Object aud, String audience) {
        if (aud instanceof String single) {
            return single.equals(audience);
        }
        return aud instanceof JsonArray many && many.contains(audience);
    }

    private static Optional<JsonObject> claims(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return Optional.empty();
        }
        String[] parts = authorization.substring(7).trim().split("\\.", -1);
        if (parts.length != 3 || parts[2].isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new JsonObject(new String(Base64.getUrlDecoder().decode(parts[1]),
                    StandardCharsets.UTF_8)));
        } catch (RuntimeException notJson) {
            return Optional.empty();
        }
    }
}
