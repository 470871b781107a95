package eu.taskforce.guidance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.testing.MembershipFeed;
import eu.taskforce.platform.testing.ServiceEvents;
import eu.taskforce.platform.testing.StakeholderAccounts;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Evidence given by a stakeholder whose account the AI Office linked to its entry of the register (the token's
 * {@code stakeholder} claim, ADR 0011): the submission names the stakeholder, for the AI Office, the submitter and, when
 * given under its name, in the public event (its history in the register); an account linked to an entry removed from
 * the register gives no more input; the stakeholder's erasure unlinks its submissions and erases the account here.
 */
@QuarkusTest
class StakeholderInputTest {

    MembershipFeed feed;
    UUID stakeholder;

    @BeforeEach
    void linkTheExpertsAccount() {
        feed = MembershipFeed.open();
        stakeholder = UUID.randomUUID();
        feed.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, stakeholder, new StakeholderProfile(
                stakeholder, StakeholderProfile.Kind.PERSON, false, null, null, null, null));
        awaitOnRegister(true);
        StakeholderAccounts.link(EXPERT, stakeholder);
    }

    @AfterEach
    void unlink() {
        StakeholderAccounts.unlink(EXPERT);
        feed.close();
    }

    @Test
    void evidenceOfALinkedAccountNamesItsStakeholderAndTheEventOnlyWhenGivenUnderItsName() throws Exception {
        Map<String, Object> named = Guidance.evidence("Named input", "PUBLIC");
        String attributed = Guidance.submit(EXPERT, named);
        Map<String, Object> unnamed = Guidance.evidence("Unnamed input", "PUBLIC");
        unnamed.put("attribution", "ANONYMOUS");
        String anonymous = Guidance.submit(EXPERT, unnamed);

        EXPERT.request().get(EVIDENCE + "/" + attributed).then().statusCode(200)
                .body("stakeholderId", equalTo(stakeholder.toString())).body("submitterRole", equalTo("STAKEHOLDER"));
        OFFICE.request().get(EVIDENCE + "/" + anonymous).then().statusCode(200)
                .body("stakeholderId", equalTo(stakeholder.toString()));
        MEMBER_A.request().get(EVIDENCE + "/" + attributed).then().statusCode(200)
                .body("stakeholderId", equalTo(null));

        List<ConsumerRecord<String, String>> records = ServiceEvents.await(feed.bootstrapServers,
                feed.topicOf(Topics.GUIDANCE), Set.of(attributed, anonymous), r -> r.size() == 2);
        ObjectMapper json = new ObjectMapper();
        JsonNode ofNamed = json.readTree(records.stream().filter(r -> r.key().equals(attributed)).findFirst()
                .orElseThrow().value());
        JsonNode ofUnnamed = json.readTree(records.stream().filter(r -> r.key().equals(anonymous)).findFirst()
                .orElseThrow().value());
        assertThat(ofNamed.path("stakeholderId").asText()).isEqualTo(stakeholder.toString());
        assertThat(ofUnnamed.has("stakeholderId")).isFalse();
        assertThat(ofUnnamed.toString()).doesNotContain(stakeholder.toString());
    }

    @Test
    void anAccountLinkedToAStakeholderRemovedFromTheRegisterGivesNoInput() {
        feed.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REMOVED, stakeholder,
                new StakeholderRemoved(stakeholder));
        awaitOnRegister(false);
        EXPERT.request().body(Guidance.evidence("After removal", "PUBLIC")).post(EVIDENCE).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("stakeholder register"));
    }

    @Test
    void theStakeholdersErasureUnlinksItsEvidenceAndErasesTheAccountHere() {
        String evidence = Guidance.submit(EXPERT, Guidance.evidence("Kept contribution", "PUBLIC"));
        feed.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_ERASED, stakeholder,
                new StakeholderErased(stakeholder, List.of()));
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> count(
                "select count(*) from evidence where id = '" + evidence + "' and stakeholder_id is null") == 1);
        assertThat(count("select count(*) from evidence where stakeholder_id = '" + stakeholder + "'")).isZero();
        // the contribution stays, without its author
        OFFICE.request().get(EVIDENCE + "/" + evidence).then().statusCode(200)
                .body("title", equalTo("Kept contribution")).body("stakeholderId", equalTo(null));
        assertThat(count("select count(*) from evidence where id = '" + evidence + "' and submitted_by <> '" + PersonalData.PSEUDONYM + "'"))
                .isZero();
    }

    private void awaitOnRegister(boolean on) {
        await().atMost(MembershipFeed.APPLIED_WITHIN).until(() -> count("select count(*) from registered_stakeholder"
                + " where id = '" + stakeholder + "' and removed_at is " + (on ? "null" : "not null")) == 1);
    }

    private long count(String sql) {
        return feed.count(sql);
    }
}
