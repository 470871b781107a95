package eu.taskforce.notification.rest;

import eu.taskforce.platform.audit.AuditEndpoint;
import eu.taskforce.platform.audit.AuditTrail;
import jakarta.ws.rs.Path;

/** Who made, changed, rotated, re-enabled or deleted which webhook subscription, when (the AI Office). */
@Path("/api/v1/notifications/audit")
public class AuditResource extends AuditEndpoint {

    public AuditResource(AuditTrail audit) {
        super(audit);
    }
}
