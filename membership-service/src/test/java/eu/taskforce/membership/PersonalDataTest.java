package eu.taskforce.membership;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.platform.testing.Actors;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.A;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.consent;
import static eu.taskforce.membership.TestSupport.ensureMember;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

/**
 * The life of a person's data as the person, a colleague and the AI Office live it: consent the person gives with
 * their own account (a colleague cannot), a value published only as a commitment whose opening disappears on
 * rectification and withdrawal, the person's own export, and erasure that leaves no name, e-mail or account name in
 * any table, stored response or opening.
 */
@QuarkusTest
class PersonalDataTest {

    /** member-a logs in as this account: its representative here is "the person". */
    static final String PERSON = "member-a";

    @Inject
    AgroalDataSource database;

    String name;
    String email;
    String idempotencyKey;
    String path;
    UUID id;

    @BeforeEach
    void appointThePerson() {
        ensureMember(A);
        eraseAccount(); // a representative of member-a left by an earlier run
        name = unique("Planted Person");
        email = "planted-" + UUID.randomUUID() + "@example.org";
        idempotencyKey = UUID.randomUUID().toString();
        Response created = office().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(representative(name, email, "ALTERNATE", PERSON)).post(SIGNATORIES + "/" + A + "/representatives");
        created.then().statusCode(201);
        id = UUID.fromString(created.path("id"));
        path = SIGNATORIES + "/" + A + "/representatives/" + id;
    }

    @AfterEach
    void eraseAccount() {
        office().contentType(ContentType.JSON).body(json("username", PERSON)).post(API + "/personal-data/erasures")
                .then().statusCode(204);
    }

    @Test
    void consentIsThePersonsOwnOrRecordedByTheAiOfficeAndCanBeShown() {
        // a colleague of the organisation (member-a acting on another representative) cannot consent for them, nor
        // can the organisation when it appoints them
        office().contentType(ContentType.JSON).body(json("name", name, "email", email, "role", "ALTERNATE",
                "username", "pd-new", "nameConsent", true)).post(SIGNATORIES + "/" + A + "/representatives")
                .then().statusCode(400).contentType(PROBLEM).body("detail", containsString("/consent"));
        UUID colleague = TestSupport.appoint(A, representative(unique("Colleague"), "c@example.org", "ALTERNATE",
                "pd-" + UUID.randomUUID().toString().substring(0, 8)));
        Actors.MEMBER_A.request().body(consent()).put(SIGNATORIES + "/" + A + "/representatives/" + colleague + "/consent")
                .then().statusCode(403).contentType(PROBLEM).body("detail", containsString("person themselves"));
        office().delete(SIGNATORIES + "/" + A + "/representatives/" + colleague).then().statusCode(204);
        // nor through the representative's details
        office().contentType(ContentType.JSON).body(json("name", name, "email", email, "role", "ALTERNATE",
                "username", PERSON, "nameConsent", true)).put(path).then().statusCode(400).contentType(PROBLEM);

        // the person consents with their own account, to the current notice only
        Actors.MEMBER_A.request().body(json("noticeVersion", "2019-01-01")).put(path + "/consent")
                .then().statusCode(422).contentType(PROBLEM).body("detail", containsString("2026-12-01"));
        Actors.MEMBER_A.request().body(consent()).put(path + "/consent").then().statusCode(200)
                .body("nameConsent", is(true)).body("consent.givenVia", is("SELF"))
                .body("consent.noticeVersion", is("2026-12-01"));
        String published = currentCommitment();
        Opening opening = opening(published);
        assertThat(opening.value()).isEqualTo(name);
        assertThat(opening.ref()).isEqualTo(id);
        assertThat(opening.commitment()).isEqualTo(published);

        // the person withdraws it as easily; the opening is gone at once
        Actors.MEMBER_A.request().delete(path + "/consent").then().statusCode(200).body("nameConsent", is(false));
        openingRequest(published).then().statusCode(404).contentType(PROBLEM);
        // the AI Office records a consent given to it: by whom is kept
        office().contentType(ContentType.JSON).body(consent()).put(path + "/consent").then().statusCode(200)
                .body("consent.givenVia", is("AI_OFFICE"))
                .body("consent.recordedBy", is(TestSupport.User.OFFICE.subject()));
        List<java.util.Map<String, Object>> history = office().get(path + "/consents").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(history).hasSize(2);
        assertThat(history.get(0)).containsEntry("givenVia", "AI_OFFICE").containsEntry("withdrawnAt", null);
        assertThat(history.get(1)).containsEntry("givenVia", "SELF").containsEntry("withdrawnVia", "SELF");
    }

    @Test
    void aCorrectedNameReplacesTheOldOneWhoseOpeningIsGone() {
        office().contentType(ContentType.JSON).body(consent()).put(path + "/consent").then().statusCode(200);
        String old = currentCommitment();
        String corrected = name + " Corrected";
        office().contentType(ContentType.JSON).body(representative(corrected, email, "ALTERNATE", PERSON)).put(path)
                .then().statusCode(200).body("name", is(corrected));
        String now = currentCommitment();
        assertThat(now).isNotEqualTo(old);
        openingRequest(old).then().statusCode(404);
        assertThat(opening(now).value()).isEqualTo(corrected);
        // a change of role alone publishes nothing new
        office().contentType(ContentType.JSON).body(representative(corrected, email, "ALTERNATE", PERSON)).put(path)
                .then().statusCode(200);
        assertThat(currentCommitment()).isEqualTo(now);
    }

