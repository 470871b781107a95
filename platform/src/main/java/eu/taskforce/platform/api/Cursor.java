package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.UUID;

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
            if (Arrays.stream(values).anyMatch(value -> value.indexOf('\u0000') >= 0)) {
                throw new IllegalArgumentException("NUL character"); // PostgreSQL text cannot hold one
            }
            return Arrays.asList(values);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A timestamp part of a decoded cursor; a tampered one is a 400. */
    public static OffsetDateTime timestamp(String part) {
        try {
            return QueryParameterConverters.storable(OffsetDateTime.parse(part));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** An id part of a decoded cursor; a tampered one is a 400. */
    public static UUID uuid(String part) {
        try {
            return UUID.fromString(part);
        } catch (IllegalArgumentException e) {
            throw invalid();
        }
    }

    /** A number part of a decoded cursor; a tampered one is a 400. */
    public static int integer(String part) {
        try {
            return Integer.parseInt(part);
        } catch (NumberFormatException e) {
            throw invalid();
        }
    }

    private static ProblemException invalid() {
        return ProblemException.badRequest("The cursor is not one this API issued; start again without it");
    }

    private Cursor() {
    }
}
