package eu.taskforce.contracts.membership;

import eu.taskforce.contracts.reference.Chapter;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The AI Office published an edition of the Taskforce Vademecum: its sections by stable key (rules of procedure,
 * objectives, membership rules, transparency rules, the statement that Taskforce input is without prejudice to the AI
 * Office's public consultations, ...) with their text, frozen with the participants list as of its publication date.
 * A published edition never changes; a later one has the next number.
 *
 * @param editionId    the aggregate id: the CloudEvents subject and the Kafka key
 * @param number       1, 2, ... in the order of publication
 * @param publishedOn  the day (UTC) whose participants the edition lists
 * @param participants the member organisations on that day, by name, with their public details
 */
public record VademecumPublished(UUID editionId, int number, LocalDate publishedOn, OffsetDateTime publishedAt,
                                 List<Section> sections, List<Participant> participants) {

    /** A section: its stable key (the same key names the same section in every edition), its place, title and text. */
    public record Section(String key, int position, String title, String text) {
    }

    /**
     * A member organisation on the publication day (organisations' names are not personal data).
     *
     * @param chapters        the chapters of the Code it signed, in the order of {@link Chapter}
     * @param memberSince     the first day of the membership period that includes the publication day
     * @param representatives its representatives whose names were published with their consent that day
     */
    public record Participant(UUID organisationId, String name, String country, String website,
                              List<Chapter> chapters, LocalDate memberSince, List<Representative> representatives) {
    }

    /** A representative as the register lists them: the name only as the commitment already published with consent. */
    public record Representative(UUID representativeId, RepresentativeRole role, PersonalField publicName) {
    }
}
