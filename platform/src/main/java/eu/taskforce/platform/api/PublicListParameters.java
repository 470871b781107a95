package eu.taskforce.platform.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.OffsetDateTime;

/**
 * {@link ListParameters} and {@code updatedSince} for the public register's lists, where it only narrows a list, which
 * keeps its own order (unlike {@link SyncListParameters}): the same field, described as the register publishes it.
 */
public class PublicListParameters extends ListParameters {

    @Parameter(description = "Only what changed at or after this time (ISO-8601), for incremental sync")
    @QueryParam("updatedSince")
    private OffsetDateTime updatedSince;

    /** The time the client sent, or null. */
    public OffsetDateTime updatedSince() {
        return updatedSince;
    }
}
