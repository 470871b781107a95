package eu.taskforce.platform.api;

import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.OffsetDateTime;

/**
 * {@link ListParameters} and {@code updatedSince}, for a list a client keeps in step with: given, the list holds only
 * what changed at or after that time, ordered by time of change ({@link KeysetQuery#changedSince}).
 */
public class SyncListParameters extends ListParameters {

    @Parameter(description = "Only those changed at or after this time; sorts by time of change")
    @QueryParam("updatedSince")
    private OffsetDateTime updatedSince;

    /** The time the client sent, or null. */
    public OffsetDateTime updatedSince() {
        return updatedSince;
    }
}
