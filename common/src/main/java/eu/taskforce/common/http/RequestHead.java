package eu.taskforce.common.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Checks of a request's head (its address and its headers) that the gateway and every service make before any route,
 * so that what the HTTP layer would refuse with a bare status and an empty body is answered with problem+json.
 * Vert.x's own limits are set above the documented ones: only a head beyond those still gets Vert.x's bare answer.
 */
public final class RequestHead {

    public static final String UNREADABLE_ADDRESS = "The request's address cannot be read: it is not a URI, or holds"
            + " malformed percent-encoding (a % not followed by two hexadecimal digits)";

    private RequestHead() {
    }

    /** A URI, whose path and query decode (Vert.x and the REST layer decode both). */
    public static boolean decodable(String uri) {
        if (uri == null) {
            return false;
        }
        try {
            new URI(uri);
            URLDecoder.decode(uri, StandardCharsets.UTF_8);
            return true;
        } catch (URISyntaxException | IllegalArgumentException e) {
            return false;
        }
    }

    /** What the headers take on the wire in HTTP/1.1: each name, ": ", its value and CRLF. */
    public static long headerBytes(Iterable<Map.Entry<String, String>> headers) {
        long bytes = 0;
        for (Map.Entry<String, String> header : headers) {
            bytes += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        return bytes;
    }

    public static String uriTooLong(int maxLength) {
        return "The request's address is too long: at most " + maxLength + " characters";
    }

    public static String headersTooLarge(long maxBytes) {
        return "The request's header fields are too large: at most " + maxBytes + " bytes in all";
    }
}
