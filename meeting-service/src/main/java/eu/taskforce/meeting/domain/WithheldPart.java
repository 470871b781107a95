package eu.taskforce.meeting.domain;

import eu.taskforce.contracts.meetings.WithholdingReason;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

/** A part of the minutes that is not published: its title and the reason are public, its content is not. */
@Embeddable
public class WithheldPart {

    @Column(nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public WithholdingReason reason;

    public static WithheldPart of(String title, WithholdingReason reason) {
        WithheldPart part = new WithheldPart();
        part.title = title;
        part.reason = reason;
        return part;
    }
}
