package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.query.PublicList.Selection;
import eu.taskforce.transparency.query.PublicList;
import eu.taskforce.transparency.query.ReadModel.ListQuery;
import eu.taskforce.transparency.query.ReadModel.Params;
import eu.taskforce.transparency.query.ReadModel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;

/**
 * The public register's HTTP caching: every answer carries an ETag and {@code Cache-Control: public, max-age}, and a
 * conditional GET whose If-None-Match names the current ETag gets a 304 without a body. A JSON answer's ETag is the
 * hash of its body; a streamed export's is the register's version (served generation, log head, disclosures) and the
 * request. The pages of the public lists come from {@link CachedPages} while the register has not changed.
 */
@ApplicationScoped
public class PublicHttp {

    public static final String CSV = "text/csv;charset=utf-8";

    private final ObjectMapper mapper;
    private final RegisterConfig config;
    private final ReadModel readModel;
    private final CachedPages cache;

    public PublicHttp(ObjectMapper mapper, RegisterConfig config, ReadModel readModel, CachedPages cache) {
        this.mapper = mapper;
        this.config = config;
        this.readModel = readModel;
        this.cache = cache;
    }

    /** The clock of a list that changes with time (upcoming meetings, a window's status): part of its export's ETag. */
    public static String minute() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).toString();
    }

    public CacheControl cacheControl() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(false);
        cache.setNoTransform(false);
        cache.setMaxAge((int) config.cacheMaxAge().toSeconds());
        cache.getCacheExtension().put("public", null);
        return cache;
    }

    /** A JSON answer, or a 304 when the client holds it already. */
    public Response json(Request request, Object body) {
        return json(request, body, null);
    }

    /** A JSON answer with a {@code Link: rel="next"}: the request's URI with {@code param} set to {@code next}. */
    public Response json(Request request, UriInfo uri, Object body, String param, Object next) {
        return conditional(request, MediaType.APPLICATION_JSON, render(body, nextLink(uri, param, next)));
    }

    /** A page of a list from its rows (up to limit + 1). */
    public <T> Response page(Request request, UriInfo uri, List<ReadModel.Row<T>> rows, int limit) {
        return conditional(request, MediaType.APPLICATION_JSON, render(uri, rows, limit));
    }

    private <T> CachedPages.Rendered render(UriInfo uri, List<ReadModel.Row<T>> rows, int limit) {
        Page<T> page = Page.of(rows, limit, ReadModel.Row::item, ReadModel.Row::cursor);
        return render(page, nextLink(uri, "cursor", page.nextCursor()));
    }

    private static Link nextLink(UriInfo uri, String param, Object next) {
        return next == null ? null
                : Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam(param, next).build()).rel("next").build();
    }

    /** A page of a list, as the client's parameters ask. */
    public <T> Response page(Request request, UriInfo uri, ListQuery<T> query, Params params, String cursor,
                             OffsetDateTime updatedSince, int limit) {
        return page(request, uri, readModel.page(query, params, cursor, updatedSince, limit), limit);
    }

    /**
     * A page of a public list, as the client's list parameters ask: served from the cache while the register has not
     * changed, so that a page asked again, or a conditional GET for it, reads nothing from the database.
     */
    public <T> Response page(Request request, UriInfo uri, Selection<T> selection, PublicListParameters list) {
        CachedPages.Rendered page = cache.page(uri, selection, () -> render(uri, readModel.page(selection.query(),
                selection.params(), list.cursor(), list.updatedSince(), list.limit()), list.limit()));
        return conditional(request, MediaType.APPLICATION_JSON, page);
    }

    /** The CSV export of a public list. */
    public <T> Response csv(Request request, UriInfo uri, Selection<T> selection, OffsetDateTime updatedSince) {
        return csv(request, uri, selection, updatedSince, "");
    }

    private Response json(Request request, Object body, Link next) {
        return conditional(request, MediaType.APPLICATION_JSON, render(body, next));
    }

    /** The JSON body, its ETag (a hash of it) and its link to the next page. */
    private CachedPages.Rendered render(Object body, Link next) {
        try {
            byte[] bytes = mapper.writeValueAsBytes(body);
            return new CachedPages.Rendered(bytes, new EntityTag(hash(bytes)), next);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Any other representation written in full (Atom, iCalendar). */
    public Response document(Request request, String mediaType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return conditional(request, mediaType, new CachedPages.Rendered(bytes, new EntityTag(hash(bytes)), null));
    }

    private Response conditional(Request request, String mediaType, CachedPages.Rendered rendered) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(rendered.etag());
        if (notModified != null) {
            return notModified.tag(rendered.etag()).cacheControl(cacheControl()).build();
        }
        Response.ResponseBuilder ok = Response.ok(rendered.body(), mediaType).tag(rendered.etag())
                .cacheControl(cacheControl());
        if (rendered.next() != null) {
            ok.links(rendered.next());
        }
        return ok.build();
    }

    /**
     * A CSV export streamed row by row from a server-side cursor. Its ETag is weak: the register's version and the
     * request (and {@code clock}, for lists that change with time), known before the first row is read.
     */
    public <T> Response csv(Request request, UriInfo uri, Selection<T> selection, OffsetDateTime updatedSince,
                            String clock) {
        PublicList<T> export = selection.list();
        EntityTag etag = new EntityTag(hash((readModel.version() + "|" + uri.getRequestUri() + "|" + clock)
                .getBytes(StandardCharsets.UTF_8)), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).cacheControl(cacheControl()).build();
        }
        StreamingOutput body = output -> writeCsv(output, selection, updatedSince);
        return Response.ok(body, CSV).tag(etag).cacheControl(cacheControl())
                .header("Content-Disposition", "attachment; filename=\"" + export.filename() + "\"").build();
    }

    /** Writes the rows as the database sends them, through a 64 KiB buffer. */
    private <T> void writeCsv(OutputStream output, Selection<T> selection, OffsetDateTime updatedSince)
            throws IOException {
        PublicList<T> export = selection.list();
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
        CSVFormat format = CSVFormat.RFC4180.builder()
                .setHeader(export.columns().stream().map(PublicList.Column::header).toArray(String[]::new))
                .get();
        try (CSVPrinter printer = new CSVPrinter(writer, format)) {
            readModel.stream(export.query(), selection.params(), updatedSince, item -> {
                try {
                    printer.printRecord(export.columns().stream().map(c -> c.value().apply(item))
                            .map(PublicHttp::cell).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static Object cell(Object value) {
        return value == null ? "" : value.toString();
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
