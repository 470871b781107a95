package eu.taskforce.membership;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.membership.TestSupport.Events;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_CREATED;
import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_PARTICIPANT_ADDED;
import static eu.taskforce.contracts.EventTypes.AD_HOC_GROUP_PARTICIPANT_REMOVED;
import static eu.taskforce.contracts.EventTypes.MEMBERSHIP_ENDED;
import static eu.taskforce.contracts.EventTypes.MEMBERSHIP_STARTED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_APPOINTED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_REMOVED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_UPDATED;
import static eu.taskforce.contracts.EventTypes.SIGNATORY_REGISTERED;
import static eu.taskforce.contracts.EventTypes.SIGNATORY_UPDATED;
import static eu.taskforce.contracts.EventTypes.SIGNATURE_WITHDRAWN;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_REGISTERED;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_REMOVED;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_UPDATED;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.addParticipant;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.everything;
import static eu.taskforce.membership.TestSupport.header;
import static eu.taskforce.membership.TestSupport.join;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.leave;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.read;
import static eu.taskforce.membership.TestSupport.register;
import static eu.taskforce.membership.TestSupport.registerStakeholder;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.signatory;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.type;
import static eu.taskforce.membership.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of change is published on the real Kafka topic as a CloudEvent keyed by its aggregate, carrying the
 * public projection only: never a contact address, and a person's name only with their consent.
 */
@QuarkusTest
class EventsTest {

    /** Planted in every e-mail address of these tests; it must never reach Kafka. */
    final String marker = "marker-" + UUID.randomUUID();
    Events events;

    @BeforeEach
    void startReading() {
        events = TestSupport.events();
    }

    @AfterEach
    void noContactDetailWasPublished() {
        try {
            assertThat(events.all()).isNotEmpty().allSatisfy(record -> assertThat(everything(record))
                    .doesNotContain(marker).doesNotContainIgnoringCase("mail"));
        } finally {
            events.close();
        }
    }

    @Test
    void signatoryAndMembershipChanges() {
        String name = unique("Evented AI");
        UUID id = register(signatory(name, "FR", "TRANSPARENCY", "COPYRIGHT"));
        office().contentType(ContentType.JSON).body(json("name", name, "country", "FR", "website", "https://example.org",
                "chapters", List.of("COPYRIGHT"), "effectiveOn", "2026-01-15")).put(SIGNATORIES + "/" + id).then().statusCode(200);
        join(id, LocalDate.parse("2025-09-01"));
        leave(office(), id, LocalDate.parse("2025-09-30")).then().statusCode(200);
        join(id, LocalDate.parse("2025-10-01"));
        office().contentType(ContentType.JSON).body(json("withdrawnOn", "2026-03-31")).post(SIGNATORIES + "/" + id + "/withdrawal")
                .then().statusCode(200);

        List<ConsumerRecord<String, String>> published = events.waitFor(id, 7);
        assertTypes(published, SIGNATORY_REGISTERED, SIGNATORY_UPDATED, MEMBERSHIP_STARTED, MEMBERSHIP_ENDED,
                MEMBERSHIP_STARTED, SIGNATURE_WITHDRAWN, MEMBERSHIP_ENDED);
        JsonNode registered = payload(published.get(0));
        assertThat(registered.get("signatoryId").asText()).isEqualTo(id.toString());
        assertThat(registered.get("name").asText()).isEqualTo(name);
        assertThat(registered.get("country").asText()).isEqualTo("FR");
        assertThat(texts(registered.get("chapters"))).containsExactlyInAnyOrder("TRANSPARENCY", "COPYRIGHT");
        assertThat(registered.get("signedOn").asText()).isEqualTo("2025-08-01");
        JsonNode updated = payload(published.get(1));
        assertThat(texts(updated.get("chapters"))).containsExactly("COPYRIGHT");
        assertThat(updated.get("effectiveOn").asText()).isEqualTo("2026-01-15");
        JsonNode started = payload(published.get(2));
        assertThat(started.get("organisationName").asText()).isEqualTo(name);
        assertThat(started.get("joinedOn").asText()).isEqualTo("2025-09-01");
        JsonNode left = payload(published.get(3));
        assertThat(left.get("membershipId").asText()).isEqualTo(started.get("membershipId").asText());
        assertThat(left.get("leftOn").asText()).isEqualTo("2025-09-30");
        assertThat(left.get("reason").asText()).isEqualTo("LEFT");
        assertThat(payload(published.get(5)).get("withdrawnOn").asText()).isEqualTo("2026-03-31");
        JsonNode ended = payload(published.get(6));
        assertThat(ended.get("membershipId").asText()).isEqualTo(payload(published.get(4)).get("membershipId").asText());
        assertThat(ended.get("reason").asText()).isEqualTo("SIGNATURE_WITHDRAWN");
        assertThat(ended.get("leftOn").asText()).isEqualTo("2026-03-31");
    }

