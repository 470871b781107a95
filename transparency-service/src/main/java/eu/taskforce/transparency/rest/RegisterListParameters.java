package eu.taskforce.transparency.rest;

import eu.taskforce.platform.api.ListParameters;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import java.time.OffsetDateTime;

/**
 * The platform's list parameters and {@code updatedSince}, for the register's public lists: its description is the
 * register's own (every public list is ordered by its own key, and updatedSince only narrows it).
 */
public class RegisterListParameters extends ListParameters {

    @Parameter(description = "Only what changed at or after this time (ISO-8601), for incremental sync")
    @QueryParam("updatedSince")
    private OffsetDateTime updatedSince;

    /** The time the client sent, or null. */
    public OffsetDateTime updatedSince() {
        return updatedSince;
    }
}
