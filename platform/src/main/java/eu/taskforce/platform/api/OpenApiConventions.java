package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemResponsesFilter;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.headers.Header;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What every service's OpenAPI document says the same way, so that a client generated from the merged document
 * works the first time (the problem+json errors are {@link ProblemResponsesFilter}'s part):
 * <ul>
 * <li>the operationIds of the platform's own endpoints (audit trail, personal data), which every service has, carry
 * the service's name, so that they stay unique across the suite;</li>
 * <li>an operation without a description takes its summary as one;</li>
 * <li>the response headers clients rely on: {@code ETag} where a version is read or written ({@code If-Match}
 * writes, their resource's read, conditional reads), {@code Link} on pages, {@code Location} on creates,
 * {@code Idempotent-Replayed} where an {@code Idempotency-Key} is accepted;</li>
 * <li>nullability: the services' JSON includes null values, so a property that a schema does not list as required
 * is declared nullable (OpenAPI 3.1: {@code "null"} among its types); strict clients then accept what is sent.</li>
 * </ul>
 */
public class OpenApiConventions implements OASFilter {

    /** The platform's endpoints in every service, and their operationIds with the service's name (%s). */
    private static final Map<String, String> SHARED_OPERATIONS = Map.of(
            "getAuditTrail", "get%sAuditTrail",
            "exportMyPersonalData", "exportMy%sPersonalData",
            "eraseMyPersonalData", "eraseMy%sPersonalData",
            "eraseNamedAccount", "erase%sNamedAccount");

    private final ProblemResponsesFilter problems = new ProblemResponsesFilter();

    @Override
    public Operation filterOperation(Operation operation) {
        problems.filterOperation(operation);
        if ((operation.getDescription() == null || operation.getDescription().isBlank())
                && operation.getSummary() != null) {
            operation.setDescription(operation.getSummary());
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        problems.filterOpenAPI(openAPI);
        addHeaderComponents(openAPI);
        if (openAPI.getPaths() != null && openAPI.getPaths().getPathItems() != null) {
            openAPI.getPaths().getPathItems().forEach(this::conventions);
        }
        if (openAPI.getComponents().getSchemas() != null) {
            openAPI.getComponents().getSchemas().values().forEach(OpenApiConventions::nullableUnlessRequired);
        }
    }

    private void conventions(String path, PathItem item) {
        if (item.getOperations() == null) {
            return;
        }
        // a path whose writes take If-Match: its read gives the version (ETag) that they need
        boolean versioned = item.getOperations().values().stream().anyMatch(op -> hasParameter(op, "If-Match"));
        item.getOperations().forEach((method, operation) -> {
            String shared = operation.getOperationId() == null ? null : SHARED_OPERATIONS.get(operation.getOperationId());
            if (shared != null) {
                operation.setOperationId(String.format(shared, serviceName(path)));
            }
            if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                return;
            }
            boolean conditionalRead = operation.getResponses().hasAPIResponse("304");
            operation.getResponses().getAPIResponses().forEach((status, response) -> {
                if (!status.startsWith("2")) {
                    return;
                }
                if (hasParameter(operation, "If-Match") || conditionalRead
                        || (versioned && method == PathItem.HttpMethod.GET && "200".equals(status))) {
                    addHeader(response, "ETag");
                }
                if (hasParameter(operation, "cursor")) {
                    addHeader(response, "Link");
                }
                if ("201".equals(status)) {
                    addHeader(response, "Location");
                }
                if (hasParameter(operation, Idempotency.HEADER)) {
                    addHeader(response, Idempotency.REPLAYED_HEADER);
                }
            });
        });
    }

    /** {@code /api/v1/membership/...} gives {@code Membership}. */
    private static String serviceName(String path) {
        String[] segments = path.split("/");
        String name = segments.length > 3 ? segments[3] : "";
        return name.isEmpty() ? "" : Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static boolean hasParameter(Operation operation, String name) {
        if (operation.getParameters() == null) {
            return false;
        }
        for (Parameter parameter : operation.getParameters()) {
            if (name.equalsIgnoreCase(parameter.getName())) {
                return true;
            }
        }
        return false;
    }

    private static void addHeader(APIResponse response, String name) {
        if (response.getHeaders() == null || !response.getHeaders().containsKey(name)) {
            response.addHeader(name, OASFactory.createHeader().ref(name));
        }
    }

    private static void addHeaderComponents(OpenAPI openAPI) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("ETag", "The version of the resource; send it as If-Match with a change, or as If-None-Match"
                + " to read it again only when it changed");
        headers.put("Link", "The next page, as `<...>; rel=\"next\"` (RFC 8288); absent on the last page");
        headers.put("Location", "The address of the resource created");
        headers.put(Idempotency.REPLAYED_HEADER, "`true` when this is the stored answer to an earlier request with"
                + " the same Idempotency-Key, and nothing was done again");
        Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
        headers.forEach((name, description) -> {
            if (openAPI.getComponents().getHeaders() == null || !openAPI.getComponents().getHeaders().containsKey(name)) {
                Header header = OASFactory.createHeader().description(description).schema(text);
                openAPI.getComponents().addHeader(name, header);
            }
        });
    }

    private static void nullableUnlessRequired(Schema schema) {
        if (schema.getProperties() == null) {
            return;
        }
        List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
        Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
        properties.replaceAll((name, property) -> required.contains(name) ? property : nullable(property));
        schema.setProperties(properties);
    }

    private static Schema nullable(Schema property) {
        if (property.getRef() != null) {
            // a $ref cannot take another type beside it: either the referenced schema or null
            Schema wrapper = OASFactory.createSchema().description(property.getDescription());
            property.setDescription(null);
            return wrapper.anyOf(new ArrayList<>(List.of(property,
                    OASFactory.createSchema().addType(Schema.SchemaType.NULL))));
        }
        if (property.getType() != null && !property.getType().isEmpty()
                && !property.getType().contains(Schema.SchemaType.NULL)) {
            property.addType(Schema.SchemaType.NULL);
        }
        return property;
    }
}
