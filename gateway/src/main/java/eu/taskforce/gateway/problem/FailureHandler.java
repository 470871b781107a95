package eu.taskforce.gateway.problem;

import eu.taskforce.common.problem.ProblemJson;
import eu.taskforce.gateway.security.Callers;
import eu.taskforce.gateway.security.TokenRejection;
import eu.taskforce.common.logging.SecretRedaction;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.ConnectException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Every failure that reaches the router becomes problem+json: a rejected token (401 with a reason and a
 * WWW-Authenticate challenge), the identity provider out of reach (503), anything else (its status, or 500 with the
 * cause in the log only).
 */
@ApplicationScoped
public class FailureHandler {

    private static final Logger LOG = Logger.getLogger(FailureHandler.class);

    private final String issuer;
    private final String audience;

    public FailureHandler(@ConfigProperty(name = "quarkus.oidc.auth-server-url") String authServerUrl,
                          @ConfigProperty(name = "quarkus.oidc.token.issuer") Optional<String> issuer,
                          @ConfigProperty(name = "quarkus.oidc.token.audience") List<String> audience) {
        // Keycloak's issuer is the realm's address, which is what auth-server-url names
        this.issuer = issuer.orElse(authServerUrl);
        this.audience = audience.get(0);
    }

    void register(@Observes Router router) {
        router.route().order(-1).failureHandler(this::handle);
    }

    void handle(RoutingContext context) {
        Throwable failure = context.failure();
        if (failure != null && identityProviderUnreachable(failure)) {
            LOG.warnf("Identity provider unavailable: %s", failure.getMessage());
            context.response().putHeader("Retry-After", "5");
            ProblemJson.send(context, 503, "identity-provider-unavailable", "Service unavailable",
                    "The identity provider cannot be reached to check the token; try again shortly");
        } else if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            TokenRejection rejection = TokenRejection.of(context.request().getHeader("Authorization"), issuer,
                    audience, Instant.now());
            LOG.debugf("Token rejected: %s", rejection.detail());
            context.response().putHeader("WWW-Authenticate", rejection.challenge(Callers.REALM));
            ProblemJson.send(context, 401, "unauthorized", "Unauthorized", rejection.detail());
        } else if (failure == null && context.statusCode() >= 400 && context.statusCode() < 500) {
            ProblemJson.send(context, context.statusCode(), "http-" + context.statusCode(),
                    io.netty.handler.codec.http.HttpResponseStatus.valueOf(context.statusCode()).reasonPhrase(), null);
        } else {
            LOG.errorf(failure, "Request failed: %s %s", context.request().method(),
                    SecretRedaction.path(context.request().path()));
            ProblemJson.send(context, 500, "internal", "Internal server error",
                    "The gateway failed to answer; the failure is logged with this request's X-Request-Id");
        }
    }

    private static boolean identityProviderUnreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof OIDCException || t instanceof ConnectException
                    || t.getClass().getName().contains("ConnectTimeout")) {
                return true;
            }
        }
        return false;
    }
}