    @Test
    void thePersonExportsWhatIsHeldAboutThemAndNothingOfAnyoneElse() {
        Actors.MEMBER_A.request().body(consent()).put(path + "/consent").then().statusCode(200);
        Response export = Actors.MEMBER_A.request().get(API + "/me/personal-data");
        export.then().statusCode(200)
                .body("account.username", is(PERSON))
                .body("representatives.size()", is(1))
                .body("representatives[0].name", is(name))
                .body("representatives[0].email", is(email))
                .body("representatives[0].consents[0].givenVia", is("SELF"))
                .body("representatives[0].disclosures[0].value", is(name))
                .body("audit.action", org.hamcrest.Matchers.hasItem("REPRESENTATIVE_CONSENT_GIVEN"));
        Actors.EXPERT.request().get(API + "/me/personal-data").then().statusCode(200)
                .body("account.username", is("expert")).body("representatives.size()", is(0));
        assertThat(Actors.EXPERT.request().get(API + "/me/personal-data").asString()).doesNotContain(name, email);
    }

    @Test
    void afterErasureNoTableStoredResponseOrOpeningHoldsTheNameEmailOrAccount() throws SQLException {
        office().contentType(ContentType.JSON).body(consent()).put(path + "/consent").then().statusCode(200);
        String published = currentCommitment();
        // a colleague may not erase the person; the person may, with their own account
        Actors.MEMBER_B.request().post(path + "/erasure").then().statusCode(403).contentType(PROBLEM)
                .body("detail", containsString("person themselves"));
        Actors.MEMBER_A.request().delete(API + "/me/personal-data").then().statusCode(204);
        Actors.MEMBER_A.request().delete(API + "/me/personal-data").then().statusCode(204); // again: nothing to do

        office().get(path).then().statusCode(404);
        openingRequest(published).then().statusCode(404);
        // replaying the create answers nothing that was erased
        Response replay = office().contentType(ContentType.JSON).header("Idempotency-Key", idempotencyKey)
                .body(representative(name, email, "ALTERNATE", PERSON)).post(SIGNATORIES + "/" + A + "/representatives");
        assertThat(replay.statusCode()).isEqualTo(422);
        assertThat(replay.asString()).doesNotContain(name).doesNotContain(email);
        assertThat(Actors.MEMBER_A.request().get(API + "/me/personal-data").then().statusCode(200)
                .extract().jsonPath().getList("representatives")).isEmpty();
        // nothing in the whole database holds the name or the e-mail; the row keeps only ids and dates
        assertThat(rowsContaining(name)).isEmpty();
        assertThat(rowsContaining(email)).isEmpty();
        assertThat(office().get(API + "/audit?recordId=" + id).then().statusCode(200).extract().jsonPath()
                .getList("items.action", String.class)).contains("REPRESENTATIVE_ERASED");
    }

    @Test
    void openingsAreForServicesAndTheAiOfficeOnly() {
        office().contentType(ContentType.JSON).body(consent()).put(path + "/consent").then().statusCode(200);
        String published = currentCommitment();
        Actors.SERVICE.request().get(API + "/disclosures/" + published).then().statusCode(200)
                .body("value", is(name)).body("field", is("publicName")).body("ref", is(id.toString()));
        Actors.MEMBER_A.request().get(API + "/disclosures/" + published).then().statusCode(403).contentType(PROBLEM)
                .body("detail", is("Your role does not allow this action"));
        Actors.ANONYMOUS.request().get(API + "/disclosures/" + published).then().statusCode(401);
        Actors.SERVICE.request().get(API + "/disclosures/sha256:XYZ").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void mailRecipientsAreForServicesOnlyAndForgetTheErased() {
        io.restassured.path.json.JsonPath recipients = Actors.SERVICE.request()
                .get(API + "/mail-recipients?audience=REPRESENTATIVES").then().statusCode(200).extract().jsonPath();
        assertThat(recipients.getString("find { it.person == '" + PERSON + "' }.email")).isEqualTo(email);
        assertThat(recipients.getString("find { it.person == '" + PERSON + "' }.organisationId"))
                .isEqualTo(A.toString());
        Actors.SERVICE.request().get(API + "/mail-recipients?audience=NOBODY").then().statusCode(400)
                .contentType(PROBLEM);
        Actors.SERVICE.request().get(API + "/mail-recipients").then().statusCode(400).contentType(PROBLEM);
        Actors.MEMBER_A.request().get(API + "/mail-recipients?audience=REPRESENTATIVES").then().statusCode(403);

        Actors.MEMBER_A.request().delete(API + "/me/personal-data").then().statusCode(204);
        assertThat(Actors.SERVICE.request().get(API + "/mail-recipients?audience=REPRESENTATIVES").then()
                .statusCode(200).extract().asString()).doesNotContain(email);
    }

    private String currentCommitment() {
        return Actors.MEMBER_A.request().get(API + "/me/personal-data").then().statusCode(200).extract().jsonPath()
                .getString("representatives[0].disclosures.find { it.withdrawnAt == null }.commitment");
    }

    private static Response openingRequest(String commitment) {
        return Actors.SERVICE.request().get(API + "/disclosures/" + commitment);
    }

    private static Opening opening(String commitment) {
        return openingRequest(commitment).then().statusCode(200).extract().as(Opening.class);
    }

    /** Every row of every table of the service's schema whose text holds {@code text}, as "table: row". */
    private List<String> rowsContaining(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection connection = database.getConnection()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery(
                    "select table_name from information_schema.tables where table_schema = current_schema()"
                            + " and table_type = 'BASE TABLE'")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            for (String table : tables) {
                var statement = connection.prepareStatement("select t::text from \"" + table + "\" t where t::text like ?");
                statement.setString(1, "%" + text + "%");
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        found.add(table + ": " + rs.getString(1));
                    }
                }
            }
        }
        return found;
    }
}
