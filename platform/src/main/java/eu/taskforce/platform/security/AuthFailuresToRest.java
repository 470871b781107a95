package eu.taskforce.platform.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.HttpSecurityRecorder.DefaultAuthFailureHandler;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.function.BiConsumer;

/**
 * Hands an authentication failure to the REST layer, whose exception mappers answer it with problem+json
 * ({@code ProblemMappers}): what Quarkus REST's own filter (priority 199) does too, but without its cost. With metrics
 * or tracing present, that filter replaces Quarkus's default failure handler on every request and, before it does,
 * builds a new matcher of every resource class to find the request's URL template, in case authentication fails
 * before the request reaches REST. Authentication is not proactive here ({@code quarkus.http.auth.proactive=false}):
 * it runs inside REST, after REST has found the template itself. That matcher was 12 % of transparency-service's CPU
 * on a public list and 6 % of membership-service's on an authenticated read (bench/README.md).
 *
 * <p>The filter runs at the authentication filter's priority, registered after it, so after it and before Quarkus
 * REST's, which leaves a failure handler other than Quarkus's default alone. Once the request is in REST, the handler
 * is taken away again, as Quarkus REST does with its own: REST's exception mappers answer the failures that happen
 * there, and the handler would answer them a second time.
 */
@ApplicationScoped
public class AuthFailuresToRest {

    /** Quarkus's authentication filter's; routes of the same order run in the order they were registered. */
    static final int PRIORITY = 200;

    static final BiConsumer<RoutingContext, Throwable> FAIL_TO_REST = (context, failure) -> {
        DefaultAuthFailureHandler.markIfOtherAuthenticationFailure(context, failure);
        if (!context.failed()) {
            context.fail(DefaultAuthFailureHandler.extractRootCause(failure));
        }
    };

    void register(@Observes Filters filters) {
        filters.register(AuthFailuresToRest::failToRest, PRIORITY);
    }

    static void failToRest(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) instanceof DefaultAuthFailureHandler) {
            context.put(QuarkusHttpUser.AUTH_FAILURE_HANDLER, FAIL_TO_REST);
        }
        context.next();
    }

    @ServerRequestFilter(preMatching = true)
    public void inRest(RoutingContext context) {
        if (context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER) == FAIL_TO_REST) {
            context.remove(QuarkusHttpUser.AUTH_FAILURE_HANDLER);
        }
    }
}
