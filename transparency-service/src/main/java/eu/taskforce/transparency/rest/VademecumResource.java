package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.query.Pages.VademecumEditionPage;
import eu.taskforce.transparency.query.RegisterDtos.VademecumEdition;
import eu.taskforce.transparency.query.RegisterDtos.VademecumEditionSummary;
import eu.taskforce.transparency.query.VademecumQueries;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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

import java.util.List;
import java.util.Optional;

/**
 * The Taskforce Vademecum as published: the current edition and every earlier one, in JSON and as an HTML page a person
 * reads (the same path with {@code .html}), each frozen with the participants of its publication day.
 */
@Path("/api/v1/public")
@Tag(name = "Public Vademecum", description = "The Taskforce Vademecum: every published edition with the participants list of"
        + " its publication day. Public, no token needed.")
@PermitAll
public class VademecumResource {

    static final String HTML = "text/html;charset=utf-8";
    /** How many editions the HTML page lists (the JSON list pages through all). */
    static final int LISTED = 500;
    private static final String NUMBER = "[0-9]{1,9}";

    /** The HTML page of an edition (templates/VademecumResource/edition.html; Qute escapes every value). */
    @CheckedTemplate
    static class Templates {
        static native TemplateInstance edition(VademecumEdition edition, List<VademecumEditionSummary> editions);
    }

    private final PublicHttp http;
    private final VademecumQueries vademecum;

    public VademecumResource(PublicHttp http, VademecumQueries vademecum) {
        this.http = http;
        this.vademecum = vademecum;
    }

    @GET
    @Path("vademecum")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicVademecum", summary = "The current edition of the Vademecum",
            description = "The latest published edition, with its sections and the participants of its publication day."
                    + " As a page a person reads: `/api/v1/public/vademecum.html`.")
    @APIResponse(responseCode = "200", description = "The current edition",
            content = @Content(schema = @Schema(implementation = VademecumEdition.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No edition is published yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response current(@Context Request request) {
        return http.json(request, current());
    }

    @GET
    @Path("vademecum.html")
    @Produces(HTML)
    @Operation(operationId = "getPublicVademecumHtml", summary = "The current edition, as an HTML page")
    @APIResponse(responseCode = "200", description = "An HTML page: the sections, the participants, links to every"
            + " edition", content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No edition is published yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response currentHtml(@Context Request request) {
        return html(request, current());
    }

    @GET
    @Path("vademecum/editions")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "listPublicVademecumEditions", summary = "Every published edition of the Vademecum, by number")
    @APIResponse(responseCode = "200", description = "One page; `Link: rel=\"next\"` points to the next",
            content = @Content(schema = @Schema(implementation = VademecumEditionPage.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "400", description = "Invalid limit, cursor or time",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editions(@Valid @BeanParam PublicListParameters list, @Context UriInfo uri,
                             @Context Request request) {
        return http.page(request, uri, VademecumQueries.EDITIONS.all(), list);
    }

    @GET
    @Path("vademecum/editions/{number:" + NUMBER + "}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getPublicVademecumEdition", summary = "One published edition of the Vademecum, by number",
            description = "As a page a person reads: `/api/v1/public/vademecum/editions/{number}.html`.")
    @APIResponse(responseCode = "200", description = "The edition",
            content = @Content(schema = @Schema(implementation = VademecumEdition.class)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No edition of that number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response edition(@Parameter(description = "1, 2, ... (at most 9 digits)",
                                    schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "999999999"))
                            @PathParam("number") int number, @Context Request request) {
        return http.json(request, edition(number));
    }

    @GET
    @Path("vademecum/editions/{number:" + NUMBER + "}.html")
    @Produces(HTML)
    @Operation(operationId = "getPublicVademecumEditionHtml", summary = "One published edition, as an HTML page")
    @APIResponse(responseCode = "200", description = "An HTML page: the sections, the participants, links to the other"
            + " editions", content = @Content(mediaType = HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "304", description = "Not modified since the ETag in If-None-Match")
    @APIResponse(responseCode = "404", description = "No edition of that number",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response editionHtml(@Parameter(description = "1, 2, ... (at most 9 digits)",
                                        schema = @Schema(type = SchemaType.INTEGER, minimum = "1", maximum = "999999999"))
                                @PathParam("number") int number, @Context Request request) {
        return html(request, edition(number));
    }

    private VademecumEdition current() {
        return vademecum.current().orElseThrow(() -> new ProblemException(404, "not-found", "Not found",
                "No edition of the Vademecum is published yet"));
    }

    private VademecumEdition edition(int number) {
        Optional<VademecumEdition> edition = vademecum.edition(number);
        return edition.orElseThrow(() -> ProblemException.notFound("Vademecum edition", number));
    }

    private Response html(Request request, VademecumEdition edition) {
        return http.document(request, HTML, Templates.edition(edition, vademecum.editions(LISTED)).render());
    }
}
