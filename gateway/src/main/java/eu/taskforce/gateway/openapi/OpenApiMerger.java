package eu.taskforce.gateway.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Merges the services' OpenAPI documents into the one document of the API as the gateway serves it: each service
 * contributes the paths under its route's prefix (nothing else is reachable through the gateway), its components and
 * tags. Components of the same name and the same shape (the platform's Problem, Page...) are kept once; a real
 * conflict (same name, other shape) is resolved by prefixing the later one with its service's name, and reported.
 * Every operation gets the gateway's own answers (429, 502, 503, 504; 401 where a token is needed).
 */
public final class OpenApiMerger {

    /** One service's document, or why it is missing; isPublic tells which of its paths need no token. */
    public record Source(String name, String prefix, Predicate<String> isPublic, JsonNode document, String status) {
    }

    static final List<String> COMPONENT_SECTIONS = List.of("schemas", "responses", "parameters", "examples",
            "requestBodies", "headers", "securitySchemes", "links", "callbacks", "pathItems");
    private static final Set<String> OPERATIONS = Set.of("get", "put", "post", "delete", "options", "head",
            "patch", "trace");
    /** Keys that document but do not change a component's shape. */
    private static final Set<String> DOCUMENTATION = Set.of("description", "summary", "title", "example", "examples",
            "externalDocs");

    /** The rate limit headers on every routed answer (draft-ietf-httpapi-ratelimit-headers, and its earlier triple). */
    static final Map<String, String> RATE_LIMIT_HEADERS = rateLimitHeaders();
    private static final Set<String> INTEGER_HEADERS = Set.of("RateLimit-Limit", "RateLimit-Remaining",
            "RateLimit-Reset", "Retry-After");

    private final ObjectMapper mapper;

    public OpenApiMerger(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public ObjectNode merge(List<Source> sources, String title, String serverUrl) {
        ObjectNode merged = mapper.createObjectNode();
        merged.put("openapi", version(sources));
        ObjectNode info = merged.putObject("info");
        info.put("title", title);
        info.put("version", "1.0.0");
        merged.putArray("servers").addObject().put("url", serverUrl);
        ArrayNode tags = mapper.createArrayNode();
        ObjectNode paths = merged.putObject("paths");
        ObjectNode components = mapper.createObjectNode();
        ArrayNode renamed = mapper.createArrayNode();
        ObjectNode status = mapper.createObjectNode();
        Set<String> operationIds = new HashSet<>();
        Set<String> tagNames = new HashSet<>();

        for (Source source : sources) {
            status.put(source.name(), source.status());
            if (source.document() == null || !source.document().isObject()) {
                continue;
            }
            ObjectNode document = source.document().deepCopy();
            Map<String, String> refs = new HashMap<>();
            Map<String, String> schemeNames = new HashMap<>();
            addComponents(source, document, components, refs, schemeNames, renamed);
            addPaths(source, document, paths, operationIds, schemeNames);
            for (JsonNode tag : document.path("tags")) {
                if (tagNames.add(tag.path("name").asText())) {
                    tags.add(tag);
                }
            }
        }
        gatewayComponents(components);

        List<String> mergedNames = sources.stream().filter(source -> source.document() != null).map(Source::name)
                .toList();
        List<String> missing = sources.stream().filter(source -> source.document() == null).map(Source::name)
                .toList();
        info.put("description", "The Signatory Taskforce API as served by the gateway, merged from the documents "
                + "of " + String.join(", ", mergedNames) + "."
                + (missing.isEmpty() ? "" : " Not available now: " + String.join(", ", missing) + ".")
                + " Every error is application/problem+json (RFC 9457). Routes other than /api/v1/public "
                + "need a bearer token from the identity provider; every route is rate limited per caller.");
        info.set("x-taskforce-sources", status);
        if (!renamed.isEmpty()) {
            info.set("x-taskforce-renamed-components", renamed);
        }
        if (!tags.isEmpty()) {
            merged.set("tags", tags);
        }
        merged.set("paths", sortedPaths(paths));
        merged.set("components", components);
        return merged;
    }

    private void addComponents(Source source, ObjectNode document, ObjectNode components, Map<String, String> refs,
                               Map<String, String> schemeNames, ArrayNode renamed) {
        JsonNode theirs = document.path("components");
        // Which of theirs conflict with ours: compared with the renames so far applied, until nothing changes (a
        // component that points to a renamed one differs too)
        Map<String, String> newNames = new LinkedHashMap<>();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String section : COMPONENT_SECTIONS) {
                JsonNode entries = theirs.path(section);
                JsonNode ours = components.path(section);
                for (Iterator<String> it = entries.fieldNames(); it.hasNext(); ) {
                    String name = it.next();
                    String ref = "#/components/" + section + "/" + name;
                    if (refs.containsKey(ref) || !ours.has(name)) {
                        continue;
                    }
                    JsonNode candidate = entries.get(name).deepCopy();
                    rewriteRefs(candidate, refs);
                    if (!shape(ours.get(name)).equals(shape(candidate))) {
                        String newName = uniqueName(ours, newNames, section, capitalised(source.name()) + name);
                        newNames.put(section + "/" + newName, name);
                        refs.put(ref, "#/components/" + section + "/" + newName);
                        if (section.equals("securitySchemes")) {
                            schemeNames.put(name, newName);
                        }
                        renamed.addObject().put("service", source.name()).put("section", section)
                                .put("name", name).put("renamedTo", newName);
                        changed = true;
                    }
                }
            }
        }
        rewriteRefs(document, refs);
        for (String section : COMPONENT_SECTIONS) {
            JsonNode entries = theirs.path(section);
            if (!entries.isObject()) {
                continue;
            }
            ObjectNode ours = components.has(section) ? (ObjectNode) components.get(section)
                    : components.putObject(section);
            for (Iterator<Map.Entry<String, JsonNode>> it = entries.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String ref = refs.get("#/components/" + section + "/" + entry.getKey());
                if (ref != null) {
                    ours.set(ref.substring(ref.lastIndexOf('/') + 1), entry.getValue());
                } else if (!ours.has(entry.getKey())) {
                    ours.set(entry.getKey(), entry.getValue());
                }
            }
        }
    }

    private void addPaths(Source source, ObjectNode document, ObjectNode paths, Set<String> operationIds,
                          Map<String, String> schemeNames) {
        JsonNode rootSecurity = document.path("security");
        for (Iterator<Map.Entry<String, JsonNode>> it = document.path("paths").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            String path = entry.getKey();
            if (!(path.equals(source.prefix()) || path.startsWith(source.prefix() + "/")) || paths.has(path)
                    || !entry.getValue().isObject()) {
                continue;
            }
            ObjectNode item = (ObjectNode) entry.getValue();
            for (Iterator<Map.Entry<String, JsonNode>> ops = item.fields(); ops.hasNext(); ) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (OPERATIONS.contains(op.getKey()) && op.getValue().isObject()) {
                    operation(source, (ObjectNode) op.getValue(), source.isPublic().test(path), rootSecurity, operationIds,
                            schemeNames);
                }
            }
            paths.set(path, item);
        }
    }

    private void operation(Source source, ObjectNode operation, boolean isPublic, JsonNode rootSecurity,
                           Set<String> operationIds, Map<String, String> schemeNames) {
        if (operation.hasNonNull("operationId") && !operationIds.add(operation.get("operationId").asText())) {
            String unique = source.name() + "_" + operation.get("operationId").asText();
            operation.put("operationId", unique);
            operationIds.add(unique);
        }
        if (!operation.has("security") && rootSecurity.isArray()) {
            // the merged document has no document-wide security: each operation says its own
            operation.set("security", rootSecurity.deepCopy());
        }
        if (operation.get("security") instanceof ArrayNode security) {
            for (JsonNode requirement : security) {
                if (requirement instanceof ObjectNode names) {
                    schemeNames.forEach((old, now) -> {
                        if (names.has(old)) {
                            names.set(now, names.remove(old));
                        }
                    });
                }
            }
        }
        ObjectNode responses = operation.has("responses") ? (ObjectNode) operation.get("responses")
                : operation.putObject("responses");
        if (!isPublic) {
            responses.putIfAbsent("401", ref("Unauthorized"));
        }
        responses.putIfAbsent("413", ref("ContentTooLarge"));
        responses.putIfAbsent("429", ref("TooManyRequests"));
        responses.putIfAbsent("502", ref("BadGateway"));
        responses.putIfAbsent("503", ref("ServiceUnavailable"));
        responses.putIfAbsent("504", ref("GatewayTimeout"));
        // every answer that the gateway routes carries the caller's rate limit
        responses.fields().forEachRemaining(entry -> {
            if (entry.getKey().startsWith("2") && entry.getValue() instanceof ObjectNode response
                    && !response.has("$ref")) {
                ObjectNode headers = response.has("headers") ? (ObjectNode) response.get("headers")
                        : response.putObject("headers");
                RATE_LIMIT_HEADERS.keySet().forEach(name -> headers.putIfAbsent(name, headerRef(name)));
            }
        });
    }

    private ObjectNode headerRef(String name) {
        return mapper.createObjectNode().put("$ref", "#/components/headers/" + name);
    }

    private ObjectNode ref(String response) {
        return mapper.createObjectNode().put("$ref", "#/components/responses/Gateway" + response);
    }

    /** The answers the gateway gives itself, all problem+json, and the Problem schema if no service had one. */
    private void gatewayComponents(ObjectNode components) {
        ObjectNode schemas = components.has("schemas") ? (ObjectNode) components.get("schemas")
                : components.putObject("schemas");
        if (!schemas.has("Problem")) {
            ObjectNode problem = schemas.putObject("Problem");
            problem.put("type", "object");
            problem.put("description", "RFC 9457 problem details, returned with every 4xx and 5xx response.");
            ObjectNode properties = problem.putObject("properties");
            for (String text : List.of("type", "title", "detail", "instance")) {
                properties.putObject(text).put("type", "string");
            }
            properties.putObject("status").put("type", "integer");
        }
        ObjectNode responses = components.has("responses") ? (ObjectNode) components.get("responses")
                : components.putObject("responses");
        Map<String, String> answers = new LinkedHashMap<>();
        answers.put("Unauthorized", "No bearer token, or one that is malformed, expired, signed by another issuer or "
                + "meant for another audience (see WWW-Authenticate)");
        answers.put("ContentTooLarge", "The request body is larger than the route accepts");
        answers.put("TooManyRequests", "The caller's rate limit is used up; Retry-After says when to try again");
        answers.put("BadGateway", "The service behind this path cannot be reached");
        answers.put("ServiceUnavailable", "The service behind this path is failing (its circuit is open, see "
                + "Retry-After), or the identity provider cannot be reached");
        answers.put("GatewayTimeout", "The service behind this path did not answer in time");
        ObjectNode headers = components.has("headers") ? (ObjectNode) components.get("headers")
                : components.putObject("headers");
        Map<String, String> gatewayHeaders = new LinkedHashMap<>(RATE_LIMIT_HEADERS);
        gatewayHeaders.put("Retry-After", "Seconds to wait before trying again");
        gatewayHeaders.put("WWW-Authenticate", "The bearer token challenge (RFC 6750), with error and error_description"
                + " when a token was refused");
        gatewayHeaders.forEach((name, description) -> {
            ObjectNode header = headers.putObject(name);
            header.put("description", description);
            // RateLimit and RateLimit-Policy are structured fields (text); the others are numbers of requests or seconds
            header.putObject("schema").put("type", INTEGER_HEADERS.contains(name) ? "integer" : "string");
        });
        answers.forEach((name, description) -> {
            ObjectNode response = responses.putObject("Gateway" + name);
            response.put("description", description);
            switch (name) {
                case "TooManyRequests", "ServiceUnavailable" ->
                        response.putObject("headers").set("Retry-After", headerRef("Retry-After"));
                case "Unauthorized" ->
                        response.putObject("headers").set("WWW-Authenticate", headerRef("WWW-Authenticate"));
                default -> {
                }
            }
            response.putObject("content").putObject("application/problem+json").putObject("schema")
                    .put("$ref", "#/components/schemas/Problem");
        });
    }

    private static Map<String, String> rateLimitHeaders() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("RateLimit", "The caller's remaining allowance: `\"default\";r=599;t=42` (requests left, seconds"
                + " until the window resets)");
        headers.put("RateLimit-Policy", "The caller's quota: `\"default\";q=600;w=60` (requests per window of seconds)");
        headers.put("RateLimit-Limit", "Requests allowed in the window");
        headers.put("RateLimit-Remaining", "Requests left in the window");
        headers.put("RateLimit-Reset", "Seconds until the window resets");
        return headers;
    }

    /** Rewrites every $ref that points to a renamed component. */
    private static void rewriteRefs(JsonNode node, Map<String, String> refs) {
        if (refs.isEmpty()) {
            return;
        }
        if (node instanceof ObjectNode object) {
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                JsonNode value = object.get(name);
                if (name.equals("$ref") && value.isTextual() && refs.containsKey(value.asText())) {
                    object.set(name, TextNode.valueOf(refs.get(value.asText())));
                } else {
                    rewriteRefs(value, refs);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(element -> rewriteRefs(element, refs));
        }
    }

    /** A component without its documentation, to tell a real conflict from the same shape described twice. */
    private static JsonNode shape(JsonNode node) {
        if (node instanceof ObjectNode object) {
            ObjectNode copy = object.objectNode();
            object.fields().forEachRemaining(field -> {
                if (!DOCUMENTATION.contains(field.getKey()) && !field.getKey().startsWith("x-")) {
                    copy.set(field.getKey(), shape(field.getValue()));
                }
            });
            return copy;
        }
        if (node instanceof ArrayNode array) {
            ArrayNode copy = array.arrayNode();
            array.forEach(element -> copy.add(shape(element)));
            return copy;
        }
        return node;
    }

    private ObjectNode sortedPaths(ObjectNode paths) {
        ObjectNode sorted = mapper.createObjectNode();
        List<String> names = new ArrayList<>();
        paths.fieldNames().forEachRemaining(names::add);
        names.stream().sorted().forEach(name -> sorted.set(name, paths.get(name)));
        return sorted;
    }

    private static String version(List<Source> sources) {
        return sources.stream().map(Source::document)
                .filter(document -> document != null && document.path("openapi").isTextual())
                .map(document -> document.get("openapi").asText())
                .max(OpenApiMerger::compareVersions).orElse("3.1.0");
    }

    private static int compareVersions(String a, String b) {
        String[] left = a.split("\\.");
        String[] right = b.split("\\.");
        for (int i = 0; i < Math.max(left.length, right.length); i++) {
            int l = i < left.length ? parse(left[i]) : 0;
            int r = i < right.length ? parse(right[i]) : 0;
            if (l != r) {
                return Integer.compare(l, r);
            }
        }
        return 0;
    }

    private static int parse(String number) {
        try {
            return Integer.parseInt(number.replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static String uniqueName(JsonNode ours, Map<String, String> taken, String section, String candidate) {
        String name = candidate;
        for (int i = 2; ours.has(name) || taken.containsKey(section + "/" + name); i++) {
            name = candidate + i;
        }
        return name;
    }

    private static String capitalised(String name) {
        StringBuilder out = new StringBuilder();
        for (String part : name.split("[^A-Za-z0-9]+")) {
            if (!part.isEmpty()) {
                out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
            }
        }
        return out.toString();
    }
}
