package eu.taskforce.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.audit;
import static eu.taskforce.membership.TestSupport.freshMember;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.signatory;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.unique;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

/**
 * Bad input to every write endpoint is a 400 (or 415) problem+json naming the field, and stores nothing: the record
 * keeps its version (ETag) and its audit trail, and a create leaves nothing to find.
 */
@QuarkusTest
class ValidationTest {

    static final String LONG_NAME = "x".repeat(201);
    static final String TOMORROW = LocalDate.now().plusDays(2).toString();

    @Test
    void registerSignatory() {
        String name = unique("Invalid AI");
        rejects("POST", SIGNATORIES,
                invalid("missing name", json("country", "FR", "chapters", List.of("COPYRIGHT"), "signedOn", "2025-08-01"), "name"),
                invalid("name too long", signatory(name + LONG_NAME, "FR", "COPYRIGHT"), "name"),
                invalid("country not ISO", signatory(name, "France", "COPYRIGHT"), "country"),
                invalid("unknown chapter", signatory(name, "FR", "ROBOTICS"), "chapters[0]"),
                invalid("no chapter", signatory(name, "FR"), "chapters"),
                invalid("more chapters than the Code has", signatory(name, "FR", "COPYRIGHT", "COPYRIGHT", "TRANSPARENCY",
                        "SAFETY_AND_SECURITY"), "chapters"),
                invalid("missing signedOn", json("name", name, "chapters", List.of("COPYRIGHT")), "signedOn"),
                invalid("signedOn in the future", json("name", name, "chapters", List.of("COPYRIGHT"), "signedOn", TOMORROW),
                        "signedOn"),
                invalid("signedOn not a date", json("name", name, "chapters", List.of("COPYRIGHT"), "signedOn", "1 August"),
                        "signedOn"),
                invalid("website not http", json("name", name, "website", "ftp://example.org", "chapters", List.of("COPYRIGHT"),
                        "signedOn", "2025-08-01"), "website"),
                invalid("no body", "", "body"),
                malformed(),
                textPlain(signatory(name, "FR", "COPYRIGHT")));
        office().queryParam("name", name).get(SIGNATORIES).then().statusCode(200).body("items.size()", is(0));
    }

    @Test
    void aNulCharacterIsRefusedAndNothingIsStored() {
        String name = unique("Nul AI");
        Response response = office().contentType("application/json").body(signatory(name + "\u0000", "FR", "COPYRIGHT"))
                .post(SIGNATORIES);
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(400);
        assertThat(response.contentType()).startsWith(PROBLEM);
        assertThat(response.jsonPath().getString("detail")).contains("NUL");
        office().queryParam("name", name).get(SIGNATORIES).then().statusCode(200).body("items.size()", is(0));
        office().urlEncodingEnabled(false).get(SIGNATORIES + "?name=" + name.replace(" ", "%20") + "%00").then()
                .statusCode(400).contentType(PROBLEM).body("detail", org.hamcrest.Matchers.containsString("NUL"));
    }

