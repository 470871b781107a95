package eu.taskforce.platform.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import eu.taskforce.common.logging.SecretRedaction;
import eu.taskforce.platform.json.OversizedContainerException;
import io.quarkus.oidc.OIDCException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Maps every exception that reaches the REST layer to an RFC 9457 problem+json response: the client's mistakes
 * to a 4xx with a detail it can act on, and nothing else to more than a generic 500 (the cause is logged here,
 * never sent).
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    static final String BEARER_CHALLENGE = "Bearer realm=\"taskforce\"";
    /** A problem lists at most this many field errors (its detail gives their number): its size is bounded too. */
    static final int MAX_LISTED_ERRORS = 20;

    @ServerExceptionMapper
    public Response problem(ProblemException e, UriInfo uri) {
        return respond(new Problem(e.type(), e.title(), e.status(), e.getMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        int count = e.getConstraintViolations().size();
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field).thenComparing(Problem.FieldError::message))
                .limit(MAX_LISTED_ERRORS)
                .toList();
        String detail = count == 1 ? "1 field is invalid" : count + " fields are invalid";
        if (count > errors.size()) {
            detail += " (the first " + errors.size() + " are listed)";
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, detail, path(uri),
                errors));
    }

    @ServerExceptionMapper
    public Response oversizedContainer(OversizedContainerException e, UriInfo uri) {
        // the list's own deserializer may have added the index of the entry it was reading: the field is the list
        List<JsonMappingException.Reference> refs = e.getPath();
        String field = jsonPath(refs.isEmpty() || refs.get(refs.size() - 1).getFieldName() != null
                ? refs : refs.subList(0, refs.size() - 1));
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, "1 field is invalid",
                path(uri), List.of(new Problem.FieldError(field, e.getOriginalMessage()))));
    }

    /** The JSON parser stopped at one of its limits (platform/json/JsonLimits): too deep, a string or the body too long. */
    private Response jsonLimit(StreamConstraintsException e, String field, UriInfo uri) {
        // "... exceeds the maximum allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)": keep the figures
        String detail = "The request body exceeds a limit: "
                + e.getOriginalMessage().replaceAll(",? ?from `StreamReadConstraints[^`]*`", "");
        if (e.getOriginalMessage().startsWith("Document length")) {
            return respond(new Problem(Problem.TYPE_PREFIX + "payload-too-large", "Payload Too Large", 413, detail,
                    path(uri), null));
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "json-limit", "Request body over a limit", 400, detail,
                path(uri), field == null ? null : List.of(new Problem.FieldError(field, detail))));
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                "The request body is not valid JSON: " + e.getOriginalMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response invalidValue(InvalidFormatException e, UriInfo uri) {
        return mismatchedJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e, UriInfo uri) {
        String field = jsonPath(e);
        String message = e.getTargetType() != null && e.getTargetType().isEnum()
                ? "must be one of " + Arrays.stream(e.getTargetType().getEnumConstants()).map(Object::toString)
                .collect(Collectors.joining(", "))
                : "has the wrong type" + (e.getTargetType() == null ? "" : ": " + simpleType(e.getTargetType()) + " expected");
        return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400,
                "1 field is invalid", path(uri), List.of(new Problem.FieldError(field, message))));
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        if (e instanceof StreamConstraintsException limit) {
            return jsonLimit(limit, null, uri);
        }
        if (e.getCause() instanceof StreamConstraintsException limit) {
            return jsonLimit(limit, e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                    ? jsonPath(mapping) : null, uri);
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400,
                    "1 field is invalid", path(uri), List.of(new Problem.FieldError(jsonPath(mapping),
                    mapping.getOriginalMessage()))));
        }
        return respond(new Problem(Problem.TYPE_PREFIX + "malformed-json", "Malformed JSON", 400,
                "The request body cannot be read: " + e.getOriginalMessage(), path(uri), null));
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated("A bearer token is required", null, uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        if (Failures.identityProviderUnreachable(e)) {
            return identityProviderUnavailable(e, uri);
        }
        return unauthenticated("The bearer token is invalid or expired", "invalid_token", uri);
    }

    @ServerExceptionMapper
    public Response identityProviderAway(OIDCException e, UriInfo uri) {
        return identityProviderUnavailable(e, uri);
    }

    private Response identityProviderUnavailable(Exception e, UriInfo uri) {
        LOG.warnf("Identity provider unavailable: %s", e.getMessage());
        return Response.status(503).header(HttpHeaders.RETRY_AFTER, "5")
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "identity-provider-unavailable", "Service unavailable", 503,
                        "The identity provider cannot be reached to check the token; try again shortly", path(uri),
                        null))
                .build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_PREFIX + "forbidden", "Forbidden", 403,
                "Your role does not allow this action", path(uri), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json
                && (json instanceof StreamConstraintsException || json.getCause() instanceof StreamConstraintsException)) {
            // Quarkus REST's JSON reader wraps what Jackson refused in a 400: a parser limit is said as such
            return unreadableJson(json, uri);
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
        }
        Response.StatusType statusInfo = Response.Status.fromStatusCode(status);
        String title = statusInfo == null ? "HTTP " + status : statusInfo.getReasonPhrase();
        String detail = status >= 500 || e.getMessage() == null || e.getMessage().startsWith("HTTP ")
                ? defaultDetail(status) : e.getMessage();
        Response.ResponseBuilder response = Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + slug(title), title, status, detail, path(uri), null));
        // keep the headers the exception carries (Allow on a 405, for example)
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(v -> response.header(name, v));
            }
        });
        return response.build();
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response unexpected(Exception e, UriInfo uri) {
        if (Failures.concurrentChange(e)) {
            // two requests raced (two principals at once, the same record changed twice): the database kept one
            // only the kind of conflict: a unique violation's message quotes the duplicate value (an account name, say)
            LOG.infof("Concurrent change refused on %s: %s", loggedPath(uri),
                    Objects.requireNonNullElse(Failures.sqlState(e, "23505"), e.getClass().getSimpleName()));
            return respond(new Problem(Problem.TYPE_PREFIX + "conflict", "Conflict with the current state", 409,
                    "Another change to the same record was made at the same time; read it again and retry",
                    path(uri), null));
        }
        String connectionLost = Failures.databaseUnavailable(e);
        if (connectionLost != null) {
            // the database restarted or the connection broke: the pool drops that connection, and the same request
            // a moment later is served (a write with the same Idempotency-Key is never done twice)
            LOG.warnf("Database unavailable on %s: SQL state %s", loggedPath(uri), connectionLost);
            return Response.status(503).header(HttpHeaders.RETRY_AFTER, "1").type(Problem.MEDIA_TYPE)
                    .entity(new Problem(Problem.TYPE_PREFIX + "unavailable", "Service unavailable", 503,
                            "The service lost its database connection; retry in a moment (a write with the same "
                                    + "Idempotency-Key, so that it is done once)", path(uri), null))
                    .build();
        }
        String dataException = Failures.valueRefused(e);
        if (dataException != null) {
            // PostgreSQL refused a value of the request (a NUL character, a number or time out of its range): the
            // client's to correct. Only the SQL state is logged: the database's message may quote the value.
            LOG.infof("Value refused by the database on %s: SQL state %s", loggedPath(uri), dataException);
            return respond(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400,
                    "A value of the request cannot be stored or compared (a NUL character, or a number or time out of "
                            + "range)", path(uri), null));
        }
        LOG.error("Unexpected error on " + loggedPath(uri), e);
        return respond(new Problem(Problem.TYPE_PREFIX + "internal", "Internal server error", 500,
                "The service failed to answer; the failure has been logged", path(uri), null));
    }

    private static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "The request cannot be read; check that the body is valid JSON of the documented shape";
            case 404 -> "Nothing exists at this path";
            case 405 -> "This method is not allowed on this path";
            case 406 -> "This resource is available as application/json only";
            case 415 -> "The request body must be application/json";
            case 413 -> "The request body is too large";
            default -> null;
        };
    }

    static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private Response unauthenticated(String detail, String error, UriInfo uri) {
        String challenge = error == null ? BEARER_CHALLENGE : BEARER_CHALLENGE + ", error=\"" + error + "\"";
        return Response.status(401).header(HttpHeaders.WWW_AUTHENTICATE, challenge).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "unauthorized", "Unauthorized", 401, detail, path(uri),
                        null))
                .build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.body.name" -> "name": drop the method and parameter nodes, keep the bean path
        StringBuilder name = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.METHOD || node.getKind() == ElementKind.RETURN_VALUE) {
                continue;
            }
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
                continue;
            }
            // a node inside a list or map carries the index (or key) of its place in the container before it:
            // items[0].title, attendingOrganisations[1]
            Object place = node.getIndex() != null ? node.getIndex() : node.getKey();
            if (node.isInIterable() && place != null && !name.isEmpty()) {
                name.append('[').append(place).append(']');
            }
            if (node.getName() == null || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (!name.isEmpty()) {
                name.append('.');
            }
            name.append(node.getName());
        }
        return name.isEmpty() ? (parameter == null ? "request" : parameter) : name.toString();
    }

    private static String jsonPath(JsonMappingException e) {
        return jsonPath(e.getPath());
    }

    private static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (!path.isEmpty()) {
                    path.append('.');
                }
                path.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static String simpleType(Class<?> type) {
        if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == String.class || type.getName().startsWith("java.time") || type == java.util.UUID.class) {
            return "string";
        }
        return "object";
    }

    private static String slug(String title) {
        return title.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getPath();
    }

    /** The path for a log line: a credential in it (a personal calendar feed's token) is redacted. */
    private static String loggedPath(UriInfo uri) {
        return SecretRedaction.path(path(uri));
    }
}
