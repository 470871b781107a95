package eu.taskforce.notification.service;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import java.util.List;
import java.util.UUID;

/**
 * membership-service's list of where e-mails go ({@code GET /api/v1/membership/mail-recipients}), as the confidential
 * client {@code taskforce-services} (client credentials, {@code quarkus.oidc-client.*}). Timeout, retry and circuit
 * breaker: {@link MailRecipients}.
 */
@RegisterRestClient(configKey = "membership")
@OidcClientFilter
@Path("/api/v1/membership/mail-recipients")
public interface MembershipMailRecipients {

    /** One person's address, for one sending: never stored, never logged. */
    record Recipient(String type, String person, UUID organisationId, String email) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    List<Recipient> list(@QueryParam("audience") String audience);
}