    @Test
    void updateSignatory() {
        UUID id = freshSignatory();
        String path = SIGNATORIES + "/" + id;
        unchanged(id, path, () -> rejects("PUT", path,
                invalid("missing name", json("chapters", List.of("COPYRIGHT")), "name"),
                invalid("name too long", signatory(LONG_NAME, "FR", "COPYRIGHT"), "name"),
                invalid("unknown chapter", signatory(unique("Changed AI"), "FR", "COPYRIGHT", "ROBOTICS"), "chapters[1]"),
                invalid("no chapter", signatory(unique("Changed AI"), "FR"), "chapters"),
                invalid("effectiveOn not a date", json("name", "Changed", "chapters", List.of("COPYRIGHT"), "effectiveOn", "soon"),
                        "effectiveOn"),
                malformed(),
                textPlain(signatory(unique("Changed AI"), "FR", "COPYRIGHT"))));
        assertThat(office().get(path + "/chapters").jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void withdraw() {
        UUID id = freshMember();
        String path = SIGNATORIES + "/" + id;
        unchanged(id, path, () -> rejects("POST", path + "/withdrawal",
                invalid("withdrawnOn in the future", json("withdrawnOn", TOMORROW), "withdrawnOn"),
                invalid("withdrawnOn not a date", json("withdrawnOn", "soon"), "withdrawnOn"),
                malformed(),
                textPlain("{}")));
        office().get(path).then().body("status", equalTo("SIGNED")).body("member", is(true));
    }

    @Test
    void joinAndLeave() {
        UUID signatory = freshSignatory();
        UUID member = freshMember();
        unchanged(signatory, SIGNATORIES + "/" + signatory, () -> rejects("POST", SIGNATORIES + "/" + signatory + "/memberships",
                invalid("joinedOn not a date", json("joinedOn", "30 January"), "joinedOn"),
                malformed(),
                textPlain("{}")));
        unchanged(member, SIGNATORIES + "/" + member, () -> rejects("POST", SIGNATORIES + "/" + member + "/leave",
                invalid("leftOn not a date", json("leftOn", "tomorrow"), "leftOn"),
                malformed(),
                textPlain("{}")));
        assertThat(office().get(SIGNATORIES + "/" + signatory + "/memberships").jsonPath().getList("$")).isEmpty();
        assertThat(office().get(SIGNATORIES + "/" + member + "/memberships").jsonPath().getList("leftOn"))
                .containsExactly((Object) null);
    }

    @Test
    void appointRepresentative() {
        UUID organisation = freshMember();
        String path = SIGNATORIES + "/" + organisation + "/representatives";
        String name = unique("Jeanne");
        rejects("POST", path,
                invalid("missing name", json("email", "j@example.org", "role", "ALTERNATE", "username", "j1"), "name"),
                invalid("name too long", representative(LONG_NAME, "j@example.org", "ALTERNATE", "j1"), "name"),
                invalid("e-mail invalid", representative(name, "not-an-address", "ALTERNATE", "j1"), "email"),
                invalid("unknown role", representative(name, "j@example.org", "CHAIR", "j1"), "role"),
                invalid("username with a space", representative(name, "j@example.org", "ALTERNATE", "j 1"), "username"),
                malformed(),
                textPlain(representative(name, "j@example.org", "ALTERNATE", "j1")));
        assertThat(office().get(path).then().statusCode(200).extract().jsonPath().getList("$")).isEmpty();
        assertThat(audit(organisation)).extracting(e -> e.get("action")).doesNotContain("REPRESENTATIVE_APPOINTED");
    }

    @Test
    void updateRepresentative() {
        UUID organisation = freshMember();
        String account = "val-" + UUID.randomUUID().toString().substring(0, 8);
        UUID id = appoint(organisation, representative("Jeanne", "j@example.org", "ALTERNATE", account));
        String path = SIGNATORIES + "/" + organisation + "/representatives/" + id;
        unchanged(id, path, () -> rejects("PUT", path,
                invalid("missing role", json("name", "Jeanne", "email", "j@example.org", "username", account),
                        "role"),
                invalid("unknown role", representative("Jeanne", "j@example.org", "CHAIR", account), "role"),
                invalid("name too long", representative(LONG_NAME, "j@example.org", "PRINCIPAL", account), "name"),
                invalid("e-mail too long", representative("Jeanne", "j".repeat(320) + "@example.org", "ALTERNATE", account),
                        "email"),
                malformed(),
                textPlain(representative("Jeanne", "j@example.org", "PRINCIPAL", account))));
    }

    @Test
    void registerStakeholder() {
        String name = unique("Invalid Institute");
        rejects("POST", API + "/stakeholders",
                invalid("unknown kind", json("kind", "ROBOT", "name", name, "fieldOfExpertise", "AI",
                        "contactEmail", "c@example.org", "listedPublicly", true), "kind"),
                invalid("missing name", json("kind", "PERSON", "fieldOfExpertise", name, "contactEmail", "c@example.org",
                        "listedPublicly", true), "name"),
                invalid("field too long", json("kind", "PERSON", "name", name, "fieldOfExpertise", "x".repeat(301),
                        "contactEmail", "c@example.org", "listedPublicly", true), "fieldOfExpertise"),
                invalid("e-mail invalid", stakeholder(name, "c-at-example.org", true), "contactEmail"),
                invalid("missing consent", json("kind", "PERSON", "name", name, "fieldOfExpertise", "AI",
                        "contactEmail", "c@example.org"), "listedPublicly"),
                malformed(),
                textPlain(stakeholder(name, "c@example.org", true)));
        office().queryParam("q", name).get(API + "/stakeholders").then().statusCode(200)
                .body("items.size()", is(0));
    }

    @Test
    void updateStakeholder() {
        String name = unique("Valid Institute");
        UUID id = TestSupport.registerStakeholder(stakeholder(name, "c@example.org", false));
        String path = API + "/stakeholders/" + id;
        unchanged(id, path, () -> rejects("PUT", path,
                invalid("unknown kind", json("kind", "COMPANY", "name", name, "fieldOfExpertise", "AI",
                        "contactEmail", "c@example.org", "listedPublicly", true), "kind"),
                invalid("missing e-mail", json("kind", "PERSON", "name", name, "fieldOfExpertise", "AI", "listedPublicly", true),
                        "contactEmail"),
                invalid("name too long", stakeholder(LONG_NAME, "c@example.org", true), "name"),
                malformed(),
                textPlain(stakeholder(name, "c@example.org", true))));
    }

    @Test
    void createGroup() {
        String name = unique("Invalid group");
        rejects("POST", API + "/groups",
                invalid("missing name", json("description", name), "name"),
                invalid("name too long", json("name", name + LONG_NAME), "name"),
                invalid("description too long", json("name", name, "description", "x".repeat(2001)), "description"),
                malformed(),
                textPlain(json("name", name)));
        assertThat(office().get(API + "/groups?limit=500").jsonPath().getList("items.name", String.class))
                .noneMatch(n -> n.startsWith(name));
    }

    @Test
    void addParticipant() {
        UUID group = TestSupport.createGroup(unique("Valid group"));
        UUID member = freshMember();
        String path = API + "/groups/" + group;
        unchanged(group, path, () -> rejects("POST", path + "/participants",
                invalid("missing organisation", "{}", "organisationId"),
                invalid("organisation not an id", json("organisationId", "Mistral AI"), "organisationId"),
                malformed(),
                textPlain(json("organisationId", member))));
        assertThat(office().get(path).jsonPath().getList("participants")).isEmpty();
    }

    /** A filter, limit or cursor that cannot be read is a 400 problem that names the parameter. */
    @Test
    void listParameters() {
        var softly = new SoftAssertions();
        Map.ofEntries(
                entry("signatories?limit=0", "limit"), entry("signatories?limit=501", "limit"),
                entry("signatories?country=fr", "country"), entry("signatories?chapter=ROBOTICS", "chapter"),
                entry("signatories?memberOn=yesterday", "memberOn"), entry("signatories?status=GONE", "status"),
                entry("signatories?updatedSince=2026-13-01", "updatedSince"), entry("signatories?member=perhaps", "member"),
                entry("signatories?cursor=not-a-cursor", "cursor"), entry("audit?limit=0", "limit"),
                entry("audit?recordId=42", "recordId"), entry("stakeholders?limit=9999", "limit"),
                entry("stakeholders?cursor=x", "cursor")
        ).forEach((query, parameter) -> {
            Response response = office().get(API + "/" + query);
            softly.assertThat(response.statusCode()).as(query).isEqualTo(400);
            softly.assertThat(response.contentType()).as(query).startsWith(PROBLEM);
            softly.assertThat(response.jsonPath().getString("detail") + response.jsonPath().getList("errors.field"))
                    .as(query).contains(parameter);
        });
        softly.assertAll();
        // a path that names no record stays a 404, even when the id is not a UUID
        office().get(SIGNATORIES + "/" + UUID.randomUUID()).then().statusCode(404).contentType(PROBLEM);
        office().get(SIGNATORIES + "/not-a-uuid").then().statusCode(404).contentType(PROBLEM);
    }

    // ---- helpers ----

    record Bad(String what, String contentType, String body, int status, String field) {
    }

    static Bad invalid(String what, String body, String field) {
        return new Bad(what, "application/json", body, 400, field);
    }

    static Bad malformed() {
        return new Bad("malformed JSON", "application/json", "{\"name\": \"Half", 400, null);
    }

    static Bad textPlain(String validBody) {
        return new Bad("text/plain", "text/plain", validBody, 415, null);
    }

    static void rejects(String method, String path, Bad... cases) {
        for (Bad bad : cases) {
            Response response = office().contentType(bad.contentType()).body(bad.body()).request(method, path);
            String what = method + " " + path + ", " + bad.what() + ": " + response.asString();
            assertThat(response.statusCode()).as(what).isEqualTo(bad.status());
            assertThat(response.contentType()).as(what).startsWith(PROBLEM);
            assertThat(response.jsonPath().getInt("status")).as(what).isEqualTo(bad.status());
            if (bad.field() != null) {
                assertThat(response.jsonPath().getList("errors.field", String.class)).as(what).contains(bad.field());
                assertThat(response.jsonPath().getString("type")).as(what).isEqualTo("urn:taskforce:problem:validation");
            } else if (bad.status() == 400) {
                assertThat(response.jsonPath().getString("detail")).as(what).contains("valid JSON");
            }
        }
    }

    /** Runs the bad requests and checks that the record kept its version and its audit trail. */
    static void unchanged(UUID recordId, String path, Runnable badRequests) {
        String etag = office().get(path).then().statusCode(200).extract().header("ETag");
        int audited = audit(recordId).size();
        badRequests.run();
        assertThat(office().get(path).then().statusCode(200).extract().header("ETag")).isEqualTo(etag);
        assertThat(audit(recordId)).hasSize(audited);
    }
}
