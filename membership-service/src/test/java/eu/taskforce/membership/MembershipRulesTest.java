package eu.taskforce.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.SIGNED_ON;
import static eu.taskforce.membership.TestSupport.addParticipant;
import static eu.taskforce.membership.TestSupport.createGroup;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.join;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.leave;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * The dates and the membership a membership period and an ad-hoc group depend on: no joining before the signature, no
 * leaving before the joining, and only current members in an ad-hoc group (refused for one that never joined and for
 * one that left). Each refusal is a 409 that says why and changes nothing.
 */
@QuarkusTest
class MembershipRulesTest {

    @Test
    void aSignatoryCannotJoinBeforeItSignedTheCode() {
        UUID id = freshSignatory();
        office().contentType(ContentType.JSON).body(json("joinedOn", SIGNED_ON.minusDays(1)))
                .post(SIGNATORIES + "/" + id + "/memberships").then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("A signatory cannot join before it signed the Code (" + SIGNED_ON + ")"));
        assertThat(office().get(SIGNATORIES + "/" + id + "/memberships").jsonPath().getList("$")).isEmpty();
        // the day of the signature itself is allowed
        join(id, SIGNED_ON);
        office().get(SIGNATORIES + "/" + id).then().body("member", is(true));
    }

    @Test
    void aMembershipCannotEndBeforeItBegan() {
        UUID id = freshSignatory();
        LocalDate joinedOn = SIGNED_ON.plusDays(30);
        join(id, joinedOn);
        leave(office(), id, joinedOn.minusDays(1)).then().statusCode(409).contentType(PROBLEM)
                .body("detail", equalTo("The membership began on " + joinedOn + "; it cannot end before that day"));
        office().get(SIGNATORIES + "/" + id).then().body("member", is(true));
        office().get(SIGNATORIES + "/" + id + "/memberships").then().body("leftOn[0]", equalTo(null));
        // the day it began is allowed
        leave(office(), id, joinedOn).then().statusCode(200).body("leftOn", equalTo(joinedOn.toString()));
    }

    @Test
    void anAdHocGroupIsMadeOfCurrentMembersOnly() {
        UUID group = createGroup(unique("Rules group"));
        String participants = API + "/groups/" + group + "/participants";

        String neverJoined = unique("Never joined AI");
        UUID signatory = TestSupport.register(TestSupport.signatory(neverJoined, "FR", "TRANSPARENCY"));
        office().contentType(ContentType.JSON).body(json("organisationId", signatory)).post(participants)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(neverJoined
                        + " is not a member of the Taskforce; ad-hoc groups are made of members"));

        String leftName = unique("Former member AI");
        UUID left = TestSupport.register(TestSupport.signatory(leftName, "DE", "TRANSPARENCY"));
        join(left, SIGNED_ON);
        leave(office(), left, SIGNED_ON.plusDays(10)).then().statusCode(200);
        office().contentType(ContentType.JSON).body(json("organisationId", left)).post(participants)
                .then().statusCode(409).contentType(PROBLEM).body("detail", equalTo(leftName
                        + " is not a member of the Taskforce; ad-hoc groups are made of members"));

        UUID member = freshSignatory();
        join(member, null);
        addParticipant(group, member);
        office().get(API + "/groups/" + group).then().statusCode(200)
                .body("participants.organisationId", equalTo(java.util.List.of(member.toString())));
    }
}
