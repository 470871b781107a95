package eu.taskforce.transparency.rest;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import eu.taskforce.transparency.config.RegisterConfig;
import eu.taskforce.transparency.query.PublicList.Selection;
import eu.taskforce.transparency.query.RegisterChanges;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Link;
import jakarta.ws.rs.core.UriInfo;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The pages of the public lists as last served, while the register has not changed: a page is kept under the
 * register's version as {@link RegisterChanges} knows it and the whole request (the address it was called at, since
 * the next link names it, the path, the query parameters in a stable order, and the list's own parameters, such as
 * the day a list of members is for), so a change makes every page kept before it unreachable at once, in every
 * instance; the pages are then dropped. Bounded by the bytes it holds. While the register's changes cannot be heard,
 * or for a list that changes with time, every page is read from the database.
 */
@ApplicationScoped
public class CachedPages {

    /** A page as served: its body, its ETag and its link to the next page. */
    record Rendered(byte[] body, EntityTag etag, Link next) {
    }

    private record Key(long version, String request) {
    }

    private final RegisterChanges changes;
    private final Cache<Key, Rendered> pages;
    private volatile long version;

    public CachedPages(RegisterChanges changes, RegisterConfig config) {
        this.changes = changes;
        this.pages = Caffeine.newBuilder()
                .maximumWeight(config.pageCacheSize().asLongValue())
                .weigher((Key key, Rendered page) -> key.request().length() * 2 + page.body().length + 200)
                .build();
    }

    /** The page that {@code render} makes, rendered again only when the register changed since it was kept. */
    Rendered page(UriInfo uri, Selection<?> selection, Supplier<Rendered> render) {
        long current = changes.version();
        if (!changes.listening() || selection.list().changesWithTime()) {
            return render.get();
        }
        if (current != version) {
            version = current;
            pages.invalidateAll(); // unreachable already; frees their memory
        }
        return pages.get(new Key(current, request(uri, selection)), key -> render.get());
    }

    /** The request, normalised: the same for the same question whatever the order of its parameters. */
    private static String request(UriInfo uri, Selection<?> selection) {
        Map<String, Object> query = new TreeMap<>(uri.getQueryParameters());
        return uri.getBaseUri() + uri.getPath() + "?" + query + "|" + selection.params().key();
    }
}
