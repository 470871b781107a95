package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.atom.Content;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.feed.atom.Link;
import com.rometools.rome.feed.atom.Person;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.WireFeedOutput;
import eu.taskforce.transparency.domain.Times;
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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.transparency.domain.Times.instant;

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

    static final String ATOM = "application/atom+xml;charset=utf-8";
    static final String JSON = "application/json";
    static final int ENTRIES = 100;
    static final String FEED_ID = "urn:taskforce:register";
    static final String ENTRY_ID = "urn:taskforce:register:entry:";
    static final String AUTHOR = "EU AI Office";

    private final EntityManager em;
    private final PublicHttp http;
    private final ObjectMapper mapper;

    public FeedResource(EntityManager em, PublicHttp http, ObjectMapper mapper) {
        this.em = em;
        this.http = http;
        this.mapper = mapper;
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select sequence, type, canonical, corrects, appended_at from log_entry
                        order by sequence desc limit :limit""").setParameter("limit", ENTRIES).getResultList();
        String publicApi = uri.getBaseUriBuilder().path("/api/v1/public").build().toString();
        String log = publicApi + "/register/log/entries";
        List<JsonNode> data = rows.stream().map(row -> read((String) row[2]).path("data")).toList();
        Map<String, String> labels = labels(data);

        Feed feed = new Feed("atom_1.0");
        feed.setId(FEED_ID);
        feed.setTitle("Signatory Taskforce public register");
        feed.setSubtitle(text("Every entry of the public register of the Signatory Taskforce of the General-Purpose "
                + "AI Code of Practice, newest first, as it is appended to the verifiable log"));
        Person author = new Person();
        author.setName(AUTHOR);
        feed.setAuthors(List.of(author));
        feed.setOtherLinks(List.of(link("self", ATOM_TYPE, uri.getAbsolutePath().toString())));
        feed.setAlternateLinks(List.of(link("alternate", JSON, log)));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] row = rows.get(i);
            long sequence = ((Number) row[0]).longValue();
            FeedText.Text text = FeedText.describe((String) row[1], data.get(i), labels::get);
            Date appended = Date.from(instant(row[4]));
            Entry entry = new Entry();
            entry.setId(ENTRY_ID + sequence);
            entry.setTitle(row[3] == null ? text.title()
                    : "Correction of entry #" + row[3] + ": " + text.title());
            entry.setSummary(text(text.summary()));
            entry.setUpdated(appended);
            entry.setPublished(appended);
            entry.setAlternateLinks(List.of(link("alternate", JSON, log + "?from=" + sequence + "&limit=1")));
            if (text.related() != null) {
                entry.setOtherLinks(List.of(link("related", JSON, publicApi + text.related())));
            }
            entries.add(entry);
        }
        feed.setEntries(entries);
        // newest first: the first entry was appended last; an empty register has been unchanged since the epoch
        feed.setUpdated(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdated());
        return http.document(request, ATOM, new WireFeedOutput().outputString(feed));
    }

    static final String ATOM_TYPE = "application/atom+xml";

    /** The public labels of the aggregates the entries name: organisations, meetings, meeting requests, groups. */
    private Map<String, String> labels(List<JsonNode> data) {
        Set<UUID> ids = new LinkedHashSet<>();
        for (JsonNode node : data) {
            for (String field : List.of("signatoryId", "organisationId", "meetingId", "requestId", "groupId")) {
                if (node.path(field).isTextual()) {
                    try {
                        ids.add(UUID.fromString(node.path(field).asText()));
                    } catch (IllegalArgumentException notAnId) {
                        // the log holds what the contracts allow; an id that is not one has no label
                    }
                }
            }
        }
        Map<String, String> labels = new HashMap<>();
        if (ids.isEmpty()) {
            return labels;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        with serving as (select generation from register_generation where status = 'SERVING')
                        select cast(id as text), name from organisation
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), title from meeting
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), topic from meeting_request
                         where generation = (select generation from serving) and id in (:ids)
                        union all select cast(id as text), name from ad_hoc_group
                         where generation = (select generation from serving) and id in (:ids)""")
                .setParameter("ids", ids).getResultList();
        for (Object[] row : rows) {
            if (row[1] != null) {
                labels.put((String) row[0], (String) row[1]);
            }
        }
        return labels;
    }

    private JsonNode read(String canonical) {
        try {
            return mapper.readTree(canonical);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a log entry that is not JSON", e);
        }
    }

    private static Content text(String value) {
        Content content = new Content();
        content.setType(Content.TEXT);
        content.setValue(value);
        return content;
    }

    private static Link link(String rel, String type, String href) {
        Link link = new Link();
        link.setRel(rel);
        link.setType(type);
        link.setHref(href);
        return link;
    }
}
