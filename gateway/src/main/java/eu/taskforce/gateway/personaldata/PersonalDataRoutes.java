package eu.taskforce.gateway.personaldata;

import eu.taskforce.common.problem.ProblemJson;
import eu.taskforce.gateway.ratelimit.RateLimiter;
import eu.taskforce.gateway.routing.Instance;
import eu.taskforce.gateway.routing.Routes;
import eu.taskforce.gateway.routing.Upstream;
import eu.taskforce.gateway.security.Callers;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * A person's rights over their personal data, in one call for the whole platform: the gateway fans the call out, with
 * the caller's own bearer token, to every service that holds personal data (membership, meetings, guidance,
 * notifications; each checks the token and the role again) and answers only when every one has answered.
 * <ul>
 *     <li>{@code GET /api/v1/me/personal-data}: 200 with each service's export under its name, or a problem naming
 *     the services that failed; never a partial export presented as whole.</li>
 *     <li>{@code DELETE /api/v1/me/personal-data}: the caller's own erasure in every service; 204 when every service
 *     erased, else a problem naming what failed (erasure is idempotent, so the client simply retries).</li>
 *     <li>{@code POST /api/v1/personal-data/erasures} {@code {"username"}}: the AI Office erases a named account in
 *     every service. The gateway checks the role and the body itself first, so that a refused or malformed request
 *     reaches no service and no erasure is half done because of it.</li>
 * </ul>
 * The services are called in parallel over the routes' pools, through their circuit breakers.
 */
@ApplicationScoped
public class PersonalDataRoutes {

