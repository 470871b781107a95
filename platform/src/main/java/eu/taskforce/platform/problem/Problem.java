package eu.taskforce.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import eu.taskforce.common.problem.ProblemJson;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 9457 problem detail, the body of every error response ({@code application/problem+json}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 9457 problem details, returned with every 4xx and 5xx response.")
public record Problem(
        @Schema(description = "A URI that names the kind of problem", examples = "urn:taskforce:problem:validation")
        String type,
        @Schema(description = "A short summary of the kind of problem", examples = "Invalid request")
        String title,
        @Schema(description = "The HTTP status", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request", examples = "1 field is invalid")
        String detail,
        @Schema(description = "The path of the request", examples = "/api/v1/membership/signatories")
        String instance,
        @Schema(description = "The invalid fields, for a validation problem")
        List<FieldError> errors) {

    public static final String MEDIA_TYPE = ProblemJson.MEDIA_TYPE;
    public static final String TYPE_PREFIX = ProblemJson.TYPE_PREFIX;

    /** One invalid field: its JSON path in the request ({@code chapters[0]}), or the name of a parameter. */
    @Schema(name = "FieldError")
    public record FieldError(
            @Schema(examples = "name") String field,
            @Schema(examples = "must not be blank") String message) {
    }
}
