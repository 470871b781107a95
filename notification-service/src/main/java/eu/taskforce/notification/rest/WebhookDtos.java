package eu.taskforce.notification.rest;

import eu.taskforce.notification.domain.DeliveryStatus;
import eu.taskforce.notification.domain.SubscriptionStatus;
import eu.taskforce.notification.domain.WebhookDelivery;
import eu.taskforce.notification.domain.WebhookSubscription;
import eu.taskforce.notification.service.Audience;
import eu.taskforce.notification.service.SubscriptionService;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The request and answer bodies of the webhook endpoints. */
public final class WebhookDtos {

    @Schema(name = "WebhookInput", description = "A webhook subscription: where to send which event types")
    public record WebhookInput(
            @Schema(description = "The endpoint: an https URL whose host resolves to public addresses only (http to a"
                    + " loopback address only where the service allows it, in development). Redirects are not followed.",
                    examples = "https://hooks.example.org/taskforce", maxLength = 2048)
            @NotBlank @Size(max = 2048) String url,
            @Schema(description = "The CloudEvents types to receive (GET /api/v1/notifications/event-types lists them"
                    + " with who may receive each)", maxItems = 50, minItems = 1)
            @NotNull @Size(min = 1, max = 50) List<@NotBlank @Size(max = 200) String> eventTypes,
            @Schema(description = "What the endpoint is for, for its owner", maxLength = 500, nullable = true)
            @Size(max = 500) String description) {

        SubscriptionService.Details details() {
            return new SubscriptionService.Details(url.strip(), eventTypes, description);
        }
    }

    @Schema(name = "Webhook", description = "A webhook subscription. Its ETag is the version to send as If-Match.")
    public record WebhookView(
            UUID id,
            String url,
            @Schema(nullable = true) String description,
            List<String> eventTypes,
            @Schema(description = "ACTIVE gets new events; FAILING (a delivery failed for the whole retry period) and"
                    + " DISABLED (the owner may no longer read what it subscribed to) get none until re-enabled")
            SubscriptionStatus status,
            @Schema(description = "Why it is FAILING or DISABLED", nullable = true) String statusReason,
            OffsetDateTime statusChangedAt,
            @Schema(description = "While a rotation's overlap lasts: until when the previous secret signs too",
                    nullable = true) OffsetDateTime previousSecretValidUntil,
            @Schema(description = "The signing secret (whsec_...): only in the answer that created or rotated it,"
                    + " never shown again", nullable = true) String secret,
            OffsetDateTime createdAt,
            OffsetDateTime updatedAt) {

        static WebhookView of(WebhookSubscription s, boolean withSecret) {
            OffsetDateTime overlap = s.previousSecretUntil != null && s.previousSecretUntil.isAfter(OffsetDateTime.now())
                    ? s.previousSecretUntil : null;
            return new WebhookView(s.id, s.url, s.description, s.types(), s.status, s.statusReason, s.statusChangedAt,
                    overlap, withSecret ? s.secret : null, s.createdAt, s.updatedAt);
        }
    }

    @Schema(name = "WebhookDelivery", description = "One event sent (or to be sent) to a subscription")
    public record DeliveryView(
            UUID id,
            @Schema(description = "The CloudEvents id, also the webhook-id header") String eventId,
            String eventType,
            DeliveryStatus status,
            @Schema(description = "Attempts made so far") int attempts,
            @Schema(nullable = true) OffsetDateTime lastAttemptAt,
            @Schema(description = "The endpoint's last status code, when it answered", nullable = true) Integer lastStatusCode,
            @Schema(nullable = true) String lastError,
            @Schema(description = "When it is tried next, while PENDING", nullable = true) OffsetDateTime nextAttemptAt,
            OffsetDateTime createdAt,
            @Schema(nullable = true) OffsetDateTime finishedAt) {

        static DeliveryView of(WebhookDelivery d) {
            return new DeliveryView(d.id, d.eventId, d.eventType, d.status, d.attempts, d.lastAttemptAt,
                    d.lastStatusCode, d.lastError, d.nextAttemptAt, d.createdAt, d.finishedAt);
        }
    }

    @Schema(name = "WebhookEventType", description = "An event type that webhooks can receive, and who may receive it")
    public record EventTypeView(
            @Schema(examples = "eu.taskforce.meetings.meeting-convened.v1") String type,
            @Schema(description = "The Kafka topic it is published on") String topic,
            @Schema(description = "PUBLIC: anyone signed in; MEMBERS: representatives of current member organisations;"
                    + " ORGANISATION: the representatives of the organisation it concerns. The AI Office receives all.")
            Audience audience,
            @Schema(description = "The JSON Schema of its data") String dataSchema) {
    }

    private WebhookDtos() {
    }
}
