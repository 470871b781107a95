package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.token;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The first slice, end to end through the gateway with real Keycloak tokens: the AI Office registers a signatory
 * and records that it joins; the event travels through the outbox and Kafka to the transparency register; anyone
 * sees the organisation in the public participants list.
 */
class FirstSliceIT {

    @Test
    void aSignatoryThatJoinsAppearsInThePublicRegister() {
        String name = "Slice Test AI " + UUID.randomUUID();
        String body = "{\"name\":\"" + name + "\",\"country\":\"BE\",\"chapters\":[\"TRANSPARENCY\",\"COPYRIGHT\"],"
                + "\"signedOn\":\"2025-08-01\"}";
        String url = GATEWAY + "/api/v1/membership/signatories";

        RestAssured.given().contentType(ContentType.JSON).body(body).post(url).then().statusCode(401);
        RestAssured.given().auth().oauth2("not.a.token").contentType(ContentType.JSON).body(body).post(url)
                .then().statusCode(401).contentType("application/problem+json");
        RestAssured.given().auth().oauth2(token("member-a")).contentType(ContentType.JSON).body(body).post(url)
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("Your role does not allow this action"));

        String office = token("office");
        String id = RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body(body).post(url)
                .then().statusCode(201).extract().path("id");
        RestAssured.given().auth().oauth2(office).contentType(ContentType.JSON).body("{}")
                .post(url + "/" + id + "/memberships").then().statusCode(201);

        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            List<String> names = RestAssured.given().queryParam("limit", 500)
                    .get(GATEWAY + "/api/v1/public/participants")
                    .then().statusCode(200).extract().jsonPath().getList("items.name");
            assertThat(names).contains(name);
        });
    }
}
