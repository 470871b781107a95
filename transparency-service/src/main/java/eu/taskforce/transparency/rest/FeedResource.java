package eu.taskforce.transparency.rest;

import com.rometools.rome.io.FeedException;
import eu.taskforce.transparency.query.FeedQueries.LoggedEntry;
import eu.taskforce.transparency.query.FeedQueries;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.List;

import static eu.taskforce.transparency.rest.AtomFeed.ATOM;

/**
 * The Atom feed (RFC 4287) of the latest register entries, written with ROME's Atom model. Each entry says in words
 * what happened to what ({@link FeedText}), links to the public resource it is about ({@code rel="related"}) and to
 * its log entry as JSON ({@code rel="alternate"}); the feed's author is the AI Office, which keeps the register.
 * Entry ids are the log's sequence numbers, which never change; {@code updated} is when the entry was appended.
 */
@Path("/api/v1/public/register")
@Tag(name = "Verifiable record")
@PermitAll
public class FeedResource {

    static final int ENTRIES = 100;

    private final FeedQueries feeds;
    private final AtomFeed atom;
    private final PublicHttp http;

    public FeedResource(FeedQueries feeds, AtomFeed atom, PublicHttp http) {
        this.feeds = feeds;
        this.atom = atom;
        this.http = http;
    }

    @GET
    @Path("feed.atom")
    @Produces(ATOM)
    @Operation(operationId = "getRegisterFeed", summary = "The latest 100 entries of the register, newest first, as an Atom feed",
            description = "Atom 1.0 (RFC 4287). Each entry: a title and a summary in words (never a person's name), "
                    + "a `related` link to the public resource it is about and an `alternate` link (application/json) "
                    + "to its entry of the verifiable log. Entry ids `urn:taskforce:register:entry:<sequence>` never "
                    + "change; `updated` is when the entry was appended to the log.")
    @APIResponse(responseCode = "200", description = "Atom 1.0",
            content = @org.eclipse.microprofile.openapi.annotations.media.Content(mediaType = ATOM,
                    schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@Context UriInfo uri, @Context Request request) throws FeedException {
        List<LoggedEntry> entries = feeds.latest(ENTRIES);
        String publicApi = uri.getBaseUriBuilder().path("/api/v1/public").build().toString();
        return http.document(request, ATOM, atom.write(entries, publicApi, uri.getAbsolutePath().toString()));
    }
}
