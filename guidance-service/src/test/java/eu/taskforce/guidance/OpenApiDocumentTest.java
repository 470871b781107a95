package eu.taskforce.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.platform.testing.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what integrators generate their clients from: every operation is summarised, documents its
 * errors with the problem+json body and 401 and 403 (nothing here is public), and the enumerations are listed.
 */
@QuarkusTest
class OpenApiDocumentTest {

    static final int OPERATIONS = 35; // 30 + personal data: export, erasure, erasure by name; version diff, proposals

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        OpenApiDocument.Review review = OpenApiDocument.reviewServed(Set.of());
        review.document().get("paths").fieldNames()
                .forEachRemaining(path -> assertThat(path).startsWith("/api/v1/guidance/"));
        assertThat(review.operations()).isEqualTo(OPERATIONS);
        assertThat(review.defects()).isEmpty();
        JsonNode schemas = review.document().path("components").path("schemas");
        assertThat(schemas.path("Disposition").path("enum").toString())
                .contains("ACCEPTED", "PARTIALLY_ACCEPTED", "NOT_TAKEN_UP", "OUT_OF_SCOPE");
        assertThat(schemas.path("Visibility").path("enum").toString()).contains("PUBLIC", "CONFIDENTIAL");
        assertThat(schemas.path("GuidanceKind").path("enum").toString()).contains("QUESTIONS_AND_ANSWERS");
    }
}
