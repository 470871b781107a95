package eu.taskforce.platform.problem;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/**
 * A request whose database connection is lost (PostgreSQL restarted, the connection broken) is a 503 that tells the
 * client to retry in a moment, not a 500; the pool drops the dead connection, and the next request is served.
 */
@QuarkusTest
class DatabaseUnavailableTest {

    static final String DATABASE = "/platform-test/database";

    @Test
    void aLostConnectionIsServiceUnavailableAndTheNextRequestIsServed() {
        for (int i = 0; i < 3; i++) {
            given().post(DATABASE + "/lost")
                    .then()
                    .statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("1"))
                    .body("type", equalTo("urn:taskforce:problem:unavailable"))
                    .body("detail", equalTo("The service lost its database connection; retry in a moment (a write "
                            + "with the same Idempotency-Key, so that it is done once)"));
            given().get(DATABASE).then().statusCode(200).body(equalTo("42"));
        }
    }
}
