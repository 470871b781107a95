package eu.taskforce.transparency.rest;

import eu.taskforce.platform.problem.Problem;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.transparency.ingest.Lag;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * How far the register is behind the topics it is built from. Public: a reader of the register should be able to
 * tell how current it is; it reveals only counts of events.
 */
@Path("/api/v1/public/register/lag")
@Tag(name = "Verifiable record")
@PermitAll
public class LagResource {

    private final Lag lag;

    public LagResource(Lag lag) {
        this.lag = lag;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getRegisterLag", summary = "Events on each topic that the register has not applied yet (end offset minus committed offset, per partition)")
    @APIResponse(responseCode = "200", description = "The lag, measured now", content = @Content(schema = @Schema(implementation = Lag.Report.class)))
    @APIResponse(responseCode = "503", description = "Kafka did not answer",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response lag() {
        try {
            CacheControl noStore = new CacheControl();
            noStore.setNoStore(true);
            return Response.ok(lag.measure()).cacheControl(noStore).build();
        } catch (IllegalStateException e) {
            throw new ProblemException(503, "kafka-unavailable", "Kafka unavailable",
                    "The lag cannot be measured now; try again later");
        }
    }
}
