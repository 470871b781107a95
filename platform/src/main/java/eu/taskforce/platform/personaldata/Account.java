package eu.taskforce.platform.personaldata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The account whose personal data is exported or erased: its token subject ({@code sub}) and its account name
 * ({@code preferred_username}). Rows of a service name the account by one or the other; the username is compared
 * case-insensitively, as the identity provider does.
 */
@Schema(name = "PersonalDataAccount", description = "The account the answer is about: token subject and account name")
public record Account(
        @Schema(description = "The token's subject (sub)") String subject,
        @Schema(description = "The account name (preferred_username)", examples = "expert") String username) {
}