    public static final String MINE = "/api/v1/me/personal-data";
    public static final String ERASURES = "/api/v1/personal-data/erasures";
    static final String AI_OFFICE = "ai-office";
    /** The erasure body is one short account name: anything larger is not one. */
    static final int MAX_BODY = 1024;
    static final int MAX_USERNAME = 100;
    static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._@-]+");
    /** A service's export is bounded by the service (200 entries per list); this bounds what the gateway holds. */
    static final int MAX_ANSWER = 32 * 1024 * 1024;
    private static final Logger LOG = Logger.getLogger(PersonalDataRoutes.class);

    private final Routes routes;
    private final RateLimiter rateLimiter;
    private final Callers callers;
    private final List<String> services;

    public PersonalDataRoutes(Routes routes, RateLimiter rateLimiter, Callers callers) {
        this.routes = routes;
        this.rateLimiter = rateLimiter;
        this.callers = callers;
        this.services = List.copyOf(routes.config().personalData().routes());
    }

    void register(@Observes Router router) {
        for (String path : List.of(MINE, ERASURES)) {
            router.route(path).handler(callers::requireToken);
            router.route(path).handler(this::rateLimit);
        }
        router.get(MINE).handler(context -> fanOut(context, HttpMethod.GET, "/me/personal-data", null));
        router.delete(MINE).handler(context -> fanOut(context, HttpMethod.DELETE, "/me/personal-data", null));
        router.route(MINE).handler(context -> notAllowed(context, "GET, DELETE"));
        router.post(ERASURES).handler(this::requireAiOffice);
        router.post(ERASURES).handler(PersonalDataRoutes::bodySize);
        router.post(ERASURES).handler(BodyHandler.create(false).setBodyLimit(MAX_BODY));
        router.post(ERASURES).handler(this::erasure);
        router.route(ERASURES).handler(context -> notAllowed(context, "POST"));
        LOG.infof("Personal data routes %s and %s fan out to %s", MINE, ERASURES, services);
    }

    private void erasure(RoutingContext context) {
        String username;
        try {
            JsonObject body = context.body().asJsonObject();
            Object value = body == null ? null : body.getValue("username");
            username = value instanceof String text ? text : null;
        } catch (RuntimeException notAnObject) { // DecodeException, or a JSON value that is not an object
            ProblemJson.send(context, 400, "bad-request", "Bad request", "The body must be a JSON object");
            return;
        }
        String invalid = username == null || username.isBlank() ? "must not be blank"
                : username.length() > MAX_USERNAME ? "size must be between 0 and " + MAX_USERNAME
                : !USERNAME.matcher(username).matches() ? "may hold letters, digits and . _ @ - only" : null;
        if (invalid != null) {
            JsonObject problem = problem(400, "validation", "Invalid request", "1 field is invalid", context)
                    .put("errors", new JsonArray().add(new JsonObject().put("field", "username").put("message", invalid)));
            send(context, 400, problem);
            return;
        }
        fanOut(context, HttpMethod.POST, "/personal-data/erasures",
                new JsonObject().put("username", username).toBuffer());
    }

    /** One service's part of the answer: its status and body, or why it has none. */
    record Answer(String service, int status, Buffer body, String failure, boolean unavailable) {

        boolean succeeded(HttpMethod method) {
            return failure == null && (method == HttpMethod.GET ? status == 200 : status >= 200 && status < 300);
        }

        String describe() {
            return failure != null ? service + " " + failure : service + " answered " + status;
        }
    }

    private void fanOut(RoutingContext context, HttpMethod method, String suffix, Buffer body) {
        List<Future<Answer>> calls = new ArrayList<>();
        for (String service : services) {
            calls.add(call(context, service, method, suffix, body));
        }
        Future.join(calls).onComplete(done -> {
            if (context.response().closed()) {
                return;
            }
            List<Answer> answers = calls.stream().map(Future::result).toList();
            List<Answer> failed = answers.stream().filter(answer -> !answer.succeeded(method)).toList();
            if (failed.isEmpty()) {
                succeed(context, method, answers);
            } else {
                fail(context, method, answers, failed);
            }
        });
    }

    private void succeed(RoutingContext context, HttpMethod method, List<Answer> answers) {
        if (method != HttpMethod.GET) {
            context.response().setStatusCode(204).putHeader("Cache-Control", "no-store").end();
            return;
        }
        JsonObject export = new JsonObject();
        for (Answer answer : answers) {
            try {
                export.put(answer.service(), answer.body().toJsonObject());
            } catch (DecodeException | ClassCastException notJson) {
                fail(context, method, answers, List.of(new Answer(answer.service(), answer.status(), null,
                        "answered something other than a JSON object", false)));
                return;
            }
        }
        context.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store").end(export.toBuffer());
    }

    /**
     * A problem naming the services that failed. 503 when each of them is only unavailable for now (circuit open or a
     * 503 of its own), 502 otherwise. No part of an export is sent: it would look whole.
     */
    private void fail(RoutingContext context, HttpMethod method, List<Answer> answers, List<Answer> failed) {
        boolean unavailable = failed.stream().allMatch(Answer::unavailable);
        int status = unavailable ? 503 : 502;
        List<String> names = failed.stream().map(Answer::service).toList();
        String what = method == HttpMethod.GET ? "No export is given, since it would not be whole."
                : "The services not named did erase; erasure is idempotent, so repeat the request.";
        JsonObject services = new JsonObject();
        answers.forEach(answer -> services.put(answer.service(), names.contains(answer.service()) ? "FAILED" : "OK"));
        JsonObject problem = problem(status, unavailable ? "upstream-unavailable" : "upstream-failed",
                unavailable ? "Service unavailable" : "Bad gateway",
                "Not every service answered: " + String.join("; ", failed.stream().map(Answer::describe).toList())
                        + ". " + what, context)
                .put("failedServices", new JsonArray(names))
                .put("services", services);
        if (unavailable) {
            context.response().putHeader("Retry-After", "10");
        }
        LOG.warnf("Personal data %s incomplete: %s", method, String.join("; ",
                failed.stream().map(Answer::describe).toList()));
        send(context, status, problem);
    }

    private Future<Answer> call(RoutingContext context, String service, HttpMethod method, String suffix, Buffer body) {
        Upstream upstream = routes.all().stream().filter(route -> route.name().equals(service)).findFirst()
                .orElse(null);
        if (upstream == null) {
            return Future.succeededFuture(new Answer(service, 0, null, "has no route", false));
        }
        Instance instance = upstream.acquire(null).orElse(null);
        if (instance == null) {
            return Future.succeededFuture(new Answer(service, 0, null, "is failing; not called for a moment", true));
        }
        RequestOptions options = new RequestOptions()
                .setMethod(method)
                .setHost(instance.host())
                .setPort(instance.port())
                .setSsl(instance.ssl())
                .setURI(upstream.prefix() + suffix)
                .setConnectTimeout(routes.config().upstreams().connectTimeout().toMillis())
                .setIdleTimeout(upstream.route().timeout().toMillis())
                .putHeader("Authorization", context.request().getHeader("Authorization"))
                .putHeader("Accept", "application/json");
        // traceparent: OpenTelemetry's client span adds its own (the caller's would make it a sibling, not a child)
        String requestId = context.request().getHeader("X-Request-Id");
        if (requestId != null) {
            options.putHeader("X-Request-Id", requestId);
        }
        if (body != null) {
            options.putHeader("Content-Type", "application/json");
        }
        return routes.client().request(options)
                .compose(request -> body == null ? request.send() : request.send(body))
                .compose(response -> read(response).map(read -> new Answer(service, response.statusCode(), read,
                        null, response.statusCode() == 503)))
                .transform(result -> {
                    if (result.succeeded()) {
                        int status = result.result().status();
                        if (status == 502 || status == 503 || status == 504) {
                            instance.breaker().onFailure();
                        } else {
                            instance.breaker().onSuccess();
                        }
                        return Future.succeededFuture(result.result());
                    }
                    instance.breaker().onFailure();
                    Throwable failure = result.cause();
                    String why = failure instanceof TimeoutException || String.valueOf(failure.getMessage())
                            .contains("timeout") ? "did not answer within " + upstream.route().timeout().toSeconds()
                            + " s" : "cannot be reached";
                    LOG.debugf("Personal data call to %s failed: %s", service, failure.getMessage());
                    return Future.succeededFuture(new Answer(service, 0, null, why, false));
                });
    }

    /** The whole answer, at most {@link #MAX_ANSWER} bytes. */
    private static Future<Buffer> read(HttpClientResponse response) {
        Promise<Buffer> read = Promise.promise();
        Buffer body = Buffer.buffer();
        response.handler(chunk -> {
            if (body.length() + chunk.length() > MAX_ANSWER) {
                read.tryFail("its answer is larger than " + MAX_ANSWER + " bytes");
                response.request().reset();
            } else {
                body.appendBuffer(chunk);
            }
        });
        response.exceptionHandler(read::tryFail);
        response.endHandler(ended -> read.tryComplete(body));
        return read.future();
    }

    private void requireAiOffice(RoutingContext context) {
        if (hasRealmRole(context, AI_OFFICE)) {
            context.next();
            return;
        }
        ProblemJson.send(context, 403, "forbidden", "Forbidden", "Only the AI Office erases the personal data of a named"
                + " account; erase your own with DELETE " + MINE);
    }

    private static void bodySize(RoutingContext context) {
        String length = context.request().getHeader("Content-Length");
        if (length != null && length.trim().matches("\\d{1,18}") && Long.parseLong(length.trim()) > MAX_BODY) {
            context.response().putHeader("Connection", "close").endHandler(ended -> context.request().connection().close());
            ProblemJson.send(context, 413, "payload-too-large", "Content too large",
                    "The request body is larger than " + MAX_BODY + " bytes");
            return;
        }
        context.next();
    }

    /** The realm role, from the verified token's realm_access claim (Keycloak's place for realm roles). */
    private static boolean hasRealmRole(RoutingContext context, String role) {
        if (!(context.user() instanceof QuarkusHttpUser user)) {
            return false;
        }
        SecurityIdentity identity = user.getSecurityIdentity();
        if (identity.isAnonymous()) {
            return false;
        }
        if (identity.hasRole(role)) {
            return true;
        }
        if (identity.getPrincipal() instanceof JsonWebToken token
                && token.getClaim("realm_access") instanceof jakarta.json.JsonObject access
                && access.get("roles") instanceof jakarta.json.JsonArray roles) {
            return roles.stream().anyMatch(value -> value instanceof jakarta.json.JsonString text
                    && role.equals(text.getString()));
        }
        return false;
    }

    private void rateLimit(RoutingContext context) {
        rateLimiter.apply(context, "default", callers.key(context), rejected -> { });
    }

    private static void notAllowed(RoutingContext context, String allowed) {
        context.response().putHeader("Allow", allowed);
        ProblemJson.send(context, 405, "method-not-allowed", "Method not allowed",
                "This path answers " + allowed + " only");
    }

    private static JsonObject problem(int status, String slug, String title, String detail, RoutingContext context) {
        return new JsonObject().put("type", ProblemJson.TYPE_PREFIX + slug).put("title", title).put("status", status)
                .put("detail", detail).put("instance", context.request().path());
    }

    private static void send(RoutingContext context, int status, JsonObject problem) {
        context.response().setStatusCode(status).putHeader("Content-Type", ProblemJson.MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store").end(problem.toBuffer());
    }

    /** For the OpenAPI document: the services, in the order their parts appear. */
    public List<String> services() {
        return services;
    }
}
