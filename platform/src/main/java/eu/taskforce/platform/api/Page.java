package eu.taskforce.platform.api;

import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list: its items and the cursor of the next page (absent on the last page). The response also
 * carries the next page as a {@code Link: <...>; rel="next"} header.
 */
// no fixed name: each list gets its own page schema (PageSignatory, PageMeeting...) with items of its type
@Schema(description = "One page of a list; pass nextCursor as the cursor parameter for the next one")
public record Page<T>(
        @Schema(required = true) List<T> items,
        @Schema(description = "The cursor of the next page; null on the last page", nullable = true) String nextCursor) {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    /**
     * Builds a page from up to {@code limit + 1} rows: the extra row only tells that a next page exists.
     *
     * @param cursorOf the cursor that points after a given row
     */
    public static <R, T> Page<T> of(List<R> rows, int limit, Function<R, T> view, Function<R, String> cursorOf) {
        boolean more = rows.size() > limit;
        List<R> shown = more ? rows.subList(0, limit) : rows;
        return new Page<>(shown.stream().map(view).toList(), more ? cursorOf.apply(shown.get(limit - 1)) : null);
    }

    /**
     * A 200 response with this page and its {@code Link: rel="next"} header. Typed, so that the OpenAPI document
     * gives the list its page schema (items of the view type) rather than an empty one.
     */
    public RestResponse<Page<T>> toResponse(UriInfo uri) {
        RestResponse.ResponseBuilder<Page<T>> response = RestResponse.ResponseBuilder.ok(this);
        if (nextCursor != null) {
            response.links(Link.fromUri(uri.getRequestUriBuilder().replaceQueryParam("cursor", nextCursor).build())
                    .rel("next").build());
        }
        return response.build();
    }
}
