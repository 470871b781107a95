package eu.taskforce.guidance.rest;

import eu.taskforce.platform.personaldata.ErasureEndpoint;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.security.Caller;
import jakarta.ws.rs.Path;

/**
 * This service records token subjects only, never account names: a name reaches nothing of its own tables, only stored
 * idempotency replays that copy the name. The person's own erasure (DELETE .../me/personal-data) reaches everything.
 */
@Path("/api/v1/guidance/personal-data/erasures")
public class ErasureResource extends ErasureEndpoint {

    public ErasureResource(PersonalData personalData, Caller caller) {
        super(personalData, caller);
    }
}
