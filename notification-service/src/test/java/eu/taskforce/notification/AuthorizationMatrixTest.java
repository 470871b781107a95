package eu.taskforce.notification;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.AuthorizationMatrixTestBase;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static eu.taskforce.notification.Webhooks.API;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.AuthorizationMatrix.ANYONE_SIGNED_IN;
import static eu.taskforce.platform.testing.AuthorizationMatrix.cells;
import static eu.taskforce.platform.testing.AuthorizationMatrix.get;
import static eu.taskforce.platform.testing.AuthorizationMatrix.officeOnly;
import static eu.taskforce.platform.testing.AuthorizationMatrix.post;
import static eu.taskforce.platform.testing.AuthorizationMatrix.put;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every operation of notification-service, called by anonymous, member A (owner of the
 * subscription), member B, a stakeholder and the AI Office, with real Keycloak tokens. A subscription is its owner's
 * alone: anyone else gets a 404 (its existence is not revealed). Who may subscribe to which event type: anyone signed in
 * to PUBLIC types, members also to MEMBERS and ORGANISATION types, the AI Office to all. Every refusal is problem+json.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    static final String PUBLIC_TYPE = EventTypes.MEETING_CONVENED.type();
    static final String URL = "http://127.0.0.1:9/hook";

    @BeforeEach
    void noSubscriptionsLeft() {
        Webhooks.forgetAll();
    }

    static Map<String, Object> input(String... types) {
        return Map.of("url", URL, "eventTypes", List.of(types));
    }

    static Function<Actors, Response> delete(String path) {
        return actor -> actor.request().delete(path);
    }

    @Test
    void subscriptionsAreTheirOwnersAlone() {
        matrix.expect("GET /webhooks", ANYONE_SIGNED_IN, get(API));
        matrix.expect("GET /event-types", ANYONE_SIGNED_IN, get("/api/v1/notifications/event-types"));
        matrix.expect("POST /webhooks (a PUBLIC type)", cells(ANONYMOUS, 401, EXPERT, 201, OFFICE, 201, MEMBER_B, 201,
                MEMBER_A, 201), post(API, input(PUBLIC_TYPE)));
        String path = API + "/" + Webhooks.subscribe(MEMBER_A, URL, PUBLIC_TYPE).id();
        Map<Actors, Integer> ownerOnly = cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404, OFFICE, 404, MEMBER_A, 200);
        matrix.expect("GET /webhooks/{id}", ownerOnly, get(path));
        matrix.expect("PUT /webhooks/{id}", ownerOnly, put(path, input(PUBLIC_TYPE, EventTypes.WINDOW_OPENED.type())));
        matrix.expect("POST /webhooks/{id}/secret-rotation", ownerOnly, post(path + "/secret-rotation", null));
        matrix.expect("POST /webhooks/{id}/enable", ownerOnly, post(path + "/enable", null));
        matrix.expect("GET /webhooks/{id}/deliveries", ownerOnly, get(path + "/deliveries"));
        matrix.expect("DELETE /webhooks/{id}", cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404, OFFICE, 404,
                MEMBER_A, 204), delete(path));
        matrix.expect("GET /audit", officeOnly(200), get("/api/v1/notifications/audit"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void whoMaySubscribeToWhichAudience() {
        matrix.expect("POST /webhooks (MEMBERS)", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 201, OFFICE, 201,
                MEMBER_A, 201), post(API, input(EventTypes.MEETING_REQUEST_FILED.type())));
        matrix.expect("POST /webhooks (ORGANISATION)", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_B, 201, OFFICE, 201,
                MEMBER_A, 201), post(API, input(EventTypes.REPRESENTATIVE_APPOINTED.type())));
        String path = API + "/" + Webhooks.subscribe(EXPERT, URL, PUBLIC_TYPE).id();
        matrix.expect("PUT /webhooks/{id} (a stakeholder adds MEMBERS)", cells(ANONYMOUS, 401, EXPERT, 403),
                put(path, input(PUBLIC_TYPE, EventTypes.MEETING_REQUEST_FILED.type())));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void personalData() {
        matrix.expect("GET /me/personal-data", ANYONE_SIGNED_IN, get("/api/v1/notifications/me/personal-data"));
        matrix.expect("POST /personal-data/erasures", officeOnly(204), post(
                "/api/v1/notifications/personal-data/erasures", Map.of("username", "nobody-" + System.nanoTime())));
        matrix.expect("DELETE /me/personal-data", cells(ANONYMOUS, 401, MEMBER_A, 204, MEMBER_B, 204, EXPERT, 204,
                OFFICE, 204), delete("/api/v1/notifications/me/personal-data"));
        assertThat(matrix.mismatches()).isEmpty();
    }
}
