package eu.taskforce.meeting;

import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.MeetingHeld;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.membership.MembershipReplica;
import eu.taskforce.platform.testing.StakeholderAccounts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static eu.taskforce.meeting.PersonalDataTest.record;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * A stakeholder is invited by its id in membership-service's register, checked against the membership replica: an
 * unknown, removed or erased id is a 400 problem naming the field; a valid one is invited, and when it attends, the
 * meeting-held event names it by that id (its history in the public register).
 */
@QuarkusTest
class StakeholderInvitationTest {

    @Inject
    MembershipReplica replica;

    @Inject
    EntityManager entityManager;

    @Test
    void anUnknownRemovedOrErasedStakeholderIsRefusedAndNothingIsInvited() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String meeting = convene(meeting("STAKEHOLDER_SESSION", inDays(15), marker));
        UUID removed = registered();
        apply(EventTypes.STAKEHOLDER_REMOVED, removed, new StakeholderRemoved(removed));
        UUID erased = registered();
        apply(EventTypes.STAKEHOLDER_ERASED, erased, new StakeholderErased(erased, List.of()));

        for (UUID stakeholder : List.of(UUID.randomUUID(), removed, erased)) {
            OFFICE.request().body(Map.of("username", "sh-" + marker, "stakeholderId", stakeholder.toString()))
                    .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("stakeholderId"))
                    .body("errors[0].message", containsString("not a stakeholder on the register"));
        }
        OFFICE.request().body(Map.of("organisationId", UUID.randomUUID().toString(),
                        "stakeholderId", registered().toString()))
                .post(MEETINGS + "/" + meeting + "/invitations").then().statusCode(400)
                .body("errors[0].field", equalTo("stakeholderId"));
        OFFICE.request().get(MEETINGS + "/" + meeting + "/invitations").then().statusCode(200)
                .body("items.findAll { it.inviteeType == 'INDIVIDUAL' }.size()", equalTo(0));
    }

    @Test
    void aRegisteredStakeholderIsInvitedCheckedAndNamedByItsIdWhenItAttends() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String meeting = convene(meeting("STAKEHOLDER_SESSION", inDays(0).minusHours(1), marker));
        UUID stakeholder = registered();
        String invitations = MEETINGS + "/" + meeting + "/invitations";
        String invitation = OFFICE.request().body(Map.of("username", "sh-" + marker,
                        "stakeholderId", stakeholder.toString()))
                .post(invitations).then().statusCode(201)
                .body("stakeholderId", equalTo(stakeholder.toString())).body("stakeholderChecked", equalTo(true))
                .extract().path("id");
        // one stakeholder, one invitation: not a second account for the same register entry
        OFFICE.request().body(Map.of("username", "other-" + marker, "stakeholderId", stakeholder.toString()))
                .post(invitations).then().statusCode(409).contentType("application/problem+json");
        // an individual without a register entry is still invited by account, unchecked
        OFFICE.request().body(Map.of("username", "guest-" + marker)).post(invitations).then().statusCode(201)
                .body("stakeholderChecked", equalTo(false));

        OFFICE.request().body(Map.of("attendingOrganisations", List.of(), "attendingIndividuals", List.of(invitation)))
                .post(MEETINGS + "/" + meeting + "/held").then().statusCode(200);
        MeetingHeld held = EventJson.read(QuarkusTransaction.requiringNew().call(() -> (String) entityManager
                .createNativeQuery("select payload from outbox_event where type = :type and subject = :meeting")
                .setParameter("type", EventTypes.MEETING_HELD.type()).setParameter("meeting", meeting)
                .getSingleResult()), MeetingHeld.class);
        assertThat(held.individualAttendees()).isEqualTo(1);
        assertThat(held.stakeholderAttendees()).containsExactly(stakeholder);

        // its history here: the AI Office reads it; the stakeholder with its own account would see the same row
        OFFICE.request().get(MEETINGS + "/stakeholders/" + stakeholder + "/history").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].meetingId", equalTo(meeting))
                .body("items[0].attended", equalTo(true)).body("items[0].status", equalTo("HELD"));
        EXPERT.request().get(MEETINGS + "/stakeholders/" + stakeholder + "/history").then().statusCode(200)
                .body("items.size()", equalTo(0)); // sent to another account
        // an account the AI Office linked to the register entry (ADR 0011) reads the entry's whole history
        StakeholderAccounts.link(EXPERT, stakeholder);
        try {
            EXPERT.request().get(MEETINGS + "/stakeholders/" + stakeholder + "/history").then().statusCode(200)
                    .body("items.size()", equalTo(1)).body("items[0].invitationId", equalTo(invitation));
            EXPERT.request().get(MEETINGS + "/stakeholders/" + registered() + "/history").then().statusCode(200)
                    .body("items.size()", equalTo(0)); // another entry: only its own account's invitations
        } finally {
            StakeholderAccounts.unlink(EXPERT);
        }
    }

    /** A stakeholder on the register, as the replica learns it from membership-service's event. */
    private UUID registered() {
        UUID stakeholder = UUID.randomUUID();
        apply(EventTypes.STAKEHOLDER_REGISTERED, stakeholder, new StakeholderProfile(stakeholder,
                StakeholderProfile.Kind.ORGANISATION, false, null, null, null, null));
        return stakeholder;
    }

    // handed to the replica as its consumer does, not through the shared broker (PersonalDataTest says why)
    private void apply(eu.taskforce.contracts.EventType<?> type, UUID subject, Object data) {
        replica.consume("meeting.membership", record(type, subject, data));
    }
}
