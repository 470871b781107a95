package eu.taskforce.platform.metrics;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** Every service's Prometheus endpoint serves the platform's gauges (the platform's test application is a service). */
@QuarkusTest
class ServiceMetricsTest {

    @Test
    void theOutboxGaugesAreServed() {
        given().get("/platform-test/log-context").then().statusCode(200);
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics)
                .containsPattern("(?m)^taskforce_outbox_pending [0-9.]+$")
                .containsPattern("(?m)^taskforce_outbox_oldest_age_seconds [0-9.]+$")
                .contains("http_server_requests_seconds_count{");
    }
}
