package eu.taskforce.notification;

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

    // webhooks: list, create, get, update, delete, rotate, enable, deliveries; event types; audit; personal data: export,
    // erasure, erasure by name; e-mail: preferences read and changed, an unsubscribe link described and used
    static final int OPERATIONS = 17;

    @Test
    void everyOperationIsSummarisedAndDocumentsItsErrorsAsProblems() throws Exception {
        OpenApiDocument.Review review = OpenApiDocument.reviewServed(Set.of(
                // the e-mails' unsubscribe links work without logging in
                "GET /api/v1/notifications/unsubscribe", "POST /api/v1/notifications/unsubscribe"));
        review.document().get("paths").fieldNames()
                .forEachRemaining(path -> assertThat(path).startsWith("/api/v1/notifications/"));
        assertThat(review.operations()).isEqualTo(OPERATIONS);
        assertThat(review.defects()).isEmpty();
        JsonNode schemas = review.document().path("components").path("schemas");
        assertThat(schemas.path("Audience").path("enum").toString()).contains("PUBLIC", "MEMBERS", "ORGANISATION");
        assertThat(schemas.path("SubscriptionStatus").path("enum").toString()).contains("ACTIVE", "FAILING", "DISABLED");
        assertThat(schemas.path("DeliveryStatus").path("enum").toString())
                .contains("PENDING", "DELIVERED", "FAILED", "SKIPPED");
        assertThat(schemas.path("MailFrequency").path("enum").toString())
                .contains("IMMEDIATELY", "DAILY", "WEEKLY", "OFF");
        assertThat(schemas.path("MailKind").path("enum")).hasSize(10); // MailPreferenceDtos.KINDS
    }
}
