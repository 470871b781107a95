package eu.taskforce.gateway;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** Readiness reports every service behind the gateway; the upstreams group is DOWN while one is. */
@QuarkusTest
class ReadinessTest {

    @Test
    void readinessReportsEachUpstreamAndStaysUpWhileOneIsDown() {
        given().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.membership", startsWith("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.meetings", startsWith("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.guidance", startsWith("UP"))
                .body("checks.find { it.name == 'upstreams' }.data.public", startsWith("UP"))
                // no service on that port
                .body("checks.find { it.name == 'upstreams' }.data.test-down", startsWith("DOWN"));
    }

    @Test
    void upstreamsGroupIsDownWhileOneServiceIs() {
        given().get("/q/health/group/upstreams").then().statusCode(503)
                .body("status", equalTo("DOWN"))
                .body("checks[0].data.public", startsWith("UP"))
                .body("checks[0].data.test-down", startsWith("DOWN"));
    }
}
