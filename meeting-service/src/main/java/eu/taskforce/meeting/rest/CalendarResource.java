package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.domain.CalendarFeed;
import eu.taskforce.meeting.service.CalendarService;
import eu.taskforce.platform.api.ICalendarWriter;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.net.URI;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.meeting.rest.MeetingDtos.utc;

@Path("/api/v1/meetings/calendar")
@Tag(name = "Calendars", description = "iCalendar feeds: the public calendar of meetings to come, and personal feeds"
        + " with the joining links that calendar clients read through an unguessable, revocable token")
public class CalendarResource {

    static final String PERSONAL = "personal";

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @Schema(name = "CalendarFeed", description = "A personal calendar feed; the token is shown only when it is created")
    public record FeedView(UUID id,
                           @Schema(description = "The address to subscribe to (holds the token); only at creation")
                           URI url,
                           @Schema(description = "The secret token; only at creation") String token,
                           @Schema(description = "The account the feed belongs to") String username,
                           UUID organisationId, OffsetDateTime createdAt, OffsetDateTime lastUsedAt) {

        static FeedView of(CalendarFeed feed, URI url, String token) {
            return new FeedView(feed.id, url, token, feed.username, feed.organisationId, utc(feed.createdAt),
                    utc(feed.lastUsedAt));
        }
    }

    @GET
    @Path("public.ics")
    @PermitAll
    @Produces(ICalendarWriter.MEDIA_TYPE)
    @Operation(operationId = "getPublicCalendar", summary = "The public calendar of meetings to come",
            description = "No token needed. Public fields only: never a joining link. Cancelled meetings stay, marked"
                    + " CANCELLED, so that calendar clients remove them.")
    @APIResponse(responseCode = "200", description = "An iCalendar document",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    public Response publicCalendar() {
        return ics(CalendarEvents.write("Signatory Taskforce meetings", calendars.upcoming(), false));
    }

    @GET
    @Path(PERSONAL + "/{token}")
    @PermitAll
    @Produces(ICalendarWriter.MEDIA_TYPE)
    @Operation(operationId = "getPersonalCalendar", summary = "A personal calendar feed",
            description = "For calendar clients, without OAuth: the token in the address is the credential. The"
                    + " meetings to come that the feed's owner is invited to, with their joining links.")
    @APIResponse(responseCode = "200", description = "An iCalendar document",
            content = @Content(mediaType = "text/calendar", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such feed, or it was revoked",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response personal(@Parameter(description = "The feed's token, optionally followed by .ics")
                             @PathParam("token") String token) {
        String secret = token.endsWith(".ics") ? token.substring(0, token.length() - 4) : token;
        CalendarFeed feed = calendars.feed(secret).orElseThrow(() -> new ProblemException(404, "not-found",
                "Not found", "No calendar feed has this address, or it was revoked"));
        return ics(CalendarEvents.write("Signatory Taskforce: my meetings", calendars.invitedTo(feed), true));
    }

    @POST
    @Path("feeds")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "createCalendarFeed", summary = "Create a personal calendar feed",
            description = "For the AI Office, members and stakeholders. The answer holds the feed's address with its"
                    + " secret token, shown this once (so no Idempotency-Key: a replay would have to store the secret).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = FeedView.class)))
    public Response create(UriInfo uri) {
        CalendarService.NewFeed created = calendars.create();
        URI url = uri.getBaseUriBuilder().path(CalendarResource.class).path(PERSONAL)
                .path(created.token() + ".ics").build();
        return Response.created(url).entity(FeedView.of(created.feed(), url, created.token())).build();
    }

    @GET
    @Path("feeds")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "listCalendarFeeds", summary = "Active calendar feeds",
            description = "The caller's own; every one for the AI Office. Never the tokens.")
    @APIResponse(responseCode = "200", description = "The feeds, oldest first")
    public List<FeedView> feeds() {
        return calendars.feeds().stream().map(f -> FeedView.of(f, null, null)).toList();
    }

    @DELETE
    @Path("feeds/{id}")
    @Authenticated
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirement(name = "SecurityScheme")
    @Operation(operationId = "revokeCalendarFeed", summary = "Revoke a calendar feed", description = "Its owner, or the AI Office.")
    @APIResponse(responseCode = "204", description = "Revoked: its address answers 404 from now on")
    @APIResponse(responseCode = "404", description = "No such active feed of the caller")
    public Response revoke(@PathParam("id") UUID id) {
        calendars.revoke(id);
        return Response.noContent().build();
    }

    private static Response ics(String body) {
        CacheControl cache = new CacheControl();
        cache.setPrivate(true);
        cache.setMaxAge(300);
        return Response.ok(body, ICalendarWriter.MEDIA_TYPE).cacheControl(cache).build();
    }
}
