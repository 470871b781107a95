package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.PublicListParameters;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.query.ReadModel;
import eu.taskforce.transparency.query.RegisterLists;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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
import java.util.function.Function;

/**
 * The public register's HTTP caching: every answer carries an ETag and {@code Cache-Control: public, max-age}, and a
 * conditional GET whose If-None-Match names the current ETag gets a 304 without a body. A JSON answer's ETag is the
 * hash of its body; a streamed export's is the register's version (served generation, log head, disclosures) and the
 * request.
 */
@ApplicationScoped
public class PublicHttp {

    public static final String CSV = "text/csv;charset=utf-8";

    private final ObjectMapper mapper;
    private final RegisterConfig config;
    private final EntityManager em;
    private final ReadModel readModel;

    public PublicHttp(ObjectMapper mapper, RegisterConfig config, EntityManager em, ReadModel readModel) {
        this.mapper = mapper;
        this.config = config;
        this.em = em;
        this.readModel = readModel;
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

    public Response page(Request request, UriInfo uri, Page<?> page) {
        Link next = page.nextCursor() == null ? null
                : Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("cursor", page.nextCursor()).build())
                .rel("next").build();
        return json(request, page, next);
    }

    /** A page of a list from its rows (up to limit + 1). */
    public <T> Response page(Request request, UriInfo uri, List<ReadModel.Row<T>> rows, int limit) {
        return page(request, uri, Page.of(rows, limit, ReadModel.Row::item, ReadModel.Row::cursor));
    }

    /** A page of a public list, as the client's list parameters ask. */
    public <T> Response page(Request request, UriInfo uri, ReadModel.ListQuery<T> query, ReadModel.Params params,
                             PublicListParameters list) {
        return page(request, uri, readModel.page(query, params, list.cursor(), list.updatedSince(), list.limit()),
                list.limit());
    }

    /** A page of a filtered list. */
    public <T> Response page(Request request, UriInfo uri, RegisterLists.Filtered<T> filtered,
                             PublicListParameters list) {
        return page(request, uri, filtered.export().query(), filtered.params(), list);
    }

    /** The CSV export of a filtered list. */
    public <T> Response csv(Request request, UriInfo uri, RegisterLists.Filtered<T> list, OffsetDateTime updatedSince,
                            String filename) {
        return csv(request, uri, list.export(), list.params(), updatedSince, "", filename);
    }

    private Response json(Request request, Object body, Link next) {
        byte[] bytes;
        try {
            bytes = mapper.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return conditional(request, new EntityTag(hash(bytes)), MediaType.APPLICATION_JSON, bytes, next);
    }

    /** Any other representation written in full (Atom, iCalendar). */
    public Response document(Request request, String mediaType, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return conditional(request, new EntityTag(hash(bytes)), mediaType, bytes, null);
    }

    private Response conditional(Request request, EntityTag etag, String mediaType, Object entity, Link next) {
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).cacheControl(cacheControl()).build();
        }
        Response.ResponseBuilder ok = Response.ok(entity, mediaType).tag(etag).cacheControl(cacheControl());
        if (next != null) {
            ok.links(next);
        }
        return ok.build();
    }

    /**
     * A CSV export streamed row by row from a server-side cursor. Its ETag is weak: the register's version and the
     * request (and {@code clock}, for lists that change with time), known before the first row is read.
     */
    public <T> Response csv(Request request, UriInfo uri, RegisterLists.Export<T> export, ReadModel.Params params,
                            OffsetDateTime updatedSince, String clock, String filename) {
        EntityTag etag = new EntityTag(hash((version() + "|" + uri.getRequestUri() + "|" + clock)
                .getBytes(StandardCharsets.UTF_8)), true);
        Response.ResponseBuilder notModified = request.evaluatePreconditions(etag);
        if (notModified != null) {
            return notModified.tag(etag).cacheControl(cacheControl()).build();
        }
        StreamingOutput body = output -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8), 1 << 16);
            CSVFormat format = CSVFormat.RFC4180.builder()
                    .setHeader(export.columns().stream().map(RegisterLists.Column::header).toArray(String[]::new))
                    .get();
            try (CSVPrinter printer = new CSVPrinter(writer, format)) {
                readModel.stream(export.query(), params, updatedSince, item -> {
                    try {
                        printer.printRecord(export.columns().stream().map(c -> c.value().apply(item))
                                .map(PublicHttp::cell).toList());
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        };
        return Response.ok(body, CSV).tag(etag).cacheControl(cacheControl())
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"").build();
    }

    private static Object cell(Object value) {
        return value == null ? "" : value.toString();
    }

    /**
     * The register's version: the served generation, the head of the log, and the version of the disclosures (names
     * are joined when served, and change without a new entry when resolved or withdrawn).
     */
    String version() {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery("""
                        select (select generation from register_generation where status = 'SERVING') || '.'
                               || coalesce((select max(sequence) from log_entry), 0) || '.'
                               || (select version from disclosure_state where id = 1)""")
                .getSingleResult().toString());
    }

    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> Function<T, T> identity() {
        return t -> t;
    }
}
