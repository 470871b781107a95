package eu.taskforce.membership;

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

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        OpenApiDocument.Review review = OpenApiDocument.reviewServed(Set.of());
        assertThat(review.operations()).isGreaterThanOrEqualTo(20);
        assertThat(review.defects()).isEmpty();
    }
}
