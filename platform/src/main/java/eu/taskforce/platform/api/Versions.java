package eu.taskforce.platform.api;

import eu.taskforce.platform.problem.ProblemException;
import jakarta.ws.rs.core.EntityTag;

import java.util.Arrays;

/**
 * ETag and If-Match for optimistic concurrency: a record's ETag is its version, and a write that names a version
 * (If-Match) is refused with 412 when the record has changed since. A write without If-Match goes ahead.
 */
public final class Versions {

    public static final String IF_MATCH = "If-Match";

    public static EntityTag etag(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** Refuses the write with 412 unless {@code ifMatch} is absent, {@code *}, or names {@code currentVersion}. */
    public static void requireMatch(String ifMatch, long currentVersion) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return;
        }
        String current = Long.toString(currentVersion);
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::strip)
                .map(tag -> tag.startsWith("W/") ? tag.substring(2) : tag)
                .map(tag -> tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")
                        ? tag.substring(1, tag.length() - 1) : tag)
                .anyMatch(current::equals);
        if (!matches) {
            throw ProblemException.preconditionFailed("The record has changed since you read it (its ETag is now \""
                    + current + "\"); read it again and reapply your change");
        }
    }

    private Versions() {
    }
}
