package eu.taskforce.notification.rest;

import eu.taskforce.platform.personaldata.ErasureEndpoint;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.security.Caller;
import jakarta.ws.rs.Path;

/** The AI Office's erasure of a named account: its subscriptions (by owner subject or account name) are deleted. */
@Path("/api/v1/notifications/personal-data/erasures")
public class ErasureResource extends ErasureEndpoint {

    public ErasureResource(PersonalData personalData, Caller caller) {
        super(personalData, caller);
    }
}
