package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.query.RegisterDtos.StakeholderHistory;
import eu.taskforce.transparency.query.StakeholderHistories;
import eu.taskforce.transparency.query.MembershipLists;
import eu.taskforce.transparency.query.RegisterDtos;
import eu.taskforce.transparency.query.Pages.AdHocGroupPage;
import eu.taskforce.transparency.query.Pages.MembershipPeriodPage;
import eu.taskforce.transparency.query.Pages.ParticipantPage;
import eu.taskforce.transparency.query.Pages.SignatoryPage;
import eu.taskforce.transparency.query.Pages.StakeholderPage;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Who takes part in the Taskforce: members (on any day), membership periods, signatories, stakeholders, ad-hoc groups. */
@Path("/api/v1/public")
@Tag(name = "Participants", description = "Who takes part in the Signatory Taskforce. Public, no token needed.")
@PermitAll
public class ParticipantResource {

    static final String LIMIT = "Page size, 1 to 500";
    static final String CURSOR = "The nextCursor of the previous page";
    static final String UPDATED_SINCE = "Only what changed at or after this time (ISO-8601), for incremental sync";

    private final PublicHttp http;
    private final StakeholderHistories histories;

    public ParticipantResource(PublicHttp http, StakeholderHistories histories) {
        this.http = http;
        this.histories = histories;
    }

    @GET
    @Path("participants")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicParticipants", summary = "Members of the Taskforce by name, with their public representatives and ad-hoc groups",
            description = "The current members, or with `on` those who were members on that day.")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next",
            content = @Content(schema = @Schema(implementation = ParticipantPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor, date or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response participants(
            @Parameter(description = "A day (YYYY-MM-DD): who was a member then; today by default") @QueryParam("on") LocalDate on,
            @Valid @BeanParam PublicListParameters list,
            @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MembershipLists.participantsOn(day(on)), list);
    }

    @GET
    @Path("participants.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicParticipantsCsv", summary = "Members of the Taskforce (on a day), the whole list as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV with a header row; lists are joined with ';'",
            content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "Invalid date or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response participantsCsv(@QueryParam("on") LocalDate on,
                                    @QueryParam("updatedSince") OffsetDateTime updatedSince,
                                    @Context UriInfo uri, @Context Request request) {
        // without a day, the list is today's: the day is part of the export's ETag
        return http.csv(request, uri, MembershipLists.participantsOn(day(on)), updatedSince,
                on == null ? day(null).toString() : "");
    }

    @GET
    @Path("membership-periods")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicMembershipPeriods", summary = "Every membership period of every organisation, by the day it began")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = MembershipPeriodPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response periods(@Valid @BeanParam PublicListParameters list,
                            @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MembershipLists.PERIODS.all(), list);
    }

    @GET
    @Path("membership-periods.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicMembershipPeriodsCsv", summary = "Every membership period, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response periodsCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                               @Context Request request) {
        return http.csv(request, uri, MembershipLists.PERIODS.all(), updatedSince);
    }

    @GET
    @Path("signatories")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicSignatories", summary = "Signatories of the Code of Practice with the chapters they signed, by name")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = SignatoryPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response signatories(@Valid @BeanParam PublicListParameters list,
                                @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MembershipLists.SIGNATORIES.all(), list);
    }

    @GET
    @Path("signatories.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicSignatoriesCsv", summary = "Signatories with the chapters they signed, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response signatoriesCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                   @Context Request request) {
        return http.csv(request, uri, MembershipLists.SIGNATORIES.all(), updatedSince);
    }

    @GET
    @Path("stakeholders")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicStakeholders", summary = "Third-party stakeholders and experts who consented to be listed publicly, by name")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = StakeholderPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stakeholders(@Valid @BeanParam PublicListParameters list,
                                 @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MembershipLists.STAKEHOLDERS.all(), list);
    }

    @GET
    @Path("stakeholders.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicStakeholdersCsv", summary = "Consenting stakeholders, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response stakeholdersCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                                    @Context Request request) {
        return http.csv(request, uri, MembershipLists.STAKEHOLDERS.all(), updatedSince);
    }

    @GET
    @Path("ad-hoc-groups")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicAdHocGroups", summary = "Ad-hoc groups of the Taskforce with their member organisations, by name")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(schema = @Schema(implementation = AdHocGroupPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response groups(@Valid @BeanParam PublicListParameters list,
                           @Context UriInfo uri, @Context Request request) {
        return http.page(request, uri, MembershipLists.GROUPS_LIST.all(), list);
    }

    @GET
    @Path("ad-hoc-groups.csv")
    @Produces(PublicHttp.CSV)
    @Operation(operationId = "exportPublicAdHocGroupsCsv", summary = "Ad-hoc groups, as CSV")
    @APIResponse(responseCode = "200", description = "RFC 4180 CSV", content = @Content(mediaType = PublicHttp.CSV, schema = @Schema(type = SchemaType.STRING)))
    public Response groupsCsv(@QueryParam("updatedSince") OffsetDateTime updatedSince, @Context UriInfo uri,
                              @Context Request request) {
        return http.csv(request, uri, MembershipLists.GROUPS_LIST.all(), updatedSince);
    }

    @GET
    @Path("stakeholders/{id}/history")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicStakeholderHistory", summary = "What a stakeholder listed publicly took part in",
            description = "The ad-hoc groups it takes part in, the meetings held that it attended and the public"
                    + " evidence it submitted under its name (each at most " + RegisterDtos.StakeholderHistoryLimits.MEETINGS
                    + ", most recent first). Only while the"
                    + " stakeholder is listed publicly: otherwise, as after withdrawal of consent, removal or erasure,"
                    + " a 404.")
    @APIResponse(responseCode = "200", description = "The history",
            content = @Content(schema = @Schema(implementation = StakeholderHistory.class)))
    @APIResponse(responseCode = "404", description = "No stakeholder listed publicly with this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response stakeholderHistory(@PathParam("id") UUID id, @Context Request request) {
        return http.json(request, histories.history(id)
                .orElseThrow(() -> ProblemException.notFound("Stakeholder listed publicly", id)));
    }

    private static LocalDate day(LocalDate on) {
        return on != null ? on : LocalDate.now(ZoneOffset.UTC);
    }
}
