package eu.taskforce.notification.rest;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.notification.rest.WebhookDtos.EventTypeView;
import eu.taskforce.notification.service.EventAudiences;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

@Path("/api/v1/notifications/event-types")
@Tag(name = "Webhooks")
@SecurityRequirement(name = "SecurityScheme")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class EventTypeResource {

    @GET
    @Operation(operationId = "listWebhookEventTypes", summary = "The event types webhooks can receive",
            description = "Every type with who may receive it: PUBLIC (what the public register publishes: anyone"
                    + " signed in), MEMBERS (meeting requests until declined: representatives of current member"
                    + " organisations), ORGANISATION (a member organisation's representatives: that organisation"
                    + " only). The AI Office receives all. Not a page: the list is short and fixed by the contracts.")
    @APIResponse(responseCode = "200", description = "Every classified type, in the contracts' order")
    public List<EventTypeView> list() {
        return EventTypes.ALL.stream()
                .flatMap(type -> EventAudiences.of(type).stream()
                        .map(audience -> new EventTypeView(type.type(), type.topic(), audience, type.dataSchema())))
                .toList();
    }
}
