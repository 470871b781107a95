package eu.taskforce.membership.rest;

import eu.taskforce.platform.audit.AuditEndpoint;
import eu.taskforce.platform.audit.AuditTrail;
import jakarta.ws.rs.Path;

@Path("/api/v1/membership/audit")
public class AuditResource extends AuditEndpoint {

    public AuditResource(AuditTrail audit) {
        super(audit);
    }
}
