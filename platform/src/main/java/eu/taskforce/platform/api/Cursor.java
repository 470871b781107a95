package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * An opaque pagination cursor: the sort key of the last item of a page, which the next page starts after.
 * Clients treat it as an opaque string; a cursor that was tampered with is a 400.
 */
public final class Cursor {

    private static final String SEPARATOR = "\u001f";

    public static String encode(String... sortKey) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join(SEPARATOR, sortKey).getBytes(StandardCharsets.UTF_8));
    }

    /** The sort key in the cursor; {@code parts} is how many values it must hold. */
    public static List<String> decode(String cursor, int parts) {
        try {
            String[] values = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8)
                    .split(SEPARATOR, -1);
            if (values.length != parts) {
                throw new IllegalArgumentException("wrong number of parts");
            }
            return Arrays.asList(values);
        } catch (IllegalArgumentException e) {
            throw ProblemException.badRequest("The cursor is not one this API issued; start again without it");
        }
    }

    private Cursor() {
    }
}