    @Test
    void representativesArePublishedByNameOnlyWithConsent() {
        UUID organisation = register(signatory(unique("Represented AI"), "DE", "COPYRIGHT"));
        join(organisation, null);
        String consenting = unique("Consenting Person");
        String secret = unique("Private Person");
        String account = "ev-" + UUID.randomUUID().toString().substring(0, 8);
        String email = marker + "@example.org";
        UUID principal = appoint(organisation, representative(consenting, email, "PRINCIPAL", account + "-1", true));
        UUID alternate = appoint(organisation, representative(secret, email, "ALTERNATE", account + "-2", false));
        String path = SIGNATORIES + "/" + organisation + "/representatives/";
        office().contentType(ContentType.JSON).body(representative(consenting, email, "PRINCIPAL", account + "-1", false))
                .put(path + principal).then().statusCode(200);
        office().contentType(ContentType.JSON).body(representative(secret + " Jr", email, "ALTERNATE", account + "-2", false))
                .put(path + alternate).then().statusCode(200);
        office().delete(path + alternate).then().statusCode(204);

        List<ConsumerRecord<String, String>> published = events.waitFor(organisation, 7);
        assertTypes(published, SIGNATORY_REGISTERED, MEMBERSHIP_STARTED, REPRESENTATIVE_APPOINTED, REPRESENTATIVE_APPOINTED,
                REPRESENTATIVE_UPDATED, REPRESENTATIVE_UPDATED, REPRESENTATIVE_REMOVED);
        assertRepresentative(payload(published.get(2)), organisation, principal, "PRINCIPAL", consenting);
        assertRepresentative(payload(published.get(3)), organisation, alternate, "ALTERNATE", null);
        assertRepresentative(payload(published.get(4)), organisation, principal, "PRINCIPAL", null);
        assertRepresentative(payload(published.get(5)), organisation, alternate, "ALTERNATE", null);
        JsonNode removed = payload(published.get(6));
        assertThat(removed.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(removed.get("representativeId").asText()).isEqualTo(alternate.toString());
        assertThat(events.all()).allSatisfy(record -> assertThat(everything(record)).doesNotContain(secret));
    }

    @Test
    void stakeholdersArePublishedByNameOnlyWhenListedPublicly() {
        String listed = unique("Listed Institute");
        String unlisted = unique("Unlisted Expert");
        UUID shown = registerStakeholder(stakeholder(listed, marker + "@example.org", true));
        UUID hidden = registerStakeholder(stakeholder(unlisted, marker + ".2@example.org", false));
        office().contentType(ContentType.JSON).body(stakeholder(listed, marker + ".3@example.org", false))
                .put(API + "/stakeholders/" + shown).then().statusCode(200);
        office().contentType(ContentType.JSON).body(stakeholder(unlisted + " II", marker + ".4@example.org", false))
                .put(API + "/stakeholders/" + hidden).then().statusCode(200);
        office().delete(API + "/stakeholders/" + shown).then().statusCode(204);

        List<ConsumerRecord<String, String>> shownEvents = events.waitFor(shown, 3);
        List<ConsumerRecord<String, String>> hiddenEvents = events.waitFor(hidden, 2);
        assertTypes(shownEvents, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED, STAKEHOLDER_REMOVED);
        assertTypes(hiddenEvents, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED);
        JsonNode registered = payload(shownEvents.get(0));
        assertThat(registered.get("stakeholderId").asText()).isEqualTo(shown.toString());
        assertThat(registered.get("kind").asText()).isEqualTo("ORGANISATION");
        assertThat(registered.get("listedPublicly").asBoolean()).isTrue();
        assertThat(registered.get("name").asText()).isEqualTo(listed);
        assertThat(registered.get("fieldOfExpertise").asText()).isEqualTo("Open-source licensing");
        JsonNode unlistedNow = payload(shownEvents.get(1));
        assertThat(unlistedNow.get("listedPublicly").asBoolean()).isFalse();
        assertThat(unlistedNow.path("name").textValue()).isNull();
        assertThat(payload(shownEvents.get(2)).get("stakeholderId").asText()).isEqualTo(shown.toString());
        assertThat(hiddenEvents).allSatisfy(record -> {
            assertThat(payload(record).get("listedPublicly").asBoolean()).isFalse();
            assertThat(payload(record).path("name").textValue()).isNull();
            assertThat(payload(record).path("fieldOfExpertise").textValue()).isNull();
        });
        assertThat(events.all()).allSatisfy(record -> assertThat(everything(record)).doesNotContain(unlisted));
    }

    @Test
    void groupsAndTheirParticipants() {
        String organisationName = unique("Grouped AI");
        UUID organisation = register(signatory(organisationName, "IT", "TRANSPARENCY"));
        join(organisation, null);
        String name = unique("Open-source models");
        UUID group = UUID.fromString(office().contentType(ContentType.JSON)
                .body(json("name", name, "description", "Providers of open-source models")).post(API + "/groups")
                .then().statusCode(201).extract().path("id"));
        addParticipant(group, organisation);
        office().delete(API + "/groups/" + group + "/participants/" + organisation).then().statusCode(204);

        List<ConsumerRecord<String, String>> published = events.waitFor(group, 3);
        assertTypes(published, AD_HOC_GROUP_CREATED, AD_HOC_GROUP_PARTICIPANT_ADDED, AD_HOC_GROUP_PARTICIPANT_REMOVED);
        JsonNode created = payload(published.get(0));
        assertThat(created.get("groupId").asText()).isEqualTo(group.toString());
        assertThat(created.get("name").asText()).isEqualTo(name);
        assertThat(created.get("description").asText()).isEqualTo("Providers of open-source models");
        for (ConsumerRecord<String, String> participation : published.subList(1, 3)) {
            assertThat(payload(participation).get("organisationId").asText()).isEqualTo(organisation.toString());
            assertThat(payload(participation).get("organisationName").asText()).isEqualTo(organisationName);
        }
    }

    // ---- helpers ----

    /** The record's types in order, and its CloudEvents envelope: subject = key, source, id, time, schema. */
    static void assertTypes(List<ConsumerRecord<String, String>> records, EventType<?>... types) {
        assertThat(records).extracting(TestSupport::type)
                .containsExactly(List.of(types).stream().map(EventType::type).toArray(String[]::new));
        assertThat(records).extracting(r -> header(r, CloudEvents.HEADER_ID)).doesNotHaveDuplicates();
        assertThat(records).allSatisfy(record -> {
            assertThat(header(record, CloudEvents.HEADER_SUBJECT)).isEqualTo(record.key());
            assertThat(header(record, CloudEvents.HEADER_SPEC_VERSION)).isEqualTo("1.0");
            assertThat(header(record, CloudEvents.HEADER_SOURCE)).isEqualTo("/taskforce/membership-service");
            assertThat(header(record, CloudEvents.HEADER_CONTENT_TYPE)).isEqualTo("application/json");
            assertThat(header(record, CloudEvents.HEADER_DATA_SCHEMA))
                    .isEqualTo(EventTypes.byType(type(record)).orElseThrow().dataSchema());
            assertThat(OffsetDateTime.parse(header(record, CloudEvents.HEADER_TIME))).isNotNull();
        });
    }

    static void assertRepresentative(JsonNode profile, UUID organisation, UUID id, String role, String publicName) {
        assertThat(profile.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(profile.get("representativeId").asText()).isEqualTo(id.toString());
        assertThat(profile.get("role").asText()).isEqualTo(role);
        assertThat(profile.path("publicName").textValue()).isEqualTo(publicName);
    }

    static JsonNode payload(ConsumerRecord<String, String> record) {
        return read(record.value());
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
