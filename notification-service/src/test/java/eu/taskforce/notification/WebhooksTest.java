package eu.taskforce.notification;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.MeetingRequestFiled;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRemoved;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.notification.event.WebhookFailing;
import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static eu.taskforce.notification.Webhooks.API;
import static eu.taskforce.notification.Webhooks.convened;
import static eu.taskforce.notification.Webhooks.subscribe;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Actors.ORG_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks end to end with real Kafka, PostgreSQL and tokens: events written to the topics reach a real receiver on
 * 127.0.0.1, signed per Standard Webhooks (verified with the reference implementation), again after it answers 500 or
 * is down, in order per key, never what the owner may not read, with both secrets during a rotation, and FAILED after
 * the retry period (20 s in the test profile) with the owner told.
 */
@QuarkusTest
class WebhooksTest extends CurrentMembersTest {

    static final Duration WITHIN = Duration.ofSeconds(60);

    /** The failures the service announced (a bean of the test application only). */
    @ApplicationScoped
    public static class FailureRecorder {
        private final List<WebhookFailing> failures = new CopyOnWriteArrayList<>();

        void on(@Observes WebhookFailing failing) {
            failures.add(failing);
        }

        boolean announced(String subscriptionId) {
            return failures.stream().anyMatch(f -> f.subscriptionId().toString().equals(subscriptionId));
        }
    }

    @Inject
    FailureRecorder failures;

    Receiver receiver;

    @BeforeEach
    void freshReceiver() {
        Webhooks.forgetAll();
        receiver = Receiver.started();
    }

    @AfterEach
    void stopReceiver() {
        receiver.close();
    }

    String convene(UUID meeting, String title) {
        String id = UUID.randomUUID().toString();
        feed.publish(id, EventTypes.MEETING_CONVENED, meeting, convened(meeting, title));
        return id;
    }

