package eu.taskforce.gateway.security;

import eu.taskforce.common.problem.ProblemJson;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * Who is calling. quarkus-oidc verifies any bearer token before routing (issuer, signature, expiry, audience), so a
 * request that gets here with a token has a valid one.
 */
@ApplicationScoped
public class Callers {

    public static final String REALM = "taskforce";

    private final ClientAddress clientAddress;

    public Callers(ClientAddress clientAddress) {
        this.clientAddress = clientAddress;
    }

    /** The client's address ({@link ClientAddress}): what the rate limits and the services are told. */
    public String address(HttpServerRequest request) {
        return clientAddress.of(request);
    }

    /** A route that is not public: 401 with a challenge when no token came. */
    public void requireToken(RoutingContext context) {
        if (identity(context) != null) {
            context.next();
            return;
        }
        context.response().putHeader("WWW-Authenticate", TokenRejection.MISSING.challenge(REALM));
        ProblemJson.send(context, 401, "unauthorized", "Unauthorized", TokenRejection.MISSING.detail());
    }

    /**
     * The rate-limit key: the token's subject, or the client's address when anonymous: the connection's, or what a
     * trusted proxy says it is, never a forwarding header the client could set to anything.
     */
    public String key(RoutingContext context) {
        return keyOf(identity(context), address(context.request()));
    }

    /** The key of a signed-in caller ({@code identity}) or, when null, of the connection's {@code address}. */
    static String keyOf(SecurityIdentity identity, String address) {
        if (identity != null) {
            if (identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null) {
                return "sub:" + token.getSubject();
            }
            return "name:" + identity.getPrincipal().getName();
        }
        return "address:" + address;
    }

    private static SecurityIdentity identity(RoutingContext context) {
        if (context.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }
}
