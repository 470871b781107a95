package eu.taskforce.notification.rest;

import eu.taskforce.notification.domain.DeliveryStatus;
import eu.taskforce.notification.domain.WebhookDelivery;
import eu.taskforce.notification.domain.WebhookSubscription;
import eu.taskforce.notification.rest.WebhookDtos.DeliveryView;
import eu.taskforce.notification.rest.WebhookDtos.WebhookInput;
import eu.taskforce.notification.rest.WebhookDtos.WebhookView;
import eu.taskforce.notification.service.SubscriptionService;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.api.ListParameters;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.SyncListParameters;
import eu.taskforce.platform.api.Versions;
import io.quarkus.security.Authenticated;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.UUID;

@Path("/api/v1/notifications/webhooks")
@Tag(name = "Webhooks", description = "Push delivery of the Taskforce's events to an endpoint of the subscriber, signed"
        + " per Standard Webhooks (webhook-id, webhook-timestamp, webhook-signature: v1 HMAC-SHA256 with the"
        + " subscription's whsec_ secret). The body is the event as CloudEvents JSON (application/cloudevents+json),"
        + " the same attributes and data as on the topic. An endpoint answers 2xx within 10 s; anything else is tried"
        + " again with exponential back-off for 24 hours, then the subscription is FAILING. Events of one aggregate"
        + " arrive in order. Who receives what: anyone signed in the PUBLIC types, representatives of current member"
        + " organisations also the MEMBERS types and their own organisation's ORGANISATION events, the AI Office all"
        + " (GET /api/v1/notifications/event-types); checked again before every delivery.")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "403", description = "The caller may not receive one of the event types, or has no role"
        + " that may hold webhooks")
public class WebhookResource {

    private final SubscriptionService subscriptions;
    private final Idempotency idempotency;

    public WebhookResource(SubscriptionService subscriptions, Idempotency idempotency) {
        this.subscriptions = subscriptions;
        this.idempotency = idempotency;
    }

    @GET
    @Operation(operationId = "listWebhooks", summary = "My webhook subscriptions",
            description = "The caller's own, oldest first; or, with updatedSince, by time of last change. A"
                    + " subscription that holds a type beyond PUBLIC and whose owner's token no longer carries the"
                    + " standing it was made with is DISABLED.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid limit, cursor or time")
    public RestResponse<Page<WebhookView>> list(@Valid @BeanParam SyncListParameters list, UriInfo uri) {
        Page<WebhookSubscription> page = subscriptions.list(list.updatedSince(), list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(s -> WebhookView.of(s, false)).toList(), page.nextCursor())
                .toResponse(uri);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "createWebhook", summary = "Subscribe an endpoint to event types",
            description = "The answer holds the signing secret, once: it is never shown again (rotate it to get a new"
                    + " one). At most 25 subscriptions per account.")
    @APIResponse(responseCode = "201", description = "Subscribed; the body holds the secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request: an unknown event type, or an endpoint that is not"
            + " https or resolves to an address that is not public")
    @APIResponse(responseCode = "409", description = "The account holds the most subscriptions allowed")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for a different request")
    public Response create(@Valid @NotNull WebhookInput body,
                           @Parameter(description = "Makes a retry safe: the same key answers the first response again")
                           @HeaderParam(Idempotency.HEADER) String idempotencyKey,
                           UriInfo uri) {
        return idempotency.once(idempotencyKey, uri, body, () -> {
            WebhookSubscription subscription = subscriptions.create(body.details());
            return Response.created(uri.getAbsolutePathBuilder().path(subscription.id.toString()).build())
                    .tag(Versions.etag(subscription.version)).cacheControl(noStore())
                    .entity(WebhookView.of(subscription, true)).build();
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getWebhook", summary = "One of my webhook subscriptions", description = "Never shows"
            + " the secret.")
    @APIResponse(responseCode = "200", description = "The subscription",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public Response get(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscriptions.get(id);
        return Response.ok(WebhookView.of(subscription, false)).tag(Versions.etag(subscription.version)).build();
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(operationId = "updateWebhook", summary = "Change the endpoint, the event types or the description",
            description = "Checked as a create, with the caller's standing of now. The secret stays.")
    @APIResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "400", description = "Invalid request, or no If-Match")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    @APIResponse(responseCode = "412", description = "If-Match names a version that is no longer current")
    public Response update(@PathParam("id") UUID id, @Valid @NotNull WebhookInput body,
                           @Parameter(description = "The ETag read last") @HeaderParam(Versions.IF_MATCH) String ifMatch) {
        WebhookSubscription subscription = subscriptions.update(id, ifMatch, body.details());
        return Response.ok(WebhookView.of(subscription, false)).tag(Versions.etag(subscription.version)).build();
    }

    @DELETE
    @Path("{id}")
    @Operation(operationId = "deleteWebhook", summary = "Unsubscribe", description = "With its delivery log; nothing"
            + " more is sent.")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public void delete(@PathParam("id") UUID id) {
        subscriptions.delete(id);
    }

    @POST
    @Path("{id}/secret-rotation")
    @Operation(operationId = "rotateWebhookSecret", summary = "Get a new signing secret",
            description = "The answer holds the new secret, once. For 24 hours the previous secret signs beside it (two"
                    + " signatures in webhook-signature), so the receiver can switch without losing a message.")
    @APIResponse(responseCode = "200", description = "Rotated; the body holds the new secret",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public Response rotateSecret(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscriptions.rotateSecret(id);
        return Response.ok(WebhookView.of(subscription, true)).tag(Versions.etag(subscription.version))
                .cacheControl(noStore()).build();
    }

    @POST
    @Path("{id}/enable")
    @Operation(operationId = "enableWebhook", summary = "Re-enable a FAILING or DISABLED subscription",
            description = "With the caller's standing of now, checked against its types as on a change; new events are"
                    + " delivered from now on (those of the meantime are not sent).")
    @APIResponse(responseCode = "200", description = "ACTIVE",
            content = @Content(schema = @Schema(implementation = WebhookView.class)))
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public Response enable(@PathParam("id") UUID id) {
        WebhookSubscription subscription = subscriptions.enable(id);
        return Response.ok(WebhookView.of(subscription, false)).tag(Versions.etag(subscription.version)).build();
    }

    @GET
    @Path("{id}/deliveries")
    @Operation(operationId = "listWebhookDeliveries", summary = "The delivery log of one of my subscriptions",
            description = "Newest first: each event's status, attempts, last error and next attempt. Kept 30 days.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next")
    @APIResponse(responseCode = "400", description = "An invalid filter, limit or cursor")
    @APIResponse(responseCode = "404", description = "No such subscription of the caller's")
    public RestResponse<Page<DeliveryView>> deliveries(@PathParam("id") UUID id,
                                                        @Parameter(description = "Only deliveries in this status")
                                                        @QueryParam("status") DeliveryStatus status,
                                                        @Valid @BeanParam ListParameters list, UriInfo uri) {
        Page<WebhookDelivery> page = subscriptions.deliveries(id, status, list.cursor(), list.limit());
        return new Page<>(page.items().stream().map(DeliveryView::of).toList(), page.nextCursor()).toResponse(uri);
    }

    private static CacheControl noStore() {
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        return noStore;
    }
}
