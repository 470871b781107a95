package eu.taskforce.platform.problem;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;

import java.util.Map;

/**
 * Gives every documented error response (4xx, 5xx) the problem+json body, so that a resource documents an error
 * with its status and description only, and generated clients know the shape of every error. Every operation that
 * requires a token documents 401 and 403 (a resource documents them itself only to say more about the 403).
 */
public class ProblemResponsesFilter implements OASFilter {

    private static final String PROBLEM_SCHEMA = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return operation;
        }
        if (operation.getSecurity() != null && !operation.getSecurity().isEmpty()) {
            addIfAbsent(operation, "401", "No valid bearer token");
            addIfAbsent(operation, "403", "The caller's role or organisation does not allow this");
        }
        for (Map.Entry<String, APIResponse> entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            boolean error = entry.getKey().startsWith("4") || entry.getKey().startsWith("5");
            if (error && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                Content content = OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE,
                        OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM_SCHEMA)));
                response.setContent(content);
            }
        }
        return operation;
    }

    private static void addIfAbsent(Operation operation, String status, String description) {
        if (!operation.getResponses().hasAPIResponse(status)) {
            operation.getResponses().addAPIResponse(status, OASFactory.createAPIResponse().description(description));
        }
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        // the schema exists when an annotation names Problem; a service that names it nowhere still gets it
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        if (openAPI.getComponents().getSchemas() == null || !openAPI.getComponents().getSchemas().containsKey("Problem")) {
            Schema text = OASFactory.createSchema().addType(Schema.SchemaType.STRING);
            openAPI.getComponents().addSchema("Problem", OASFactory.createSchema()
                    .addType(Schema.SchemaType.OBJECT)
                    .description("RFC 9457 problem details, returned with every 4xx and 5xx response.")
                    .addProperty("type", text).addProperty("title", text)
                    .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER))
                    .addProperty("detail", text).addProperty("instance", text)
                    .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                            .items(OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                                    .addProperty("field", text).addProperty("message", text))));
        }
    }
}