    @Test
    void anEventReachesTheEndpointSignedWithTheSameCloudEventJson() {
        Webhooks.Subscription subscription = subscribe(MEMBER_A, receiver.url(), EventTypes.MEETING_CONVENED.type());
        assertThat(subscription.secret()).startsWith("whsec_");
        // the secret is shown once
        assertThat(Webhooks.read(MEMBER_A, subscription.id()).getString("secret")).isNull();

        UUID meeting = UUID.randomUUID();
        String event = convene(meeting, "Signed plenary");

        await().atMost(WITHIN).until(() -> receiver.count(event) == 1);
        Receiver.Received received = receiver.received.get(0);
        assertThat(received.verifiesWith(subscription.secret())).isTrue();
        assertThat(received.verifiesWith("whsec_" + java.util.Base64.getEncoder().encodeToString(new byte[32])))
                .isFalse();
        assertThat(received.contentType()).startsWith("application/cloudevents+json");
        JsonPath body = new JsonPath(received.body());
        assertThat(body.getString("id")).isEqualTo(event);
        assertThat(body.getString("type")).isEqualTo(EventTypes.MEETING_CONVENED.type());
        assertThat(body.getString("source")).isEqualTo("/taskforce/meeting-service");
        assertThat(body.getString("subject")).isEqualTo(meeting.toString());
        assertThat(body.getString("data.title")).isEqualTo("Signed plenary");
        assertThat(Long.parseLong(received.timestamp()))
                .isCloseTo(OffsetDateTime.now(ZoneOffset.UTC).toEpochSecond(), org.assertj.core.data.Offset.offset(60L));

        await().atMost(WITHIN).untilAsserted(() -> {
            List<Map<String, Object>> log = Webhooks.deliveries(MEMBER_A, subscription.id());
            assertThat(log).singleElement().satisfies(entry -> {
                assertThat(entry).containsEntry("eventId", event).containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 1).containsEntry("lastStatusCode", 200);
            });
        });
    }

    @Test
    void anEndpointThatAnswers500GetsTheEventAgainUntilItTakesIt() {
        Webhooks.Subscription subscription = subscribe(OFFICE, receiver.url(), EventTypes.MEETING_CONVENED.type());
        AtomicInteger calls = new AtomicInteger();
        receiver.answer(r -> calls.incrementAndGet() <= 2 ? 500 : 204);
        String event = convene(UUID.randomUUID(), "Retried");

        await().atMost(WITHIN).until(() -> receiver.count(event) == 3);
        assertThat(receiver.received).allMatch(r -> r.verifiesWith(subscription.secret()) && r.id().equals(event));
        await().atMost(WITHIN).untilAsserted(() -> assertThat(Webhooks.deliveries(OFFICE, subscription.id()))
                .singleElement().satisfies(entry -> assertThat(entry).containsEntry("status", "DELIVERED")
                        .containsEntry("attempts", 3).containsEntry("lastStatusCode", 204)));
    }

    @Test
    void anEndpointThatIsDownGetsTheEventOnceItIsBack() throws Exception {
        Webhooks.Subscription subscription = subscribe(EXPERT, receiver.url(), EventTypes.MEETING_CONVENED.type());
        receiver.stop();
        String event = convene(UUID.randomUUID(), "While down");

        await().atMost(WITHIN).untilAsserted(() -> assertThat(Webhooks.deliveries(EXPERT, subscription.id()))
                .singleElement().satisfies(entry -> {
                    assertThat(entry).containsEntry("status", "PENDING");
                    assertThat((Integer) entry.get("attempts")).isGreaterThanOrEqualTo(2);
                    assertThat((String) entry.get("lastError")).startsWith("No connection");
                    assertThat(entry.get("nextAttemptAt")).isNotNull();
                }));
        receiver.start();
        await().atMost(WITHIN).until(() -> receiver.count(event) == 1);
        assertThat(receiver.received.get(0).verifiesWith(subscription.secret())).isTrue();
    }

    @Test
    void theEventsOfOneKeyArriveInOrderEvenWhenTheFirstIsRetried() {
        subscribe(MEMBER_B, receiver.url(), EventTypes.MEETING_CONVENED.type(), EventTypes.MEETING_RESCHEDULED.type());
        UUID meeting = UUID.randomUUID();
        String first = convene(meeting, "First");
        AtomicInteger refusals = new AtomicInteger();
        receiver.answer(r -> r.id().equals(first) && refusals.incrementAndGet() <= 3 ? 503 : 200);
        String second = UUID.randomUUID().toString();
        feed.publish(second, EventTypes.MEETING_RESCHEDULED, meeting, new eu.taskforce.contracts.meetings
                .MeetingRescheduled(meeting, convened(meeting, "x").startsAt().plusDays(1),
                convened(meeting, "x").endsAt().plusDays(1), "Europe/Brussels", convened(meeting, "x").startsAt(),
                "Moved"));
        UUID other = UUID.randomUUID();
        String unrelated = convene(other, "Another meeting");

        await().atMost(WITHIN).until(() -> receiver.count(second) == 1 && receiver.count(first) == 4);
        List<String> ids = receiver.ids();
        // the second waited for the first, retried three times; another key did not wait
        assertThat(ids.lastIndexOf(first)).isLessThan(ids.indexOf(second));
        assertThat(ids.indexOf(unrelated)).isLessThan(ids.lastIndexOf(first));
    }

    @Test
    void aMemberNeverReceivesAnotherOrganisationsEventsAndTheAiOfficeReceivesAll() {
        String[] types = {EventTypes.REPRESENTATIVE_APPOINTED.type(), EventTypes.MEETING_REQUEST_FILED.type()};
        Receiver officeReceiver = Receiver.started();
        try {
            Webhooks.Subscription memberA = subscribe(MEMBER_A, receiver.url(), types);
            subscribe(OFFICE, officeReceiver.url(), types);
            String ofB = UUID.randomUUID().toString();
            feed.publish(ofB, EventTypes.REPRESENTATIVE_APPOINTED, ORG_B, new RepresentativeProfile(ORG_B,
                    UUID.randomUUID(), RepresentativeRole.ALTERNATE, null));
            String ofA = UUID.randomUUID().toString();
            feed.publish(ofA, EventTypes.REPRESENTATIVE_APPOINTED, ORG_A, new RepresentativeProfile(ORG_A,
                    UUID.randomUUID(), RepresentativeRole.ALTERNATE, null));
            // MEMBERS: every current member reads another member's meeting request
            String request = UUID.randomUUID().toString();
            UUID requestId = UUID.randomUUID();
            feed.publish(request, EventTypes.MEETING_REQUEST_FILED, requestId, new MeetingRequestFiled(requestId, ORG_B,
                    "Aleph Alpha", "A topic", List.of("An item"), OffsetDateTime.now(ZoneOffset.UTC)));

            await().atMost(WITHIN).until(() -> officeReceiver.count(ofA) == 1 && officeReceiver.count(ofB) == 1
                    && officeReceiver.count(request) == 1 && receiver.count(ofA) == 1 && receiver.count(request) == 1);
            // B's event was fanned out (the AI Office got it) without a delivery to A's endpoint
            assertThat(receiver.count(ofB)).isZero();
            assertThat(Webhooks.deliveries(MEMBER_A, memberA.id())).extracting(entry -> entry.get("eventId"))
                    .containsExactlyInAnyOrder(ofA, request);
        } finally {
            officeReceiver.close();
        }
    }

    @Test
    void aStakeholderMayNotSubscribeToMemberOnlyTypes() {
        EXPERT.request().body(Map.of("url", receiver.url(), "eventTypes",
                        List.of(EventTypes.MEETING_REQUEST_FILED.type())))
                .post(API).then().statusCode(403).contentType("application/problem+json");
        MEMBER_A.request().body(Map.of("url", receiver.url(), "eventTypes", List.of("eu.taskforce.nothing.v1")))
                .post(API).then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void aRemovedRepresentativeOrAnOrganisationThatLeftGetsNothingMore() {
        try (Receiver control = Receiver.started()) {
            removedRepresentativeAndLeftOrganisation(control);
        }
    }

    /** {@code control}: the AI Office's endpoint, which tells when an event was fanned out. */
    void removedRepresentativeAndLeftOrganisation(Receiver control) {
        subscribe(OFFICE, control.url(), EventTypes.REPRESENTATIVE_APPOINTED.type(),
                EventTypes.MEETING_REQUEST_FILED.type());
        Webhooks.Subscription orgEvents = subscribe(MEMBER_A, receiver.url(), EventTypes.REPRESENTATIVE_APPOINTED.type(),
                EventTypes.REPRESENTATIVE_REMOVED.type());
        feed.publish(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_REMOVED, ORG_A,
                new RepresentativeRemoved(ORG_A, UUID.randomUUID()));
        await().atMost(WITHIN).until(() -> "DISABLED".equals(Webhooks.read(MEMBER_A, orgEvents.id()).getString("status")));
        String after = UUID.randomUUID().toString();
        feed.publish(after, EventTypes.REPRESENTATIVE_APPOINTED, ORG_A, new RepresentativeProfile(ORG_A,
                UUID.randomUUID(), RepresentativeRole.PRINCIPAL, null));
        await().atMost(WITHIN).until(() -> control.count(after) == 1);

        // the organisation's representative re-enables it: its standing is checked again, events flow again
        MEMBER_A.request().post(API + "/" + orgEvents.id() + "/enable").then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
        String reenabled = UUID.randomUUID().toString();
        feed.publish(reenabled, EventTypes.REPRESENTATIVE_APPOINTED, ORG_A, new RepresentativeProfile(ORG_A,
                UUID.randomUUID(), RepresentativeRole.PRINCIPAL, null));
        await().atMost(WITHIN).until(() -> receiver.count(reenabled) == 1);
        assertThat(receiver.count(after)).isZero();

        // the organisation leaves the Taskforce: member-only events stop, the subscription is disabled
        Webhooks.Subscription memberEvents = subscribe(MEMBER_A, receiver.url(), EventTypes.MEETING_REQUEST_FILED.type());
        feed.leave(ORG_A);
        String request = UUID.randomUUID().toString();
        UUID requestId = UUID.randomUUID();
        feed.publish(request, EventTypes.MEETING_REQUEST_FILED, requestId, new MeetingRequestFiled(requestId, ORG_B,
                "Aleph Alpha", "After A left", List.of("An item"), OffsetDateTime.now(ZoneOffset.UTC)));
        await().atMost(WITHIN).until(() -> control.count(request) == 1);
        JsonPath disabled = Webhooks.read(MEMBER_A, memberEvents.id());
        assertThat(disabled.getString("status")).isEqualTo("DISABLED");
        assertThat(disabled.getString("statusReason")).contains("no longer a member");
        assertThat(receiver.count(request)).isZero();
        MEMBER_A.request().post(API + "/" + memberEvents.id() + "/enable").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void duringARotationBothTheNewAndThePreviousSecretVerify() {
        Webhooks.Subscription subscription = subscribe(MEMBER_A, receiver.url(), EventTypes.MEETING_CONVENED.type());
        JsonPath rotated = MEMBER_A.request().post(API + "/" + subscription.id() + "/secret-rotation")
                .then().statusCode(200).extract().jsonPath();
        String newSecret = rotated.getString("secret");
        assertThat(newSecret).startsWith("whsec_").isNotEqualTo(subscription.secret());
        assertThat(rotated.getString("previousSecretValidUntil")).isNotNull();

        String event = convene(UUID.randomUUID(), "Rotated");
        await().atMost(WITHIN).until(() -> receiver.count(event) == 1);
        Receiver.Received received = receiver.received.get(0);
        assertThat(received.signature().split(" ")).hasSize(2);
        assertThat(received.verifiesWith(newSecret)).isTrue();
        assertThat(received.verifiesWith(subscription.secret())).isTrue();
    }

    @Test
    void aDeliveryThatFailsForTheWholePeriodIsFailedAndItsOwnerIsTold() {
        try (Receiver control = Receiver.started()) {
            failsForTheWholePeriod(control);
        }
    }

    /** {@code control}: the AI Office's endpoint, which tells when an event was fanned out. */
    void failsForTheWholePeriod(Receiver control) {
        subscribe(OFFICE, control.url(), EventTypes.MEETING_CONVENED.type());
        Webhooks.Subscription subscription = subscribe(MEMBER_B, receiver.url(), EventTypes.MEETING_CONVENED.type());
        receiver.answer(r -> 500);
        String event = convene(UUID.randomUUID(), "Never taken");

        await().atMost(WITHIN).until(() -> "FAILING".equals(Webhooks.read(MEMBER_B, subscription.id())
                .getString("status")));
        assertThat(failures.announced(subscription.id())).isTrue();
        assertThat(Webhooks.read(MEMBER_B, subscription.id()).getString("statusReason")).contains("500");
        assertThat(Webhooks.deliveries(MEMBER_B, subscription.id())).singleElement()
                .satisfies(entry -> assertThat(entry).containsEntry("eventId", event).containsEntry("status", "FAILED"));
        int attempts = receiver.received.size();
        assertThat(attempts).isGreaterThan(3);

        // nothing more while failing; re-enabled, new events flow
        String ignored = convene(UUID.randomUUID(), "While failing");
        await().atMost(WITHIN).until(() -> control.count(ignored) == 1);
        receiver.answer(r -> 200);
        MEMBER_B.request().post(API + "/" + subscription.id() + "/enable").then().statusCode(200);
        String next = convene(UUID.randomUUID(), "After re-enabling");
        await().atMost(WITHIN).until(() -> receiver.count(next) == 1);
        assertThat(receiver.count(ignored)).isZero();
    }

    @Test
    void noSecretReachesTheLog() throws Exception {
        Webhooks.Subscription subscription = subscribe(MEMBER_A, receiver.url(), EventTypes.MEETING_CONVENED.type());
        String rotated = MEMBER_A.request().post(API + "/" + subscription.id() + "/secret-rotation").then()
                .statusCode(200).extract().path("secret");
        String event = convene(UUID.randomUUID(), "Logged?");
        await().atMost(WITHIN).until(() -> receiver.count(event) == 1);
        String log = java.nio.file.Files.readString(java.nio.file.Path.of("target/notification-test.log"));
        assertThat(log).contains(subscription.id()).doesNotContain(subscription.secret()).doesNotContain(rotated)
                .doesNotContain(subscription.secret().substring("whsec_".length()));
    }
}
