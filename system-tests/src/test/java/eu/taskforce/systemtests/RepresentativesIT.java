package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A member organisation manages its own representatives through the gateway with its own token; the public register
 * then shows the organisation with the names of those who consented, and nothing of the others or of any contact.
 */
class RepresentativesIT {

    static final String ORGANISATION = GATEWAY + "/api/v1/membership/signatories/" + MEMBER_A_ORGANISATION;

    static String representative(String name, String email) {
        return "{\"name\":\"" + name + "\",\"email\":\"" + email + "\",\"role\":\"ALTERNATE\",\"username\":\"rep-"
                + UUID.randomUUID().toString().substring(0, 8) + "\"}";
    }

    static String add(String token, String name, String email) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON)
                .body(representative(name, email)).post(ORGANISATION + "/representatives")
                .then().statusCode(201).extract().path("id");
    }

    /** The AI Office records the consent the person gave it. */
    static void consentRecordedByTheOffice(String id) {
        RestAssured.given().auth().oauth2(token("office")).contentType(ContentType.JSON)
                .body("{\"noticeVersion\":\"2026-12-01\"}").put(ORGANISATION + "/representatives/" + id + "/consent")
                .then().statusCode(200);
    }

    /** The register's entry of Mistral AI, once it lists {@code name} among its representatives. */
    static String registerShowing(String name) {
        return await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250)).until(() -> {
            String body = RestAssured.given().queryParam("limit", 500).get(GATEWAY + "/api/v1/public/participants")
                    .then().statusCode(200).extract().asString();
            List<Map<String, Object>> items = io.restassured.path.json.JsonPath.from(body).getList("items");
            return items.stream().filter(p -> MEMBER_A_ORGANISATION.equals(p.get("organisationId")))
                    .map(p -> String.valueOf(p.get("representatives"))).filter(r -> r.contains(name))
                    .findFirst().map(r -> body).orElse(null);
        }, body -> body != null);
    }

    @Test
    void aMemberAddsItsRepresentativesAndThePublicRegisterShowsOnlyConsentedNames() {
        Stack.ensureMember(MEMBER_A_ORGANISATION);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String consenting = "Consenting Representative " + run;
        String reserved = "Reserved Representative " + run;
        String later = "Later Representative " + run;
        String email = "contact-" + run + "@example.org";
        String member = token("member-a");
        String id = add(member, consenting, email);
        // the person gave their consent to the AI Office, which records it (the organisation cannot give it for them)
        RestAssured.given().auth().oauth2(member).contentType(ContentType.JSON).body("{\"noticeVersion\":\"2026-12-01\"}")
                .put(ORGANISATION + "/representatives/" + id + "/consent").then().statusCode(403)
                .contentType("application/problem+json")
                .body("detail", equalTo("Only the person themselves, with their own account, or the AI Office on"
                        + " their request, may give, withdraw or erase their personal data"));
        consentRecordedByTheOffice(id);
        add(member, reserved, "other-" + email);
        // nobody else's: member-b may neither add to nor read Mistral AI's representatives
        RestAssured.given().auth().oauth2(token("member-b")).contentType(ContentType.JSON)
                .body(representative("Intruder " + run, "x-" + email)).post(ORGANISATION + "/representatives")
                .then().statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("You may act only for your own organisation"));
        // a later consented representative of the same organisation: its events follow the reserved one's on the
        // same partition (keyed by organisation), so once the register shows it, the reserved one has been applied
        consentRecordedByTheOffice(add(member, later, "later-" + email));

        String body = registerShowing(later);
        assertThat(body).contains(consenting).doesNotContain(reserved).doesNotContain(email);
        assertThat(body).doesNotContain("Intruder " + run);
    }
}
