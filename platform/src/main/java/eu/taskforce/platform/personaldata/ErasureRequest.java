package eu.taskforce.platform.personaldata;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The AI Office names the account whose personal data a service erases (bounded like every account name here). */
@Schema(name = "PersonalDataErasure", description = "The account whose personal data is erased")
public record ErasureRequest(
        @Schema(description = "The identity-provider account (preferred_username)", examples = "expert", maxLength = 100)
        @NotBlank @Size(max = 100) @Pattern(regexp = "[A-Za-z0-9._@-]+",
                message = "may hold letters, digits and . _ @ - only") String username) {
}
