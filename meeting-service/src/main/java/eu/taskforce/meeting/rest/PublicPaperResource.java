package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.service.PaperService;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

/**
 * The documents of PUBLIC papers of meetings held, without a token: the public register lists the papers and links
 * here (the gateway lets anonymous calls through to this path only), so that it never holds or serves a document.
 */
@Path("/api/v1/meetings/public-papers")
@Tag(name = "Papers")
public class PublicPaperResource {

    private final PaperService papers;

    public PublicPaperResource(PaperService papers) {
        this.papers = papers;
    }

    @GET
    @Path("{paperId}")
    @PermitAll
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Operation(operationId = "downloadPublicPaperDocument", summary = "Download the document of a public paper",
            description = "No token needed. Only a PUBLIC paper, circulated, of a meeting held; every other paper is a"
                    + " 404 whoever asks. Served like downloadPaperDocument.")
    @APIResponse(responseCode = "200", description = "The document, with Content-Disposition and Repr-Digest",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", description = "No such paper, or not a public paper of a meeting held")
    public Response download(@PathParam("paperId") UUID paperId) {
        return papers.publicDocument(paperId).toResponse();
    }
}
