package eu.taskforce.contracts.guidance;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A version of a guidance document was published to the Taskforce. Its sections are listed by stable key and title (a
 * key names the same section in every version), with their text when the version's text fits in one event (see
 * {@link Section#text()}), so that a register can compare published versions.
 *
 * @param documentId the aggregate id: the CloudEvents subject and the Kafka key
 */
public record VersionPublished(UUID documentId, String documentTitle, UUID versionId, int versionNumber,
                               String changeNote, List<Section> sections, OffsetDateTime publishedAt) {

    /** At most this many bytes of sections' text (JSON-encoded, UTF-8) travel in one event; more, and none does. */
    public static final int TEXT_BUDGET_BYTES = 512 * 1024;

    /**
     * A section: its stable key, its place in this version (1, 2, ...) and its title.
     *
     * @param text the section's text; absent when the version's sections together exceed {@link #TEXT_BUDGET_BYTES}
     *             (a Kafka record stays under its 1 MB limit) and in events published before texts were carried
     */
    public record Section(String key, int position, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String text) {

        public Section(String key, int position, String title) {
            this(key, position, title, null);
        }
    }
}
