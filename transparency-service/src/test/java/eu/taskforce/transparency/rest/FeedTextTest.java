package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The words of the feed: every type has them, a person is never named, long texts are cut. */
class FeedTextTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ORG = "2f1c7c36-8a57-4d3c-9a8e-0a1f2b3c4d5e";
    static final String PERSON = "Jeanne Martin";
    static final String COMMITMENT = "sha256:" + "ab".repeat(32);

    @Test
    void everyTypeHasATitleAndASummaryEvenWhenFieldsAreMissing() {
        for (EventType<?> type : EventTypes.ALL) {
            FeedText.Text text = FeedText.describe(type.type(), JSON.createObjectNode(), id -> null);
            assertThat(text.title()).as(type.type()).isNotBlank().doesNotContain("null");
            assertThat(text.summary()).as(type.type()).isNotBlank().doesNotContain("null");
        }
    }

    @Test
    void aPersonIsNeverNamedNorTheirCommitmentWrittenEvenWhenAProducerSentTheName() {
        Map<String, String> labels = Map.of(ORG, "Mistral AI");
        FeedText.Text appointed = FeedText.describe("eu.taskforce.membership.representative-appointed.v2", json("""
                {"organisationId":"%s","representativeId":"5d0c0d8e-1111-4a4a-9b9b-000000000001","role":"PRINCIPAL",
                 "name":"%s","publicName":{"commitment":"%s","ref":"5d0c0d8e-1111-4a4a-9b9b-000000000001"}}"""
                .formatted(ORG, PERSON, COMMITMENT)), labels::get);
        assertThat(appointed).isEqualTo(new FeedText.Text("Representative appointed: Mistral AI",
                "A principal representative of Mistral AI; the name is listed while the person consents to it.",
                "/participants"));

        FeedText.Text expert = FeedText.describe("eu.taskforce.membership.stakeholder-registered.v2", json("""
                {"stakeholderId":"5d0c0d8e-1111-4a4a-9b9b-000000000002","kind":"PERSON","listedPublicly":true,
                 "name":"%s","fieldOfExpertise":"Evaluations","publicName":{"commitment":"%s","ref":"x"}}"""
                .formatted(PERSON, COMMITMENT)), labels::get);
        assertThat(expert.title()).isEqualTo("Stakeholder registered: an invited expert");

        // a v1 profile, which carried the name in clear, is no type of the contracts any more
        FeedText.Text v1 = FeedText.describe("eu.taskforce.membership.representative-appointed.v1", json("""
                {"organisationId":"%s","representativeId":"x","role":"PRINCIPAL","name":"%s"}"""
                .formatted(ORG, PERSON)), labels::get);
        assertThat(v1).isEqualTo(new FeedText.Text("Representative appointed",
                "A register entry of type eu.taskforce.membership.representative-appointed.v1.", null));

        FeedText.Text withdrawn = FeedText.describe("eu.taskforce.membership.personal-data-withdrawn.v1", json("""
                {"subject":"REPRESENTATIVE","organisationId":"%s","ref":"x","commitments":["%s"],
                 "reason":"CONSENT_WITHDRAWN"}""".formatted(ORG, COMMITMENT)), labels::get);
        assertThat(withdrawn).isEqualTo(new FeedText.Text("Personal data withdrawn: a representative of Mistral AI",
                "Consent withdrawn: 1 published value no longer shown.", "/register/withdrawals"));

        for (FeedText.Text text : new FeedText.Text[] {appointed, expert, v1, withdrawn}) {
            assertThat(text.title() + text.summary()).doesNotContain("Jeanne").doesNotContain("sha256:");
        }
    }

    @Test
    void aLongTextIsCutToTwoHundredCharacters() {
        String title = "T".repeat(500);
        FeedText.Text text = FeedText.describe("eu.taskforce.meetings.meeting-convened.v1", json("""
                {"meetingId":"%s","title":"%s","kind":"PLENARY","format":"ONLINE",
                 "startsAt":"2027-03-12T09:00:00Z","endsAt":"2027-03-12T11:00:00Z"}""".formatted(ORG, title)),
                id -> null);
        assertThat(text.title()).isEqualTo("Meeting convened: " + "T".repeat(199) + "… on 2027-03-12");
        assertThat(text.related()).isEqualTo("/meetings/" + ORG);
    }

    @Test
    void aWithheldPaperSaysWhyAndALateOneWhenItWasDue() {
        FeedText.Text paper = FeedText.describe("eu.taskforce.meetings.paper-circulated.v1", json("""
                {"meetingId":"5d0c0d8e-1111-4a4a-9b9b-000000000003","title":"Vendor roadmap","visibility":"MEMBERS",
                 "withholdingReason":"COMMERCIALLY_CONFIDENTIAL","late":true,"dueOn":"2026-03-01"}"""),
                id -> "Plenary of March");
        assertThat(paper.title()).isEqualTo("Paper circulated: Vendor roadmap");
        assertThat(paper.summary()).contains("not public (commercially confidential)")
                .contains("circulated late, after 2026-03-01");
        assertThat(paper.related()).isEqualTo("/meetings/5d0c0d8e-1111-4a4a-9b9b-000000000003/papers");
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
