package eu.taskforce.contracts.guidance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A guidance document as the public may know it, sent when it is first published (its first version published) and
 * whenever the AI Office changes its description afterwards.
 *
 * @param documentId         the aggregate id: the CloudEvents subject and the Kafka key
 * @param aiActArticles      articles of the AI Act it concerns ({@code 53(1)(a)}, {@code 55})
 * @param codeReferences     commitments ({@code SAFETY_AND_SECURITY-3}) or measures ({@code SAFETY_AND_SECURITY-3.2})
 * @param publicConsultation the AI Office's later public consultation on it, separate from Taskforce input; null
 *                           until recorded
 * @param codeEdition        the edition of the Code the references name ({@code 2025-07-10}); null in events written
 *                           before references named their edition, which name {@code 2025-07-10}
 */
public record DocumentProfile(UUID documentId, String title, GuidanceKind kind, List<String> aiActArticles,
                              List<String> codeReferences, PublicConsultation publicConsultation,
                              OffsetDateTime publishedAt,
                              @JsonInclude(JsonInclude.Include.NON_NULL) String codeEdition) {

    /** A public consultation, recorded on the document: its dates and the address where it is held. */
    public record PublicConsultation(LocalDate opensOn, LocalDate closesOn, String url) {
    }
}
