package eu.taskforce.meeting;

import eu.taskforce.platform.testing.OpenApiDocument;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document is what integrators generate their clients from: every operation is summarised, documents
 * its errors with the problem+json body, and every secured operation documents 401 and 403.
 */
@QuarkusTest
class OpenApiDocumentTest {

    /** Operations called without OAuth (calendar clients, public papers): no 401 or 403 to document. */
    static final Set<String> PUBLIC = Set.of("GET /api/v1/meetings/calendar/public.ics",
            "GET /api/v1/meetings/calendar/personal/{token}",
            "GET /api/v1/meetings/public-papers/{paperId}");
    static final int OPERATIONS = 48;

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        OpenApiDocument.Review review = OpenApiDocument.reviewServed(PUBLIC);
        assertThat(review.operations()).isGreaterThanOrEqualTo(OPERATIONS);
        assertThat(review.defects()).isEmpty();
    }
}
