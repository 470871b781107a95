package eu.taskforce.contracts.guidance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A PUBLIC evidence or research submission (a CONFIDENTIAL one is never announced). The attached document, if any,
 * stays in guidance-service.
 *
 * @param evidenceId     the aggregate id: the CloudEvents subject and the Kafka key
 * @param url            where the evidence can be read (http or https)
 * @param codeReferences commitments or measures of the Code it concerns
 * @param organisationId the member organisation that submitted it, when it did so ATTRIBUTED; otherwise null
 * @param codeEdition    the edition of the Code the references name ({@code 2025-07-10}); null in events written
 *                       before references named their edition, which name {@code 2025-07-10}
 * @param stakeholderId  the entry of the stakeholder register whose linked account submitted it ATTRIBUTED (ADR 0011);
 *                       otherwise absent
 */
public record EvidenceSubmitted(UUID evidenceId, String title, String summary, EvidenceType type, String url,
                                List<String> codeReferences, SubmitterRole submitterRole, Attribution attribution,
                                UUID organisationId, String organisationName, OffsetDateTime submittedAt,
                                @JsonInclude(JsonInclude.Include.NON_NULL) String codeEdition,
                                @JsonInclude(JsonInclude.Include.NON_NULL) UUID stakeholderId) {
}
