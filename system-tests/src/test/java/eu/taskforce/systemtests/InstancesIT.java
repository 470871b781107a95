package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.pidOf;
import static eu.taskforce.systemtests.Stack.restarts;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of every service and two gateways, as `./taskforce test` runs the stack: one rate-limit allowance per
 * caller whichever gateway it calls, and a rebuild of the register that completes while an instance of
 * transparency-service is killed and replaced.
 */
class InstancesIT {

    @BeforeEach
    void severalInstances() {
        assumeThat(Stack.replicas()).as("a stack started with --replicas 2 (./taskforce test starts one)")
                .isGreaterThan(1);
    }

    @Test
    void aCallerHasOneAllowanceAcrossTheGateways() {
        List<String> gateways = Stack.gateways();
        String expert = token("expert");
        Long previous = null;
        for (int i = 0; i < 12; i++) {
            Response response = RestAssured.given().auth().oauth2(expert)
                    .get(gateways.get(i % gateways.size()) + "/api/v1/public/participants");
            response.then().statusCode(200);
            long remaining = Long.parseLong(response.header("RateLimit-Remaining"));
            if (previous != null) {
                assertThat(remaining).as("request %d, through %s: the other gateway's requests counted too", i,
                        gateways.get(i % gateways.size())).isEqualTo(previous - 1);
            }
            previous = remaining;
        }
    }

    @Test
    void aRebuildCompletesWhileAnInstanceIsKilledAndReplaced() throws Exception {
        String office = token("office");
        int generation = RestAssured.given().auth().oauth2(office).post(GATEWAY + "/api/v1/transparency/rebuilds")
                .then().statusCode(202).extract().path("buildingGeneration");
        String victim = "transparency-service-2";
        long pid = pidOf(victim);
        int restartsBefore = restarts(victim).size();
        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).isTrue();

        await().atMost(Duration.ofSeconds(150)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(office).get(GATEWAY + "/api/v1/transparency/rebuilds")
                        .then().statusCode(200)
                        .body("servedGeneration", org.hamcrest.Matchers.equalTo(generation))
                        .body("buildingGeneration", org.hamcrest.Matchers.nullValue()));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(restarts(victim)).hasSize(restartsBefore + 1).last().asString().endsWith(" exited"));
        // the register serves from the new generation through either instance
        for (int i = 0; i < 4; i++) {
            RestAssured.given().get(GATEWAY + "/api/v1/public/participants").then().statusCode(200);
        }
    }
}
