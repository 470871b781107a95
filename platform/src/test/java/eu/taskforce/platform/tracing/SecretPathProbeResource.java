package eu.taskforce.platform.tracing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

/**
 * Test-only: the route where meeting-service serves personal calendar feeds (the token is the credential), failing as
 * a service may: with an exception that the problem mappers log, or with an error that reaches Quarkus's own handler.
 */
@Path("/api/v1/meetings/calendar/personal/{token}")
public class SecretPathProbeResource {

    @GET
    public String fail(@PathParam("token") String token, @QueryParam("how") String how) {
        if ("error".equals(how)) {
            throw new LinkageError("an error that no exception mapper takes");
        }
        throw new IllegalStateException("an unexpected failure");
    }
}
