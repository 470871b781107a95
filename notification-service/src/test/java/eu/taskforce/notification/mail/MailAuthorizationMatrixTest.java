package eu.taskforce.notification.mail;

import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.notification.service.UnsubscribeTokens;
import eu.taskforce.platform.testing.AuthorizationMatrix;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call the e-mail operations, the five callers with real tokens: the preferences are every signed-in account's
 * own; the unsubscribe link needs no login, only a valid token, whoever calls.
 */
@QuarkusTest
class MailAuthorizationMatrixTest extends MailScenario {

    @Inject
    UnsubscribeTokens tokens;

    @Test
    void theEmailOperations() {
        AuthorizationMatrix matrix = new AuthorizationMatrix();
        String preferences = "/api/v1/notifications/preferences";
        matrix.expect("GET /preferences", AuthorizationMatrix.ANYONE_SIGNED_IN, AuthorizationMatrix.get(preferences));
        matrix.expect("PUT /preferences", AuthorizationMatrix.ANYONE_SIGNED_IN, AuthorizationMatrix.put(preferences,
                Map.of("preferences", List.of(Map.of("kind", "PAPERS_CIRCULATED", "frequency", "WEEKLY")))));
        String link = "/api/v1/notifications/unsubscribe?token=" + tokens.issue("matrix-" + marker, MailKind.INVITATION);
        Map<eu.taskforce.platform.testing.Actors, Integer> everyone = AuthorizationMatrix.cells(ANONYMOUS, 200,
                MEMBER_A, 200, MEMBER_B, 200, EXPERT, 200, OFFICE, 200);
        matrix.expect("GET /unsubscribe (valid token)", everyone, AuthorizationMatrix.get(link));
        matrix.expect("POST /unsubscribe (valid token)", everyone, AuthorizationMatrix.post(link, null));
        Map<eu.taskforce.platform.testing.Actors, Integer> invalid = AuthorizationMatrix.cells(ANONYMOUS, 400,
                MEMBER_A, 400, MEMBER_B, 400, EXPERT, 400, OFFICE, 400);
        matrix.expect("GET /unsubscribe (tampered)", invalid, AuthorizationMatrix.get(link + "x"));
        matrix.expect("POST /unsubscribe (tampered)", invalid, AuthorizationMatrix.post(link + "x", null));
        System.out.println(matrix.summary());
        assertThat(matrix.mismatches()).isEmpty();
    }
}
