package eu.taskforce.platform.problem;

import eu.taskforce.platform.security.Caller;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Test-only: an endpoint that needs an authenticated caller, to see how authentication failures are answered. */
@Path("/platform-test/protected")
@Produces(MediaType.TEXT_PLAIN)
public class ProtectedProbeResource {

    private final Caller caller;

    public ProtectedProbeResource(Caller caller) {
        this.caller = caller;
    }

    @GET
    @Authenticated
    public String whoAmI() {
        return caller.subject();
    }

    /** The caller as the services see it: subject, username, organisation and whether a member. */
    @GET
    @Path("caller")
    @Authenticated
    public String caller() {
        return String.join(" ", caller.subject(), caller.username(),
                caller.organisation().map(Object::toString).orElse("-"), String.valueOf(caller.isMember()));
    }

    /** A path with a parameter: its metrics are labelled with the template, whatever the answer. */
    @GET
    @Path("items/{item}")
    @Authenticated
    public String item(@PathParam("item") String item) {
        return item;
    }
}
