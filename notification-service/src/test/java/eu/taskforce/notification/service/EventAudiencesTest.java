package eu.taskforce.notification.service;

import eu.taskforce.contracts.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Every event type of the contracts is classified, once; an ORGANISATION event names its organisation. */
class EventAudiencesTest {

    @Test
    void everyEventTypeOfTheContractsIsClassified() {
        assertThat(EventTypes.ALL).allSatisfy(type -> assertThat(EventAudiences.of(type)).as(type.type()).isPresent());
        assertThat(EventAudiences.all()).hasSameSizeAs(EventTypes.ALL);
    }

    @Test
    void representativesAreTheirOrganisationsAndMeetingRequestsTheMembers() {
        assertThat(EventAudiences.of(EventTypes.REPRESENTATIVE_APPOINTED)).contains(Audience.ORGANISATION);
        assertThat(EventAudiences.of(EventTypes.MEETING_REQUEST_FILED)).contains(Audience.MEMBERS);
        assertThat(EventAudiences.of(EventTypes.MEETING_REQUEST_DECLINED)).contains(Audience.PUBLIC);
        assertThat(EventAudiences.of(EventTypes.MEETING_CONVENED)).contains(Audience.PUBLIC);
        assertThat(EventAudiences.of("eu.taskforce.unknown.v1")).isEmpty();
    }

    @Test
    void theConcernedOrganisationIsTheDatasOrganisationId() {
        UUID organisation = UUID.randomUUID();
        assertThat(EventAudiences.concernedOrganisation("{\"organisationId\":\"" + organisation + "\"}"))
                .contains(organisation);
        assertThat(EventAudiences.concernedOrganisation("{\"organisationId\":\"not an id\"}")).isEmpty();
        assertThat(EventAudiences.concernedOrganisation("{}")).isEmpty();
        assertThat(EventAudiences.concernedOrganisation("not json")).isEmpty();
    }
}
