package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.query.RegisterDtos.SearchHit;
import eu.taskforce.transparency.query.SearchQuery;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

/**
 * Full-text search over the register's documents (PostgreSQL: a stored tsvector with a GIN index, English stemming,
 * websearch_to_tsquery so that "quoted phrases", OR and -exclusions work as in a search engine). Results by relevance.
 */
@Path("/api/v1/public/search")
@Tag(name = "Search", description = "Full-text search over agendas, summaries, public feedback and public evidence")
@PermitAll
public class SearchResource {

    private final PublicHttp http;

    public SearchResource(PublicHttp http) {
        this.http = http;
    }

    @Schema(name = "SearchHitPage")
    public record SearchHitPage(List<SearchHit> items, String nextCursor) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "searchRegister", summary = "Search the agendas, summaries, public feedback (once its dispositions are published) and public evidence of the register")
    @APIResponse(responseCode = "200", description = "One page of hits, most relevant first, ranked among the newest "
            + SearchQuery.RANKED + " matches (by the date of the document): a query that matches more answers those "
            + SearchQuery.RANKED + " only; add words or a phrase to reach older documents",
            content = @Content(schema = @Schema(implementation = SearchHitPage.class)))
    @APIResponse(responseCode = "400", description = "No query, a query too long, invalid limit or cursor",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response search(@Parameter(description = "What to look for, as in a search engine: words, \"a phrase\", or, -word", required = true)
                           @QueryParam("q") String q,
                           @Parameter(description = ParticipantResource.LIMIT) @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(Page.MAX_LIMIT) int limit,
                           @Parameter(description = ParticipantResource.CURSOR) @QueryParam("cursor") String cursor,
                           @Context UriInfo uri, @Context Request request) {
        if (q == null || q.isBlank() || q.length() > 500) {
            throw ProblemException.badRequest("The query parameter q must hold 1 to 500 characters");
        }
        return http.page(request, uri, SearchQuery.SEARCH, SearchQuery.params(q), cursor, null, limit);
    }
}
