package eu.taskforce.platform.personaldata;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A record whose history names the account as the one who did something to it (filed, approved, created...). */
@Schema(name = "PersonalDataAction", description = "A record that names the account as the author of a step")
public record RecordedAction(
        @Schema(examples = "MeetingRequest") String recordType,
        UUID recordId,
        @Schema(description = "The column that names the account", examples = "FILED_BY") String role,
        @Schema(description = "When the record was created or the step taken") OffsetDateTime at) {
}
