package eu.taskforce.membership;

import eu.taskforce.membership.TestSupport.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static eu.taskforce.membership.TestSupport.A;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.B;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.addParticipant;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.consent;
import static eu.taskforce.membership.TestSupport.createGroup;
import static eu.taskforce.membership.TestSupport.ensureMember;
import static eu.taskforce.membership.TestSupport.freshMember;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.read;
import static eu.taskforce.membership.TestSupport.registerStakeholder;
import static eu.taskforce.membership.TestSupport.removeRepresentatives;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.signatory;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.unique;
import static eu.taskforce.membership.TestSupport.draftEdition;
import static eu.taskforce.membership.TestSupport.publishedEdition;
import static eu.taskforce.membership.TestSupport.vademecumSections;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every endpoint of the service, five callers, real Keycloak tokens. Every cell gets a fixture
 * of its own, made by the AI Office just before the call, so that no cell depends on another.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    /** The callers: the columns of the matrix. */
    enum Caller {
        ANONYMOUS(null), MEMBER_ON_A(User.MEMBER_A), MEMBER_ON_B(User.MEMBER_A), AI_OFFICE(User.OFFICE),
        STAKEHOLDER(User.EXPERT);

        final User user;

        Caller(User user) {
            this.user = user;
        }

        RequestSpecification request() {
            return user == null ? given() : user.request();
        }

        /**
         * The organisation in the path: member-a acts on its own organisation A or on B; everyone else acts on a
         * fresh signatory, so that what the AI Office may change never touches the shared organisations.
         */
        UUID organisation() {
            return switch (this) {
                case MEMBER_ON_A -> A;
                case MEMBER_ON_B -> B;
                default -> freshSignatory();
            };
        }
    }

    static final List<Row> MATRIX = List.of(
            //  endpoint                                           fixture                  anonymous member   member   AI      stake-
            //                                                                                        on A     on B     Office  holder
            row("GET    /signatories",                             none(),                  401,      200,     200,     200,    200),
            row("POST   /signatories",                             newSignatory(),          401,      403,     403,     201,    403),
            row("GET    /signatories/{org}",                       none(),                  401,      200,     200,     200,    200),
            row("PUT    /signatories/{org}",                       currentDetails(),        401,      403,     403,     200,    403),
            row("GET    /signatories/{org}/chapters",              none(),                  401,      200,     200,     200,    200),
            row("POST   /signatories/{org}/withdrawal",            withdrawal(),            401,      403,     403,     200,    403),
            row("POST   /signatories/{org}/memberships",           body("{}"),              401,      403,     403,     201,    403),
            row("POST   /signatories/{org}/leave",                 leavingMember(),         401,      200,     403,     200,    403),
            row("GET    /signatories/{org}/memberships",           none(),                  401,      200,     200,     200,    200),
            row("GET    /signatories/{org}/representatives",       member(),                401,      200,     403,     200,    403),
            row("POST   /signatories/{org}/representatives",       newRepresentative(),     401,      201,     403,     201,    403),
            row("GET    /signatories/{org}/representatives/{id}",  aRepresentative(false),  401,      200,     403,     200,    403),
            row("PUT    /signatories/{org}/representatives/{id}",  aRepresentative(true),   401,      200,     403,     200,    403),
            row("DELETE /signatories/{org}/representatives/{id}",  aRepresentative(false),  401,      204,     403,     204,    403),
            // consent and erasure are the person's own (their account) or the AI Office's: a colleague may not
            row("PUT    /signatories/{org}/representatives/{id}/consent", aRepresentativeAnd(consent()), 401, 403, 403, 200, 403),
            row("DELETE /signatories/{org}/representatives/{id}/consent", aRepresentative(false), 401, 403, 403, 200, 403),
            row("GET    /signatories/{org}/representatives/{id}/consents", aRepresentative(false), 401, 200, 403, 200, 403),
            row("POST   /signatories/{org}/representatives/{id}/erasure", aRepresentative(false), 401, 403, 403, 204, 403),
            row("GET    /stakeholders",                            none(),                  401,      403,     403,     200,    403),
            row("POST   /stakeholders",                            newStakeholder(),        401,      403,     403,     201,    403),
            row("GET    /stakeholders/{id}",                       aStakeholder(false),     401,      403,     403,     200,    403),
            row("PUT    /stakeholders/{id}",                       aStakeholder(true),      401,      403,     403,     200,    403),
            row("DELETE /stakeholders/{id}",                       aStakeholder(false),     401,      403,     403,     204,    403),
            row("PUT    /stakeholders/{id}/consent",               aStakeholderAnd(consent()), 401,    403,     403,     200,    403),
            row("DELETE /stakeholders/{id}/consent",               aStakeholder(false),     401,      403,     403,     200,    403),
            row("GET    /stakeholders/{id}/consents",              aStakeholder(false),     401,      403,     403,     200,    403),
            row("POST   /stakeholders/{id}/erasure",               aStakeholder(false),     401,      403,     403,     204,    403),
            row("GET    /me/personal-data",                        none(),                  401,      200,     200,     200,    200),
            row("POST   /personal-data/erasures",                  body(json("username", "nobody-" + UUID.randomUUID())),
                                                                                            401,      403,     403,     204,    403),
            row("GET    /disclosures/sha256:" + "0".repeat(64),    none(),                  401,      403,     403,     404,    403),
            row("GET    /mail-recipients?audience=REPRESENTATIVES", none(),                 401,      403,     403,     403,    403),
            row("GET    /mail-recipients?audience=STAKEHOLDERS",   none(),                  401,      403,     403,     403,    403),
            row("GET    /groups",                                  none(),                  401,      200,     200,     200,    200),
            row("POST   /groups",                                  newGroup(),              401,      403,     403,     201,    403),
            row("GET    /groups/{id}",                             group(),                 401,      200,     200,     200,    200),
            row("POST   /groups/{id}/participants",                groupAndMember(),        401,      403,     403,     200,    403),
            row("DELETE /groups/{id}/participants/{participant}",  groupWithParticipant(),  401,      403,     403,     204,    403),
            row("GET    /audit",                                   none(),                  401,      403,     403,     200,    403),
            // the Vademecum: drafts are the AI Office's alone (to anyone else a draft does not exist), published
            // editions every signed-in caller's
            row("GET    /vademecum/editions",                      none(),                  401,      200,     200,     200,    200),
            row("POST   /vademecum/editions",                      newEdition(),            401,      403,     403,     201,    403),
            row("GET    /vademecum/editions/{id}",                 edition(true),           401,      200,     200,     200,    200),
            row("GET    /vademecum/editions/{id}",                 edition(false),          401,      404,     404,     200,    404),
            row("PUT    /vademecum/editions/{id}",                 draftChange(),           401,      403,     403,     200,    403),
            row("POST   /vademecum/editions/{id}/publication",     edition(false),          401,      403,     403,     200,    403),
            row("POST   /groups/{id}/stakeholders",                groupAndStakeholder(),   401,      403,     403,     200,    403),
            row("DELETE /groups/{id}/stakeholders/{participant}",  groupWithStakeholder(),  401,      403,     403,     204,    403));

    static Stream<Arguments> cells() {
        return MATRIX.stream().flatMap(row -> Arrays.stream(Caller.values()).map(caller -> Arguments.of(row, caller)));
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("cells")
    void cell(Row row, Caller caller) {
        UUID organisation = row.path().contains("{org}") ? caller.organisation() : null;
        Fixture fixture = row.fixture().prepare(organisation);
        try {
            RequestSpecification request = caller.request();
            if (fixture.body() != null) {
                request.contentType(ContentType.JSON).body(fixture.body());
            }
            if (fixture.ifMatch() != null) {
                request.header("If-Match", fixture.ifMatch());
            }
            Response response = request.request(row.method(), API + row.path()
                    .replace("{org}", String.valueOf(organisation))
                    .replace("{id}", String.valueOf(fixture.id()))
                    .replace("{participant}", String.valueOf(fixture.participant())));

            int expected = row.expected()[caller.ordinal()];
            assertThat(response.statusCode()).as("%s as %s: %s", row, caller, response.asString()).isEqualTo(expected);
            if (expected >= 400) {
                assertThat(response.contentType()).startsWith(PROBLEM);
                assertThat(response.jsonPath().getInt("status")).isEqualTo(expected);
            }
        } finally {
            fixture.cleanup().run();
        }
    }

    // ---- the rows and their fixtures ----

    record Row(String method, String path, Fixtures fixture, int[] expected) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static Row row(String endpoint, Fixtures fixture, int... expected) {
        String[] parts = endpoint.trim().split("\\s+");
        return new Row(parts[0], parts[1], fixture, expected);
    }

    /** What one cell needs: the ids in its path, its request body, and what to tidy up after it. */
    record Fixture(UUID id, UUID participant, String body, String ifMatch, Runnable cleanup) {
        Fixture(String body) {
            this(null, null, body, null, () -> { });
        }
    }

    /** Prepares a cell's fixture, as the AI Office, on the organisation in its path (null if there is none). */
    interface Fixtures {
        Fixture prepare(UUID organisation);
    }

    static Fixtures none() {
        return organisation -> new Fixture(null);
    }

    static Fixtures body(String body) {
        return organisation -> new Fixture(body);
    }

    static Fixtures newSignatory() {
        return organisation -> new Fixture(signatory(unique("Matrix AI"), "FR", "TRANSPARENCY"));
    }

    /**
     * The signatory's details as they are, so that the change alone is what is authorised. On the shared
     * organisations a stale If-Match also stands guard: a write let through by mistake fails (412) instead of
     * changing A or B for every later run.
     */
    static Fixtures currentDetails() {
        return organisation -> {
            var current = read(office().get(SIGNATORIES + "/" + organisation).then().statusCode(200).extract().asString());
            return new Fixture(null, null, json("name", current.get("name").asText(),
                    "country", current.path("country").textValue(), "website", current.path("website").textValue(),
                    "chapters", current.get("chapters")), shared(organisation) ? "\"-1\"" : null, () -> { });
        };
    }

    static Fixtures withdrawal() {
        return organisation -> new Fixture(null, null, "{}", shared(organisation) ? "\"-1\"" : null, () -> { });
    }

    /** The organisation is a member; it leaves on the day its period began (any later day is a later run's). */
    static Fixtures leavingMember() {
        return organisation -> new Fixture(json("leftOn", ensureMember(organisation)));
    }

    static Fixtures member() {
        return organisation -> {
            ensureMember(organisation);
            return new Fixture(null);
        };
    }

    static Fixtures newRepresentative() {
        return organisation -> {
            ensureMember(organisation);
            String account = account();
            return new Fixture(null, null, representative("New Person", account + "@example.org", "ALTERNATE",
                    account), null, () -> removeRepresentatives(organisation, account));
        };
    }

    /** A fresh representative of a member organisation; with a changed version of it as the body, or none. */
    static Fixtures aRepresentative(boolean withChange) {
        return organisation -> {
            ensureMember(organisation);
            String account = account();
            UUID id = appoint(organisation, representative("Fixture Person", account + "@example.org", "ALTERNATE",
                    account));
            String change = withChange
                    ? representative("Changed Person", account + "@example.org", "ALTERNATE", account) : null;
            return new Fixture(id, null, change, null, () -> removeRepresentatives(organisation, account));
        };
    }

    /** A fresh representative, with {@code body} as the request body. */
    static Fixtures aRepresentativeAnd(String body) {
        return organisation -> {
            Fixture representative = aRepresentative(false).prepare(organisation);
            return new Fixture(representative.id(), null, body, null, representative.cleanup());
        };
    }

    /** A fresh stakeholder, with {@code body} as the request body. */
    static Fixtures aStakeholderAnd(String body) {
        return organisation -> new Fixture(aStakeholder(false).prepare(organisation).id(), null, body, null, () -> { });
    }

    static Fixtures newStakeholder() {
        return organisation -> new Fixture(stakeholder(unique("Matrix Institute"), "contact@example.org", false));
    }

    static Fixtures aStakeholder(boolean withChange) {
        return organisation -> {
            String name = unique("Matrix Institute");
            UUID id = registerStakeholder(stakeholder(name, "contact@example.org", false));
            return new Fixture(id, null, withChange ? stakeholder(name, "contact@example.org", true) : null, null,
                    () -> { });
        };
    }

    static Fixtures newGroup() {
        return organisation -> new Fixture(json("name", unique("Matrix group")));
    }

    static Fixtures group() {
        return organisation -> new Fixture(createGroup(unique("Matrix group")), null, null, null, () -> { });
    }

    static Fixtures groupAndMember() {
        return organisation -> new Fixture(createGroup(unique("Matrix group")), null,
                json("organisationId", freshMember()), null, () -> { });
    }

    static Fixtures groupWithParticipant() {
        return organisation -> {
            UUID group = createGroup(unique("Matrix group"));
            UUID participant = freshMember();
            addParticipant(group, participant);
            return new Fixture(group, participant, null, null, () -> { });
        };
    }

    static Fixtures newEdition() {
        return organisation -> new Fixture(json("sections", vademecumSections("matrix")));
    }

    /** A fresh edition of the Vademecum, published or a draft. */
    static Fixtures edition(boolean published) {
        return organisation -> new Fixture(published ? publishedEdition() : draftEdition(), null, null, null, () -> { });
    }

    static Fixtures draftChange() {
        return organisation -> new Fixture(draftEdition(), null,
                json("changeNote", "Changed", "sections", vademecumSections("changed")), null, () -> { });
    }

    static Fixtures groupAndStakeholder() {
        return organisation -> new Fixture(createGroup(unique("Matrix group")), null,
                json("stakeholderId", registerStakeholder(stakeholder(unique("Matrix Institute"), "contact@example.org",
                        false))), null, () -> { });
    }

    static Fixtures groupWithStakeholder() {
        return organisation -> {
            UUID group = createGroup(unique("Matrix group"));
            UUID participant = registerStakeholder(stakeholder(unique("Matrix Institute"), "contact@example.org", false));
            office().contentType(ContentType.JSON).body(json("stakeholderId", participant))
                    .post(API + "/groups/" + group + "/stakeholders").then().statusCode(200);
            return new Fixture(group, participant, null, null, () -> { });
        };
    }

    private static boolean shared(UUID organisation) {
        return A.equals(organisation) || B.equals(organisation);
    }

    private static String account() {
        return "matrix-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
