package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.ICalendarWriter;
import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.query.MeetingLists;
import eu.taskforce.transparency.query.MeetingQueries;
import eu.taskforce.transparency.query.Pages.DecisionPage;
import eu.taskforce.transparency.query.Pages.DeclinedRequestPage;
import eu.taskforce.transparency.query.Pages.MeetingPage;
import eu.taskforce.transparency.query.Pages.MeetingPaperPage;
import eu.taskforce.transparency.query.RegisterDtos.Cadence;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** The register of meetings: held (with summaries and what was withheld), upcoming, declined requests, decisions. */
@Path("/api/v1/public")
@Tag(name = "Meetings register", description = "Meetings of the Signatory Taskforce. Public, no token needed.")
@PermitAll
public class MeetingRegisterResource {

    private final MeetingQueries meetings;
    private final PublicHttp http;
    private final RegisterConfig config;

    public MeetingRegisterResource(MeetingQueries meetings, PublicHttp http, RegisterConfig config) {
        this.meetings = meetings;
        this.http = http;
        this.config = config;
    }

    @GET
    @Path("meetings")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicMeetingsHeld", summary = "Every meeting held, in the order held: date, kind, agenda, attendance by organisation, "
            + "the high-level summary and the parts withheld with their reasons")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response held(@Valid @BeanParam PublicListParameters list,
                         @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MeetingLists.HELD.all(), list);
    }

    @GET
    @Path("meetings.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicMeetingsHeldCsv", summary = "Every meeting held, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response heldCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                            @Context Request request) {
        return http.csv(request, uri, MeetingLists.HELD.all(), updatedSince);
    }

    @GET
    @Path("meetings/upcoming")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicUpcomingMeetings", summary = "Meetings to come, soonest first, each with its agenda once published")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = MeetingPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response upcoming(@Valid @BeanParam PublicListParameters list,
                             @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MeetingLists.upcoming(now()), list);
    }

    @GET
    @Path("meetings/upcoming.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicUpcomingMeetingsCsv", summary = "Meetings to come, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response upcomingCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                @Context Request request) {
        return http.csv(request, uri, MeetingLists.upcoming(now()), updatedSince,
                PublicHttp.minute());
    }

    @GET
    @Path("meetings/upcoming.ics")
    @Produces(ICalendarWriter.MEDIA_TYPE)
    @Operation(operationId = "getPublicUpcomingCalendar", summary = "Meetings to come as an iCalendar feed (RFC 5545) to subscribe to")
    @APIResponse(responseCode = "200", description = "text/calendar",
            content = @Content(mediaType = ICalendarWriter.MEDIA_TYPE, schema = @Schema(type = SchemaType.STRING)))
    public Response upcomingCalendar(@Context Request request) {
        return http.document(request, ICalendarWriter.MEDIA_TYPE, UpcomingCalendar.write(meetings.upcoming(now())));
    }

    @GET
    @Path("meetings/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicMeeting", summary = "One meeting of the register")
    @APIResponse(responseCode = "200", description = "The meeting", content = @Content(schema = @Schema(implementation = Meeting.class)))
    @APIResponse(responseCode = "404", description = "No such meeting in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response meeting(@PathParam("id") UUID id, @Context Request request) {
        return http.json(request, meetings.meeting(id).orElseThrow(() -> ProblemException.notFound("Meeting", id)));
    }

    @GET
    @Path("meetings/requests/declined")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicDeclinedRequests", summary = "Members' requests to convene a meeting that the AI Office declined, with its reason")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = DeclinedRequestPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response declined(@Valid @BeanParam PublicListParameters list,
                             @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MeetingLists.DECLINED.all(), list);
    }

    @GET
    @Path("meetings/requests/declined.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicDeclinedRequestsCsv", summary = "Declined requests, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response declinedCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                @Context Request request) {
        return http.csv(request, uri, MeetingLists.DECLINED.all(), updatedSince);
    }

    @GET
    @Path("meetings/decisions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicDecisions", summary = "Taskforce decisions with their results and counts once closed")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = DecisionPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response decisions(@Valid @BeanParam PublicListParameters list,
                              @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MeetingLists.DECISIONS.all(), list);
    }

    @GET
    @Path("meetings/decisions.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicDecisionsCsv", summary = "Taskforce decisions, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response decisionsCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                 @Context Request request) {
        return http.csv(request, uri, MeetingLists.DECISIONS.all(), updatedSince);
    }

    @GET
    @Path("meetings/cadence")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicCadence", summary = "The yearly cadence: last plenary held, the deadline for the next, the next scheduled, "
            + "and the meetings whose summary is overdue")
    @APIResponse(responseCode = "200", description = "The cadence", content = @Content(schema = @Schema(implementation = Cadence.class)))
    public Response cadence(@Context Request request) {
        return http.json(request, meetings.cadence(now(), config.constitutedOn()));
    }

    @GET
    @Path("meetings/{id}/papers")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicMeetingPapers", summary = "Every paper of a meeting held, in the order circulated",
            description = "Public papers with the path of their document (served by the meetings API without a token),"
                    + " the others with the reason they are withheld; each with the day it was due and whether it was"
                    + " circulated late. Empty until the meeting is held.")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = MeetingPaperPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such meeting in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response papers(@PathParam("id") UUID id, @Valid @BeanParam PublicListParameters list,
                           @Context UriInfo uri, @Context Request request) {
        meetings.meeting(id).orElseThrow(() -> ProblemException.notFound("Meeting", id));
        return http.page(request, uri, MeetingLists.papers(id), list);
    }

    @GET
    @Path("meetings/{id}/papers.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicMeetingPapersCsv", summary = "Every paper of a meeting held, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "404", description = "No such meeting in the register",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response papersCsv(@PathParam("id") UUID id, @QueryParam("updatedSince") OffsetDateTime updatedSince,
                              @Context UriInfo uri, @Context Request request) {
        meetings.meeting(id).orElseThrow(() -> ProblemException.notFound("Meeting", id));
        return http.csv(request, uri, MeetingLists.papers(id), updatedSince);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
