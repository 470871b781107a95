package eu.taskforce.gateway.personaldata;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Iterator;
import java.util.List;

/**
 * The gateway's own operations ({@link PersonalDataRoutes}) in the merged OpenAPI document, beside the services'. The
 * export's parts take the schema of each service's own {@code GET .../me/personal-data} answer when that service's
 * document is in the merge.
 */
@ApplicationScoped
public class PersonalDataOpenApi {

    static final String TAG = "Personal data";
    static final String FAILURE = "GatewayPersonalDataFailure";

    private final ObjectMapper mapper;
    private final PersonalDataRoutes routes;

    public PersonalDataOpenApi(ObjectMapper mapper, PersonalDataRoutes routes) {
        this.mapper = mapper;
        this.routes = routes;
    }

    public void addTo(ObjectNode merged) {
        ObjectNode components = merged.with("components");
        String scheme = securityScheme(components);
        schemas(components);
        ObjectNode paths = merged.with("paths");

        ObjectNode mine = paths.putObject(PersonalDataRoutes.MINE);
        ObjectNode export = operation(mine.putObject("get"), scheme, "gatewayExportMyPersonalData",
                "Export the personal data every service holds about my account",
                "Any signed-in caller. The gateway asks each service (" + String.join(", ", routes.services())
                        + ") with the caller's own token for what it holds about the token's account, and answers"
                        + " with each service's export under the service's name, as the service gave it. Each list"
                        + " in a part holds at most 200 entries (see the part's `truncated`). If any service fails,"
                        + " the answer is a problem naming it: never a partial export.");
        ObjectNode parts = mapper.createObjectNode();
        ArrayNode required = mapper.createArrayNode();
        for (String service : routes.services()) {
            parts.set(service, partSchema(paths, service));
            required.add(service);
        }
        ObjectNode whole = mapper.createObjectNode().put("type", "object");
        whole.put("description", "Each service's export, under the service's name");
        whole.set("required", required);
        whole.set("properties", parts);
        whole.put("additionalProperties", false);
        export.with("responses").putObject("200").put("description", "Every service's export")
                .putObject("content").putObject("application/json").set("schema", whole);
        failures(export, "No export: the services named in failedServices did not answer");

        ObjectNode erase = operation(mine.putObject("delete"), scheme, "gatewayEraseMyPersonalData",
                "Erase the personal data every service holds about my account",
                "Any signed-in caller: the gateway asks each service (" + String.join(", ", routes.services())
                        + ") to erase what it holds about the token's account (each service's own"
                        + " `DELETE .../me/personal-data` says what that means there). 204 when every one erased. If"
                        + " one failed, the problem names it; the others did erase, and since erasure is idempotent"
                        + " the client repeats the whole request.");
        erase.with("responses").putObject("204").put("description", "Erased in every service (or nothing was held)");
        failures(erase, "Not erased everywhere: the services named in failedServices failed; repeat the request");

        ObjectNode named = operation(paths.putObject(PersonalDataRoutes.ERASURES).putObject("post"), scheme,
                "gatewayEraseNamedAccount", "Erase the personal data of a named account in every service (AI Office)",
                "AI Office only (realm role ai-office), checked by the gateway before any service is called, as is the"
                        + " body. Each service erases what its rows hold about the account name, and what it can link"
                        + " to it (each service's own `POST .../personal-data/erasures` says what a name reaches"
                        + " there). 204 when every one erased; otherwise a problem naming what failed: repeat it.");
        ObjectNode body = named.putObject("requestBody").put("required", true);
        ObjectNode schema = body.putObject("content").putObject("application/json").putObject("schema")
                .put("type", "object");
        schema.putArray("required").add("username");
        schema.putObject("properties").putObject("username").put("type", "string").put("minLength", 1)
                .put("maxLength", PersonalDataRoutes.MAX_USERNAME).put("pattern", "^[A-Za-z0-9._@-]+$")
                .put("description", "The identity-provider account (preferred_username)").put("example", "expert");
        ObjectNode responses = named.with("responses");
        responses.putObject("204").put("description", "Erased in every service (or nothing was held)");
        problem(responses, "400", "The body is not a JSON object, or the username is missing, longer than 100"
                + " characters or holds other characters than letters, digits and . _ @ -");
        problem(responses, "403", "Not the AI Office");
        responses.putObject("413").put("$ref", "#/components/responses/GatewayContentTooLarge");
        failures(named, "Not erased everywhere: the services named in failedServices failed; repeat the request");

        ArrayNode tags = merged.has("tags") ? (ArrayNode) merged.get("tags") : merged.putArray("tags");
        boolean tagged = false;
        for (JsonNode tag : tags) {
            tagged |= TAG.equals(tag.path("name").asText());
        }
        if (!tagged) {
            tags.addObject().put("name", TAG).put("description", "A person's own data: export and erasure");
        }
    }

