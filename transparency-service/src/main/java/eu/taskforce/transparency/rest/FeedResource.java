package eu.taskforce.transparency.rest;

import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.annotation.security.PermitAll;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import static eu.taskforce.transparency.service.Projector.instantOf;

/** The Atom feed (RFC 4287) of new register entries, written with ROME. */
@Path("/api/v1/public/register")
@Tag(name = "Verifiable record")
@PermitAll
public class FeedResource {

    static final String ATOM = "application/atom+xml;charset=utf-8";
    static final int ENTRIES = 100;

    private final EntityManager em;
    private final PublicHttp http;

    public FeedResource(EntityManager em, PublicHttp http) {
        this.em = em;
        this.http = http;
    }

    @GET
    @Path("feed.atom")
    @Produces(ATOM)
    @Operation(operationId = "getRegisterFeed", summary = "The latest 100 entries of the register, newest first, as an Atom feed")
    @APIResponse(responseCode = "200", description = "Atom 1.0",
            content = @Content(mediaType = ATOM, schema = @Schema(type = SchemaType.STRING)))
    public Response feed(@Context UriInfo uri, @Context Request request) throws FeedException {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, type, subject, occurred_at, canonical, corrects from log_entry
                        order by sequence desc limit :limit""").setParameter("limit", ENTRIES).getResultList();
        String base = uri.getBaseUriBuilder().path("/api/v1/public/register/log/entries").build().toString();
        SyndFeed feed = new SyndFeedImpl();
        feed.setFeedType("atom_1.0");
        feed.setTitle("Signatory Taskforce public register: new entries");
        feed.setUri("urn:taskforce:register");
        feed.setLink(uri.getRequestUri().toString());
        feed.setDescription("Every public entry of the register as it is appended to the verifiable log");
        feed.setAuthor("EU AI Office");
        List<SyndEntry> entries = new ArrayList<>();
        for (Object[] row : rows) {
            long sequence = ((Number) row[0]).longValue();
            String type = (String) row[1];
            Date at = Date.from(instantOf(row[3]));
            SyndEntry entry = new SyndEntryImpl();
            entry.setUri("urn:taskforce:register:entry:" + sequence);
            entry.setTitle("#" + sequence + " " + title(type) + (row[5] != null ? " (corrects #" + row[5] + ")" : ""));
            entry.setLink(base + "?from=" + sequence + "&limit=1");
            SyndLink link = new SyndLinkImpl();
            link.setHref(base + "?from=" + sequence + "&limit=1");
            link.setRel("alternate");
            link.setType("application/json");
            entry.setLinks(List.of(link));
            entry.setUpdatedDate(at);
            entry.setPublishedDate(at);
            SyndContent content = new SyndContentImpl();
            content.setType("text");
            content.setValue((String) row[4]);
            entry.setContents(List.of(content));
            entries.add(entry);
        }
        feed.setEntries(entries);
        feed.setPublishedDate(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdatedDate());
        return http.document(request, ATOM, new SyndFeedOutput().outputString(feed));
    }

    /** "eu.taskforce.meetings.meeting-held.v1" -> "Meeting held". */
    static String title(String type) {
        String[] parts = type.split("\\.");
        String name = parts.length >= 2 ? parts[parts.length - 2] : type;
        String words = name.replace('-', ' ');
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
