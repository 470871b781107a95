package eu.taskforce.meeting.rest;

import eu.taskforce.meeting.service.InvalidInput;
import eu.taskforce.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** {@link InvalidInput} as the same 400 validation problem that Bean Validation failures get from the platform. */
public class InvalidInputMapper {

    @ServerExceptionMapper
    public Response invalid(InvalidInput e, UriInfo uri) {
        return Response.status(400).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + "validation", "Invalid request", 400, e.getMessage(),
                        uri == null ? null : uri.getPath(), e.errors()))
                .build();
    }
}
