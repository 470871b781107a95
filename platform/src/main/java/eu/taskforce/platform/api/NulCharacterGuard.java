package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;
import io.vertx.core.http.HttpServerRequest;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * PostgreSQL text cannot hold the NUL character, so a path or query parameter with one would fail in the database,
 * perhaps once a streamed answer has begun. It is refused before matching as a 400. A NUL can reach a URI only
 * percent-encoded ({@code %00}); one in a JSON body is refused by {@code ProblemMappers} when the database rejects it.
 */
public class NulCharacterGuard {

    @ServerRequestFilter(preMatching = true)
    public void refuseNul(HttpServerRequest request) {
        // the request target as the client sent it, still percent-encoded (read as it is: building the JAX-RS request
        // URI for this was a twentieth of a small read's CPU)
        if (request.uri().contains("%00")) {
            throw ProblemException.badRequest("The path and the query parameters must not contain the NUL character");
        }
    }
}
