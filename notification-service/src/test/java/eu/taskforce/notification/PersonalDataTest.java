package eu.taskforce.notification;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.retention.Retention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.notification.Webhooks.API;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The owner's account is personal data: its subscriptions are in its export (never their secrets), and are deleted
 * with their delivery logs by its own erasure or the AI Office's erasure of the account by name. The delivery log is
 * purged 30 days after a delivery finished; a pending one is kept.
 */
@QuarkusTest
class PersonalDataTest {

    static final String MINE = "/api/v1/notifications/me/personal-data";
    static final String URL = "http://127.0.0.1:9/hook";

    @Inject
    EntityManager entityManager;

    @Inject
    Retention retention;

    @BeforeEach
    void noSubscriptionsLeft() {
        Webhooks.forgetAll();
    }

    @Test
    void theExportShowsTheAccountsSubscriptionsAndTheErasureDeletesThem() {
        Webhooks.Subscription mine = Webhooks.subscribe(MEMBER_A, URL, EventTypes.MEETING_CONVENED.type());
        Webhooks.subscribe(EXPERT, URL, EventTypes.MEETING_CONVENED.type());
        JsonPath export = MEMBER_A.request().get(MINE).then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.containsString("no-store"))
                .extract().jsonPath();
        assertThat(export.getList("webhooks.id")).containsExactly(mine.id());
        assertThat(export.getList("webhooks[0].eventTypes")).containsExactly(EventTypes.MEETING_CONVENED.type());
        assertThat(export.prettify()).doesNotContain(mine.secret()).doesNotContain("whsec_");

        MEMBER_A.request().delete(MINE).then().statusCode(204);
        MEMBER_A.request().get(API + "/" + mine.id()).then().statusCode(404);
        assertThat(EXPERT.request().get(API).then().statusCode(200).extract().jsonPath().getList("items"))
                .hasSize(1);
    }

    @Test
    void theAiOfficeErasesANamedAccountsSubscriptions() {
        Webhooks.Subscription experts = Webhooks.subscribe(EXPERT, URL, EventTypes.MEETING_CONVENED.type());
        OFFICE.request().body(Map.of("username", "EXPERT")).post("/api/v1/notifications/personal-data/erasures")
                .then().statusCode(204);
        EXPERT.request().get(API + "/" + experts.id()).then().statusCode(404);
    }

    @Test
    void finishedDeliveriesArePurgedAfter30DaysAndPendingOnesKept() {
        Webhooks.Subscription subscription = Webhooks.subscribe(OFFICE, URL, EventTypes.MEETING_CONVENED.type());
        UUID old = plant(subscription.id(), "DELIVERED", OffsetDateTime.now(ZoneOffset.UTC).minusDays(31));
        UUID recent = plant(subscription.id(), "FAILED", OffsetDateTime.now(ZoneOffset.UTC).minusDays(29));
        UUID pending = plant(subscription.id(), "PENDING", null);

        retention.purgeNow();

        assertThat(Webhooks.deliveries(OFFICE, subscription.id())).extracting(entry -> entry.get("id"))
                .containsExactlyInAnyOrder(recent.toString(), pending.toString()).doesNotContain(old.toString());
    }

    UUID plant(String subscription, String status, OffsetDateTime finishedAt) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery("""
                        insert into webhook_delivery (id, subscription_id, event_id, event_type, event_key, payload,
                            status, attempts, next_attempt_at, created_at, finished_at)
                        values (:id, :subscription, :event, 'eu.taskforce.meetings.meeting-convened.v1', 'k', '{}',
                            :status, 1, case when :status = 'PENDING' then now() + interval '1 day' end,
                            coalesce(cast(:finished as timestamptz), now()), cast(:finished as timestamptz))""")
                .setParameter("id", id).setParameter("subscription", UUID.fromString(subscription))
                .setParameter("event", UUID.randomUUID().toString()).setParameter("status", status)
                .setParameter("finished", finishedAt).executeUpdate());
        return id;
    }
}
