package eu.taskforce.transparency.disclosure;

import eu.taskforce.contracts.membership.Opening;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/**
 * The one call the register makes to another service: membership-service discloses the opening of a commitment while
 * the person's consent lasts (200), and answers 404 once it does not (unknown, withdrawn, rectified, erased). As the
 * confidential client {@code taskforce-services} (client credentials, {@code quarkus.oidc-client.*}).
 */
@RegisterRestClient(configKey = "membership")
@OidcClientFilter
@Path("/api/v1/membership/disclosures")
public interface MembershipDisclosures {

    @GET
    @Path("{commitment}")
    @Produces(MediaType.APPLICATION_JSON)
    @Timeout(10_000) // the whole call, token included; the resolver tries again later
    Opening opening(@PathParam("commitment") String commitment);
}
