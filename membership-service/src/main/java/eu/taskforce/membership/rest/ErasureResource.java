package eu.taskforce.membership.rest;

import eu.taskforce.platform.personaldata.ErasureEndpoint;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.security.Caller;
import jakarta.ws.rs.Path;

/**
 * A name reaches every appointment, current or past, of that account as a representative: name, e-mail, account name
 * and published values are erased, and {@code representative-erased} tells the register and every subscriber.
 */
@Path("/api/v1/membership/personal-data/erasures")
public class ErasureResource extends ErasureEndpoint {

    public ErasureResource(PersonalData personalData, Caller caller) {
        super(personalData, caller);
    }
}
