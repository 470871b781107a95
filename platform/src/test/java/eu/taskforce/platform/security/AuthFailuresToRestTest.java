package eu.taskforce.platform.security;

import eu.taskforce.common.testing.LogRecords;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An authentication failure is still answered with problem+json and counted under the path's template, now that the
 * platform's handler (and not Quarkus REST's, which looks the template up on every request) is the one that hands it to
 * REST.
 */
@QuarkusTest
class AuthFailuresToRestTest {

    private static final String ITEM = "/platform-test/protected/items/";

    @Inject
    HandlersSeen handlersSeen;

    @Test
    void theFailureHandlerAfterQuarkusRestsFilterIsThePlatforms() {
        given().header(HandlersSeen.HEADER, "one").get(ITEM + "x").then().statusCode(401);
        assertThat(handlersSeen.of("one")).isSameAs(AuthFailuresToRest.FAIL_TO_REST);
    }

    @Test
    void failuresAreProblemsAnsweredOnceAndCountedUnderThePathsTemplate() {
        String item = "item-" + System.nanoTime();
        List<ExtLogRecord> logged;
        try (LogRecords log = LogRecords.capture()) {
            logged = log.all();
            given().auth().oauth2("not.a-valid.token").get(ITEM + item)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:taskforce:problem:unauthorized"));
            given().get(ITEM + item)
                    .then().statusCode(401).contentType("application/problem+json")
                    .body("type", equalTo("urn:taskforce:problem:unauthorized"));
        }
        // a failure answered by REST and then by the failure handler too is logged as "already been written"
        assertThat(logged).filteredOn(record -> record.getLevel().intValue() >= Level.SEVERE.intValue())
                .extracting(LogRecord::getMessage).isEmpty();

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*status=\"401\"[^}]*"
                        + "uri=\"/platform-test/protected/items/\\{item}\"[^}]*} [0-9.]+")
                .doesNotContain(item);
    }

    /** Records the failure handler in place just after Quarkus REST's filter (199), for requests that ask it to. */
    @ApplicationScoped
    static class HandlersSeen {
        static final String HEADER = "X-Test-Auth-Failure-Handler";
        private final Map<String, Object> seen = new ConcurrentHashMap<>();

        void register(@Observes Filters filters) {
            filters.register(context -> {
                String key = context.request().getHeader(HEADER);
                if (key != null) {
                    seen.put(key, context.get(QuarkusHttpUser.AUTH_FAILURE_HANDLER));
                }
                context.next();
            }, 198);
        }

        Object of(String key) {
            return seen.get(key);
        }
    }
}
