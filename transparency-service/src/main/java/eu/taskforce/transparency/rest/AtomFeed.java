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
import eu.taskforce.transparency.query.FeedQueries.LoggedEntry;
import eu.taskforce.transparency.query.FeedQueries;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Writes the register's Atom feed (RFC 4287) with ROME's Atom model: the feed's identity and links, and per log entry
 * its id, times, words ({@link FeedText}) and links. The organisations, meetings, requests and groups the entries
 * name are labelled from the served read model.
 */
@ApplicationScoped
public class AtomFeed {

    static final String ATOM = "application/atom+xml;charset=utf-8";
    static final String ATOM_TYPE = "application/atom+xml";
    static final String JSON = "application/json";
    static final String FEED_ID = "urn:taskforce:register";
    static final String ENTRY_ID = "urn:taskforce:register:entry:";
    static final String AUTHOR = "EU AI Office";

    private final FeedQueries feeds;
    private final ObjectMapper mapper;

    public AtomFeed(FeedQueries feeds, ObjectMapper mapper) {
        this.feeds = feeds;
        this.mapper = mapper;
    }

    /** The feed of {@code rows} (newest first), its links under {@code publicApi}, {@code self} its own URL. */
    String write(List<LoggedEntry> rows, String publicApi, String self) throws FeedException {
        String log = publicApi + "/register/log/entries";
        List<JsonNode> data = rows.stream().map(row -> read(row.canonical()).path("data")).toList();
        Map<String, String> labels = feeds.labels(ids(data));

        Feed feed = new Feed("atom_1.0");
        feed.setId(FEED_ID);
        feed.setTitle("Signatory Taskforce public register");
        feed.setSubtitle(text("Every entry of the public register of the Signatory Taskforce of the General-Purpose "
                + "AI Code of Practice, newest first, as it is appended to the verifiable log"));
        Person author = new Person();
        author.setName(AUTHOR);
        feed.setAuthors(List.of(author));
        feed.setOtherLinks(List.of(link("self", ATOM_TYPE, self)));
        feed.setAlternateLinks(List.of(link("alternate", JSON, log)));
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            entries.add(entry(rows.get(i), FeedText.describe(rows.get(i).type(), data.get(i), labels::get), publicApi,
                    log));
        }
        feed.setEntries(entries);
        // newest first: the first entry was appended last; an empty register has been unchanged since the epoch
        feed.setUpdated(entries.isEmpty() ? new Date(0) : entries.get(0).getUpdated());
        return new WireFeedOutput().outputString(feed);
    }

    private static Entry entry(LoggedEntry row, FeedText.Text text, String publicApi, String log) {
        Date appended = Date.from(row.appendedAt());
        Entry entry = new Entry();
        entry.setId(ENTRY_ID + row.sequence());
        entry.setTitle(row.corrects() == null ? text.title()
                : "Correction of entry #" + row.corrects() + ": " + text.title());
        entry.setSummary(text(text.summary()));
        entry.setUpdated(appended);
        entry.setPublished(appended);
        entry.setAlternateLinks(List.of(link("alternate", JSON, log + "?from=" + row.sequence() + "&limit=1")));
        if (text.related() != null) {
            entry.setOtherLinks(List.of(link("related", JSON, publicApi + text.related())));
        }
        return entry;
    }

    /** The ids of the aggregates the entries name: organisations, meetings, meeting requests, groups. */
    private static Set<UUID> ids(List<JsonNode> data) {
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
        return ids;
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
