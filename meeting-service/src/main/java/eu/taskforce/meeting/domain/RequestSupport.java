package eu.taskforce.meeting.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A member organisation's support for a request (once per organisation). */
@Embeddable
public class RequestSupport {

    @Column(name = "organisation_id", nullable = false)
    public UUID organisationId;

    @Column(name = "supported_by", nullable = false)
    public String supportedBy;

    @Column(name = "supported_at", nullable = false)
    public OffsetDateTime supportedAt;
}
