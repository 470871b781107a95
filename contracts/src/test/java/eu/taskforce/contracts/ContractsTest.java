package eu.taskforce.contracts;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.meetings.AgendaPublished;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.contracts.meetings.PaperCirculated;
import eu.taskforce.contracts.meetings.PaperVisibility;
import eu.taskforce.contracts.meetings.SummaryPublished;
import eu.taskforce.contracts.meetings.WithholdingReason;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.contracts.reference.CodeOfPractice;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ContractsTest {

    @Test
    void codeOfPracticeHasTheChaptersCommitmentsAndMeasuresOfTheText() {
        CodeOfPractice code = CodeOfPractice.edition("2025-07-10").orElseThrow();
        assertThat(code.chapters()).extracting(CodeOfPractice.ChapterText::id)
                .containsExactly(Chapter.TRANSPARENCY, Chapter.COPYRIGHT, Chapter.SAFETY_AND_SECURITY);
        assertThat(code.commitments()).hasSize(12);
        assertThat(code.measures()).hasSize(40);
        assertThat(code.measure("SAFETY_AND_SECURITY-3.2")).get()
                .extracting(CodeOfPractice.Measure::title).isEqualTo("Model evaluations");
        assertThat(code.isKnownReference("COPYRIGHT-1")).isTrue();
        assertThat(code.isKnownReference("COPYRIGHT-1.6")).isFalse();
        assertThat(code.isKnownReference("SAFETY_AND_SECURITY-11")).isFalse();
        assertThat(code.isKnownReference(null)).isFalse();
    }

    @Test
    void everyEventTypeHasASchemaThatRequiresOnlyFieldsOfItsRecordAndIsInTheAsyncApiDocument() throws Exception {
        String asyncApi = new String(resource("asyncapi.yaml").readAllBytes(), StandardCharsets.UTF_8);
        Set<String> types = new HashSet<>();
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(types.add(type.type())).as("unique type %s", type.type()).isTrue();
            assertThat(type.type()).startsWith(CloudEvents.TYPE_PREFIX).matches(".*\\.v[0-9]+$");
            JsonNode schema = new ObjectMapper().readTree(resource(type.schemaResource()));
            Set<String> fields = new HashSet<>();
            Arrays.stream(type.payloadClass().getRecordComponents()).map(RecordComponent::getName).forEach(fields::add);
            schema.get("required").forEach(r -> assertThat(fields).as(type.type()).contains(r.asText()));
            Set<String> properties = new HashSet<>();
            schema.get("properties").fieldNames().forEachRemaining(properties::add);
            assertThat(properties).as("schema properties of %s", type.type()).isEqualTo(fields);
            assertThat(schema.get("$id").asText()).isEqualTo(type.dataSchema());
            assertThat(asyncApi).contains("name: " + type.type()).contains(type.schemaResource());
        }
    }

    @Test
    void payloadsRoundTripAsJsonWithIsoDatesAndRejectGarbage() {
        SignatoryRegistered event = new SignatoryRegistered(UUID.randomUUID(), "Example AI", "BE", null,
                EnumSet.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1));
        String json = EventJson.write(event);
        assertThat(json).contains("\"signedOn\":\"2025-08-01\"");
        assertThat(EventJson.read(json, SignatoryRegistered.class)).isEqualTo(event);
        assertThatThrownBy(() -> EventJson.read("{not json", SignatoryRegistered.class))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void meetingEventsTravelOnTheMeetingsTopicAndTheCadenceSubjectIsTheDocumentedOne() throws Exception {
        List<EventType<?>> meetings = EventTypes.ALL.stream()
                .filter(t -> t.type().startsWith(CloudEvents.TYPE_PREFIX + "meetings.")).toList();
        assertThat(meetings).hasSize(16).allSatisfy(t -> {
            assertThat(t.topic()).isEqualTo(Topics.MEETINGS);
            assertThat(t.schemaResource()).startsWith("schemas/meetings/");
        });
        JsonNode cadence = new ObjectMapper().readTree(resource(EventTypes.CADENCE_WARNING.schemaResource()));
        assertThat(cadence.get("description").asText()).contains(CadenceWarning.SUBJECT.toString());
        Object yaml = new org.yaml.snakeyaml.Yaml().load(resource("asyncapi.yaml"));
        assertThat(yaml).as("asyncapi.yaml parses").isInstanceOf(java.util.Map.class);
    }

    @Test
    void nestedMeetingPayloadsRoundTripAndNeverCarryMoreThanTheirFields() {
        UUID meeting = UUID.randomUUID();
        AgendaPublished agenda = new AgendaPublished(meeting, 1, List.of(new AgendaPublished.Item(1, "Model evaluations",
                null, List.of("SAFETY_AND_SECURITY-3.2"), List.of(), "2025-07-10")));
        assertThat(EventJson.read(EventJson.write(agenda), AgendaPublished.class)).isEqualTo(agenda);
        // a field added later is absent when unset: an earlier event, read and written again, keeps its form
        String earlier = "{\"meetingId\":\"" + meeting + "\",\"revision\":1,\"items\":[{\"position\":1,"
                + "\"title\":\"Opening\",\"description\":null,\"codeReferences\":[],\"guidanceDocumentIds\":[]}]}";
        assertThat(EventJson.write(EventJson.read(earlier, AgendaPublished.class))).isEqualTo(earlier);
        SummaryPublished summary = new SummaryPublished(meeting, "We met.", List.of(
                new SummaryPublished.WithheldPart("Pricing of compute", WithholdingReason.COMMERCIALLY_CONFIDENTIAL)),
                java.time.OffsetDateTime.parse("2026-03-01T10:00:00Z"));
        String json = EventJson.write(summary);
        assertThat(json).contains("\"reason\":\"COMMERCIALLY_CONFIDENTIAL\"");
        assertThat(EventJson.read(json, SummaryPublished.class)).isEqualTo(summary);
    }

    @Test
    void guidanceEventsTravelOnTheGuidanceTopicAndNoFeedbackNoticeCanCarryText() {
        List<EventType<?>> guidance = EventTypes.ALL.stream()
                .filter(t -> t.type().startsWith(CloudEvents.TYPE_PREFIX + "guidance.")).toList();
        assertThat(guidance).hasSize(10).allSatisfy(t -> {
            assertThat(t.topic()).isEqualTo(Topics.GUIDANCE);
            assertThat(t.schemaResource()).startsWith("schemas/guidance/");
        });
        // the notice of submitted, updated and withdrawn feedback has no field that could hold the feedback's text
        assertThat(Arrays.stream(eu.taskforce.contracts.guidance.FeedbackNotice.class.getRecordComponents())
                .map(RecordComponent::getName)).doesNotContain("text", "response", "organisationId", "organisationName");
        var confidential = new eu.taskforce.contracts.guidance.DispositionsPublished.DispositionCount(
                eu.taskforce.contracts.guidance.Disposition.NOT_TAKEN_UP, 2);
        assertThat(EventJson.write(confidential)).isEqualTo("{\"disposition\":\"NOT_TAKEN_UP\",\"count\":2}");
    }

    @Test
    void aCommitmentIsTheSha256OfTheJcsFormOfItsOpeningAndAFreshSaltGivesAnotherOne() {
        // the expected value was computed outside Java: Python's json.dumps(sort_keys=True, separators=(",", ":"),
        // ensure_ascii=False), which is RFC 8785 for string members, then hashlib.sha256
        Opening opening = new Opening("publicName", UUID.fromString("4b1e6a2c-0000-4000-8000-000000000001"),
                "c2FsdA", "Zoë \"Q\" Tab\t");
        assertThat(opening.commitment())
                .isEqualTo("sha256:e41d21ba6db2d24cc8f913c47f1afde2a485a5ca977e7bf56b8b19f85fa876b9");
        Opening one = Opening.of("publicName", opening.ref(), "Jeanne Martin");
        Opening two = Opening.of("publicName", opening.ref(), "Jeanne Martin");
        assertThat(one.salt()).hasSize(43).isNotEqualTo(two.salt());
        assertThat(one.commitment()).isNotEqualTo(two.commitment()).matches("sha256:[0-9a-f]{64}");
        assertThat(EventJson.write(one.personalField())).doesNotContain("Jeanne");
    }

    @Test
    void noMembershipEventCarriesAPersonsNameOrContactInClear() {
        for (EventType<?> type : EventTypes.ALL) {
            assertThat(Arrays.stream(type.payloadClass().getRecordComponents()).map(RecordComponent::getName))
                    .as(type.type()).doesNotContain("email", "contactEmail", "username", "displayName");
        }
        assertThat(EventTypes.REPRESENTATIVE_APPOINTED.type()).endsWith("representative-appointed.v2");
        assertThat(EventTypes.STAKEHOLDER_UPDATED.type()).endsWith("stakeholder-updated.v2");
        assertThat(eu.taskforce.contracts.membership.RepresentativeProfile.class.getRecordComponents()[3].getType())
                .isEqualTo(eu.taskforce.contracts.membership.PersonalField.class);
    }

    @Test
    void aMeetingHeldNamesAttendingStakeholdersByIdOnlyAndAnEarlierEventKeepsItsForm() {
        UUID meeting = UUID.randomUUID();
        UUID stakeholder = UUID.randomUUID();
        String earlier = "{\"meetingId\":\"" + meeting + "\",\"title\":\"Plenary\",\"kind\":\"PLENARY\","
                + "\"startsAt\":\"2026-03-01T09:00:00Z\",\"endsAt\":\"2026-03-01T12:00:00Z\",\"attendance\":[],"
                + "\"individualAttendees\":1}";
        eu.taskforce.contracts.meetings.MeetingHeld read = EventJson.read(earlier,
                eu.taskforce.contracts.meetings.MeetingHeld.class);
        assertThat(read.stakeholderAttendees()).isNull();
        assertThat(EventJson.write(read)).doesNotContain("stakeholderAttendees");
        eu.taskforce.contracts.meetings.MeetingHeld named = new eu.taskforce.contracts.meetings.MeetingHeld(meeting,
                "Plenary", read.kind(), read.startsAt(), read.endsAt(), List.of(), 1, List.of(stakeholder));
        assertThat(EventJson.read(EventJson.write(named), eu.taskforce.contracts.meetings.MeetingHeld.class))
                .isEqualTo(named);
        assertThat(EventTypes.AD_HOC_GROUP_STAKEHOLDER_ADDED.type())
                .isEqualTo("eu.taskforce.membership.ad-hoc-group-stakeholder-added.v1");
    }

    private static InputStream resource(String name) {
        InputStream in = ContractsTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }

    @Test
    void aPaperCirculatedLeavesOutTheAgendaItemAndReasonItHasNot() {
        PaperCirculated paper = new PaperCirculated(UUID.randomUUID(), UUID.randomUUID(), null, "Draft", PaperVisibility.PUBLIC,
                null, OffsetDateTime.parse("2026-03-02T10:00:00Z"), LocalDate.parse("2026-03-05"), false,
                "application/pdf", 1234, "ab".repeat(32));
        String json = EventJson.write(paper);
        assertThat(json).doesNotContain("agendaItem", "withholdingReason");
        assertThat(EventJson.read(json, PaperCirculated.class)).isEqualTo(paper);
    }
}