    private ObjectNode operation(ObjectNode operation, String scheme, String id, String summary, String description) {
        operation.putArray("tags").add(TAG);
        operation.put("operationId", id).put("summary", summary).put("description", description);
        operation.putArray("security").addObject().putArray(scheme);
        ObjectNode responses = operation.putObject("responses");
        responses.putObject("401").put("$ref", "#/components/responses/GatewayUnauthorized");
        responses.putObject("429").put("$ref", "#/components/responses/GatewayTooManyRequests");
        return operation;
    }

    private void failures(ObjectNode operation, String what) {
        ObjectNode responses = operation.with("responses");
        for (String status : List.of("502", "503")) {
            ObjectNode response = responses.putObject(status);
            response.put("description", ("502".equals(status) ? "A service could not be reached, timed out or"
                    + " answered an error. " : "A service is failing for now (its circuit is open, or it answered"
                    + " 503; see Retry-After). ") + what);
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/" + FAILURE);
        }
    }

    private static void problem(ObjectNode responses, String status, String description) {
        ObjectNode response = responses.putObject(status).put("description", description);
        response.putObject("content").putObject("application/problem+json").putObject("schema")
                .put("$ref", "#/components/schemas/Problem");
    }

    /** The schema of the service's own export answer, when its document is in the merge. */
    private JsonNode partSchema(ObjectNode paths, String service) {
        for (Iterator<String> names = paths.fieldNames(); names.hasNext(); ) {
            String path = names.next();
            if (path.endsWith("/me/personal-data") && !path.equals(PersonalDataRoutes.MINE)
                    && path.startsWith("/api/v1/" + service + "/")) {
                JsonNode schema = paths.path(path).path("get").path("responses").path("200").path("content")
                        .path("application/json").path("schema");
                if (!schema.isMissingNode()) {
                    return schema.deepCopy();
                }
            }
        }
        return mapper.createObjectNode().put("type", "object")
                .put("description", "The " + service + " service's export (its document is not available now)");
    }

    private void schemas(ObjectNode components) {
        ObjectNode failure = components.with("schemas").putObject(FAILURE);
        failure.put("description", "A problem (RFC 9457) that also names which services failed");
        ArrayNode allOf = failure.putArray("allOf");
        allOf.addObject().put("$ref", "#/components/schemas/Problem");
        ObjectNode properties = allOf.addObject().put("type", "object").putObject("properties");
        properties.putObject("failedServices").put("type", "array").put("maxItems", routes.services().size())
                .putObject("items").put("type", "string");
        properties.putObject("services").put("type", "object")
                .put("description", "Each service called, OK or FAILED")
                .putObject("additionalProperties").put("type", "string").putArray("enum").add("OK").add("FAILED");
    }

    /** The merged document's bearer scheme (the services call theirs SecurityScheme), or one of the gateway's own. */
    private static String securityScheme(ObjectNode components) {
        ObjectNode schemes = components.with("securitySchemes");
        if (schemes.has("SecurityScheme")) {
            return "SecurityScheme";
        }
        Iterator<String> names = schemes.fieldNames();
        if (names.hasNext()) {
            return names.next();
        }
        schemes.putObject("GatewayBearer").put("type", "http").put("scheme", "bearer").put("bearerFormat", "JWT");
        return "GatewayBearer";
    }
}
