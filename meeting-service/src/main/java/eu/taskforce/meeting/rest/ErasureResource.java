package eu.taskforce.meeting.rest;

import eu.taskforce.platform.personaldata.ErasureEndpoint;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.security.Caller;
import jakarta.ws.rs.Path;

/**
 * A name reaches the invitations of that account and its calendar feeds, and through them (a feed, or an answer to the
 * account's own invitation, records the token subject beside the name) every row under those subjects.
 */
@Path("/api/v1/meetings/personal-data/erasures")
public class ErasureResource extends ErasureEndpoint {

    public ErasureResource(PersonalData personalData, Caller caller) {
        super(personalData, caller);
    }
}
