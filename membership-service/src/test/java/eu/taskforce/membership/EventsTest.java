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
import static eu.taskforce.contracts.EventTypes.PERSONAL_DATA_WITHDRAWN;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_APPOINTED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_ERASED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_REMOVED;
import static eu.taskforce.contracts.EventTypes.REPRESENTATIVE_UPDATED;
import static eu.taskforce.contracts.EventTypes.SIGNATORY_REGISTERED;
import static eu.taskforce.contracts.EventTypes.SIGNATORY_UPDATED;
import static eu.taskforce.contracts.EventTypes.SIGNATURE_WITHDRAWN;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_ERASED;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_REGISTERED;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_REMOVED;
import static eu.taskforce.contracts.EventTypes.STAKEHOLDER_UPDATED;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.addParticipant;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.consent;
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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

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
        UUID principal = appoint(organisation, representative(consenting, email, "PRINCIPAL", account + "-1"));
        UUID alternate = appoint(organisation, representative(secret, email, "ALTERNATE", account + "-2"));
        String path = SIGNATORIES + "/" + organisation + "/representatives/";
        office().contentType(ContentType.JSON).body(consent()).put(path + principal + "/consent").then().statusCode(200);
        String corrected = consenting + " Corrected";
        office().contentType(ContentType.JSON).body(representative(corrected, email, "PRINCIPAL", account + "-1"))
                .put(path + principal).then().statusCode(200);
        office().delete(path + principal + "/consent").then().statusCode(200);
        office().contentType(ContentType.JSON).body(representative(secret + " Jr", email, "ALTERNATE", account + "-2"))
                .put(path + alternate).then().statusCode(200);
        office().delete(path + alternate).then().statusCode(204);
        office().post(path + principal + "/erasure").then().statusCode(204);

        List<ConsumerRecord<String, String>> published = events.waitFor(organisation, 12);
        assertTypes(published, SIGNATORY_REGISTERED, MEMBERSHIP_STARTED, REPRESENTATIVE_APPOINTED, REPRESENTATIVE_APPOINTED,
                REPRESENTATIVE_UPDATED, PERSONAL_DATA_WITHDRAWN, REPRESENTATIVE_UPDATED, PERSONAL_DATA_WITHDRAWN,
                REPRESENTATIVE_UPDATED, REPRESENTATIVE_UPDATED, REPRESENTATIVE_REMOVED, REPRESENTATIVE_ERASED);
        assertRepresentative(payload(published.get(2)), organisation, principal, "PRINCIPAL", false);
        assertRepresentative(payload(published.get(3)), organisation, alternate, "ALTERNATE", false);
        // consent: a commitment to the name, which opens to the name while it is published
        String first = assertRepresentative(payload(published.get(4)), organisation, principal, "PRINCIPAL", true);
        // rectification: the old commitment is withdrawn as RECTIFIED, the corrected name gets a new one
        assertWithdrawn(payload(published.get(5)), organisation, principal, List.of(first), "RECTIFIED");
        String second = assertRepresentative(payload(published.get(6)), organisation, principal, "PRINCIPAL", true);
        assertThat(second).isNotEqualTo(first);
        // withdrawal of consent
        assertWithdrawn(payload(published.get(7)), organisation, principal, List.of(second), "CONSENT_WITHDRAWN");
        assertRepresentative(payload(published.get(8)), organisation, principal, "PRINCIPAL", false);
        assertRepresentative(payload(published.get(9)), organisation, alternate, "ALTERNATE", false);
        JsonNode removed = payload(published.get(10));
        assertThat(removed.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(removed.get("representativeId").asText()).isEqualTo(alternate.toString());
        JsonNode erased = payload(published.get(11));
        assertThat(erased.get("representativeId").asText()).isEqualTo(principal.toString());
        assertThat(texts(erased.get("commitments"))).containsExactly(first, second);
        // no name in any record, in clear: not the consented one, not the corrected one, not the secret one
        assertThat(events.all()).allSatisfy(record -> assertThat(everything(record))
                .doesNotContain(consenting).doesNotContain(secret).doesNotContain(account));
    }

    /** Asserts a representative profile and returns the commitment to its public name, if it has one. */
    static String assertRepresentative(JsonNode profile, UUID organisation, UUID id, String role, boolean named) {
        assertThat(profile.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(profile.get("representativeId").asText()).isEqualTo(id.toString());
        assertThat(profile.get("role").asText()).isEqualTo(role);
        JsonNode name = profile.path("publicName");
        if (!named) {
            assertThat(name.isNull() || name.isMissingNode()).as("publicName of %s", profile).isTrue();
            return null;
        }
        assertThat(name.get("ref").asText()).isEqualTo(id.toString());
        assertThat(name.get("commitment").asText()).matches("sha256:[0-9a-f]{64}");
        return name.get("commitment").asText();
    }

    static void assertWithdrawn(JsonNode withdrawn, UUID organisation, UUID ref, List<String> commitments,
                                String reason) {
        assertThat(withdrawn.get("subject").asText()).isEqualTo("REPRESENTATIVE");
        assertThat(withdrawn.get("organisationId").asText()).isEqualTo(organisation.toString());
        assertThat(withdrawn.get("ref").asText()).isEqualTo(ref.toString());
        assertThat(texts(withdrawn.get("commitments"))).isEqualTo(commitments);
        assertThat(withdrawn.get("reason").asText()).isEqualTo(reason);
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
    void aPersonIsListedOnlyWithRecordedConsentAndThenOnlyAsCommitments() {
        String person = unique("Expert Person");
        String body = json("kind", "PERSON", "name", person, "fieldOfExpertise", "Watermarking " + marker,
                "contactEmail", marker + "@example.org", "listedPublicly", true);
        office().contentType(ContentType.JSON).body(body).post(API + "/stakeholders").then().statusCode(400)
                .contentType(PROBLEM).body("detail", containsString("/consent"));
        UUID expert = registerStakeholder(body.replace("\"listedPublicly\":true", "\"listedPublicly\":false"));
        office().contentType(ContentType.JSON).body(json("noticeVersion", "2020-01-01"))
                .put(API + "/stakeholders/" + expert + "/consent").then().statusCode(422).contentType(PROBLEM);
        office().contentType(ContentType.JSON).body(consent()).put(API + "/stakeholders/" + expert + "/consent")
                .then().statusCode(200).body("listedPublicly", is(true));
        office().post(API + "/stakeholders/" + expert + "/erasure").then().statusCode(204);

        List<ConsumerRecord<String, String>> published = events.waitFor(expert, 3);
        assertTypes(published, STAKEHOLDER_REGISTERED, STAKEHOLDER_UPDATED, STAKEHOLDER_ERASED);
        JsonNode listed = payload(published.get(1));
        assertThat(listed.get("listedPublicly").asBoolean()).isTrue();
        assertThat(listed.path("name").isNull()).isTrue();
        assertThat(listed.path("fieldOfExpertise").isNull()).isTrue();
        String name = listed.get("publicName").get("commitment").asText();
        String field = listed.get("publicFieldOfExpertise").get("commitment").asText();
        assertThat(texts(payload(published.get(2)).get("commitments"))).containsExactlyInAnyOrder(name, field);
        assertThat(events.all()).allSatisfy(record -> assertThat(everything(record)).doesNotContain(person));
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

    static JsonNode payload(ConsumerRecord<String, String> record) {
        return read(record.value());
    }

    static List<String> texts(JsonNode array) {
        return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
    }
}
