package eu.taskforce.membership;

import eu.taskforce.membership.TestSupport.Events;
import eu.taskforce.membership.TestSupport.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_CREATED;
import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_STAKEHOLDER_ADDED;
import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_STAKEHOLDER_REMOVED;
import static eu.taskforce.membership.EventsTest.assertTypes;
import static eu.taskforce.membership.EventsTest.payload;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.createGroup;
import static eu.taskforce.membership.TestSupport.everything;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.registerStakeholder;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/**
 * Stakeholders of the register take part in ad-hoc groups: added and removed by the AI Office, shown in the group
 * (named only when listed publicly), announced by id only, and gone from every group when removed or erased.
 */
@QuarkusTest
class StakeholderGroupsTest {

    @Test
    void aStakeholderJoinsAndLeavesAGroupAnnouncedByIdOnly() {
        try (Events events = TestSupport.events()) {
            String listedName = unique("Listed Institute");
            UUID listed = registerStakeholder(stakeholder(listedName, "listed@example.org", true));
            UUID unlisted = registerStakeholder(stakeholder(unique("Quiet Institute"), "quiet@example.org", false));
            UUID group = createGroup(unique("Stakeholder group"));
            add(group, listed).statusCode(200);
            add(group, unlisted).statusCode(200)
                    .body("stakeholders.size()", equalTo(2))
                    .body("stakeholders[0].stakeholderId", equalTo(listed.toString()))
                    .body("stakeholders[0].name", equalTo(listedName))
                    .body("stakeholders[0].kind", equalTo("ORGANISATION"))
                    .body("stakeholders[1].stakeholderId", equalTo(unlisted.toString()))
                    .body("stakeholders[1].name", nullValue());
            // a member reads the group too, with no more than what is public
            User.MEMBER_A.request().get(API + "/groups/" + group).then().statusCode(200)
                    .body("stakeholders[1].name", nullValue());
            add(group, listed).statusCode(409).contentType(PROBLEM);
            office().delete(API + "/groups/" + group + "/stakeholders/" + unlisted).then().statusCode(204);
            office().delete(API + "/groups/" + group + "/stakeholders/" + unlisted).then().statusCode(404)
                    .contentType(PROBLEM);

            List<ConsumerRecord<String, String>> published = events.waitFor(group, 4);
            assertTypes(published, AD_HOC_GROUP_CREATED, AD_HOC_GROUP_STAKEHOLDER_ADDED,
                    AD_HOC_GROUP_STAKEHOLDER_ADDED, AD_HOC_GROUP_STAKEHOLDER_REMOVED);
            assertThat(payload(published.get(3)).get("stakeholderId").asText()).isEqualTo(unlisted.toString());
            assertThat(published).allSatisfy(record -> assertThat(everything(record)).doesNotContain(listedName)
                    .doesNotContain("@example.org"));
        }
    }

    @Test
    void anUnknownOrRemovedStakeholderIsRefusedAndARemovedOrErasedOneLeavesEveryGroup() {
        UUID group = createGroup(unique("Stakeholder group"));
        add(group, UUID.randomUUID()).statusCode(404).contentType(PROBLEM);
        office().contentType(ContentType.JSON).body("{}").post(API + "/groups/" + group + "/stakeholders").then()
                .statusCode(400).contentType(PROBLEM);
        office().contentType(ContentType.JSON).body(json("stakeholderId", "not-a-uuid"))
                .post(API + "/groups/" + group + "/stakeholders").then().statusCode(400).contentType(PROBLEM);

        UUID removed = registerStakeholder(stakeholder(unique("Leaving Institute"), "leaving@example.org", false));
        UUID erased = registerStakeholder(stakeholder(unique("Erased Institute"), "erased@example.org", true));
        add(group, removed).statusCode(200);
        add(group, erased).statusCode(200);
        String etag = office().get(API + "/stakeholders/" + removed).then().extract().header("ETag");
        office().header("If-Match", etag).delete(API + "/stakeholders/" + removed).then().statusCode(204);
        office().post(API + "/stakeholders/" + erased + "/erasure").then().statusCode(204);
        office().get(API + "/groups/" + group).then().statusCode(200).body("stakeholders.size()", equalTo(0));
        add(group, removed).statusCode(404).contentType(PROBLEM);
    }

    private static io.restassured.response.ValidatableResponse add(UUID group, UUID stakeholder) {
        return office().contentType(ContentType.JSON).body(json("stakeholderId", stakeholder))
                .post(API + "/groups/" + group + "/stakeholders").then();
    }
}
