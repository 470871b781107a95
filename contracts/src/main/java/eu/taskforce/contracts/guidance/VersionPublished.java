package eu.taskforce.contracts.guidance;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A version of a guidance document was published to the Taskforce. Its sections are listed by stable key and title (a
 * key names the same section in every version), never with their text.
 *
 * @param documentId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record VersionPublished(UUID documentId, String documentTitle, UUID versionId, int versionNumber,
                               String changeNote, List<Section> sections, OffsetDateTime publishedAt) {

    /** A section: its stable key, its place in this version (1, 2, ...) and its title. */
    public record Section(String key, int position, String title) {
    }
}
