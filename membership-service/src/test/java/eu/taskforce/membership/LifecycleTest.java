package eu.taskforce.membership;

import eu.taskforce.membership.TestSupport.User;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.membership.TestSupport.A;
import static eu.taskforce.membership.TestSupport.API;
import static eu.taskforce.membership.TestSupport.PROBLEM;
import static eu.taskforce.membership.TestSupport.SIGNATORIES;
import static eu.taskforce.membership.TestSupport.addParticipant;
import static eu.taskforce.membership.TestSupport.appoint;
import static eu.taskforce.membership.TestSupport.audit;
import static eu.taskforce.membership.TestSupport.createGroup;
import static eu.taskforce.membership.TestSupport.ensureMember;
import static eu.taskforce.membership.TestSupport.freshMember;
import static eu.taskforce.membership.TestSupport.freshSignatory;
import static eu.taskforce.membership.TestSupport.join;
import static eu.taskforce.membership.TestSupport.json;
import static eu.taskforce.membership.TestSupport.leave;
import static eu.taskforce.membership.TestSupport.office;
import static eu.taskforce.membership.TestSupport.register;
import static eu.taskforce.membership.TestSupport.registerStakeholder;
import static eu.taskforce.membership.TestSupport.representative;
import static eu.taskforce.membership.TestSupport.signatory;
import static eu.taskforce.membership.TestSupport.stakeholder;
import static eu.taskforce.membership.TestSupport.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** The rules of membership, representatives, versions, retries, search and the audit trail, through the API. */
@QuarkusTest
class LifecycleTest {

    final String OFFICE = User.OFFICE.subject();
    static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    @Test
    void joiningTwiceIsAConflict() {
        UUID id = freshSignatory();
        String path = SIGNATORIES + "/" + id + "/memberships";
        office().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(201)
                .body("signatoryId", equalTo(id.toString())).body("joinedOn", equalTo(TODAY.toString()))
                .body("joinedBy", equalTo(OFFICE)).body("leftOn", nullValue());
        office().get(SIGNATORIES + "/" + id).then().body("member", is(true));

        office().contentType(ContentType.JSON).body("{}").post(path).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("is already a member of the Taskforce"));
        assertThat(office().get(path).jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void leavingKeepsThePeriodAndALaterRejoinStartsANewOne() {
        UUID id = freshSignatory();
        join(id, LocalDate.parse("2025-09-01"));
        leave(office(), id, LocalDate.parse("2025-10-31")).then().statusCode(200)
                .body("leftOn", equalTo("2025-10-31")).body("leftBy", equalTo(OFFICE)).body("endReason", equalTo("LEFT"));
        office().get(SIGNATORIES + "/" + id).then().body("member", is(false));

        office().contentType(ContentType.JSON).body(json("joinedOn", "2025-10-31")).post(SIGNATORIES + "/" + id + "/memberships")
                .then().statusCode(409).contentType(PROBLEM).body("detail", containsString("must begin after that day"));
        join(id, LocalDate.parse("2025-11-01"));

        var history = office().get(SIGNATORIES + "/" + id + "/memberships").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("joinedOn")).containsExactly("2025-09-01", "2025-11-01");
        assertThat(history.getList("joinedBy")).containsExactly(OFFICE, OFFICE);
        assertThat(history.getList("leftOn")).containsExactly("2025-10-31", null);
        assertThat(history.getList("leftBy")).containsExactly(OFFICE, null);
        assertThat(history.getList("endReason")).containsExactly("LEFT", null);
    }

    @Test
    void aMemberRecordsThatItsOwnOrganisationLeaves() {
        LocalDate joinedOn = ensureMember(A);
        leave(User.MEMBER_A.request(), A, joinedOn).then().statusCode(200)
                .body("leftBy", equalTo(User.MEMBER_A.subject())).body("endReason", equalTo("LEFT"));
        office().get(SIGNATORIES + "/" + A).then().body("member", is(false));
    }

    @Test
    void leavingWithoutBeingAMemberIsAConflict() {
        UUID id = freshSignatory();
        leave(office(), id, null).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("is not a member of the Taskforce"));
        assertThat(office().get(SIGNATORIES + "/" + id + "/memberships").jsonPath().getList("$")).isEmpty();
    }

    @Test
    void groupsComeAPageAtATimeInNameOrder() {
        createGroup(unique("Paged group one"));
        createGroup(unique("Paged group two"));
        Response first = office().get(API + "/groups?limit=1");
        first.then().statusCode(200).header("Link", containsString("rel=\"next\"")).body("items", hasSize(1));
        String cursor = first.jsonPath().getString("nextCursor");
        Response second = office().queryParam("limit", 1).queryParam("cursor", cursor).get(API + "/groups");
        second.then().statusCode(200).body("items", hasSize(1));
        assertThat(second.jsonPath().getString("items[0].name").toLowerCase())
                .isGreaterThan(first.jsonPath().getString("items[0].name").toLowerCase());
        office().get(API + "/groups?limit=0").then().statusCode(400).contentType(PROBLEM);
        office().get(API + "/groups?cursor=not-a-cursor").then().statusCode(400).contentType(PROBLEM);
    }

    @Test
    void withdrawingTheSignatureEndsTheMembershipAndTheGroupsAndForbidsJoining() {
        UUID id = freshSignatory();
        join(id, LocalDate.parse("2025-09-01"));
        UUID group = createGroup(unique("Withdrawal group"));
        addParticipant(group, id);

        office().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + id + "/withdrawal").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN")).body("withdrawnOn", equalTo(TODAY.toString())).body("member", is(false));

        var history = office().get(SIGNATORIES + "/" + id + "/memberships").jsonPath();
        assertThat(history.getList("endReason")).containsExactly("SIGNATURE_WITHDRAWN");
        assertThat(history.getList("leftOn")).containsExactly(TODAY.toString());
        assertThat(history.getList("leftBy")).containsExactly(OFFICE);
        assertThat(office().get(API + "/groups/" + group).jsonPath().getList("participants")).isEmpty();

        office().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + id + "/memberships").then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("withdrew its signature"));
        office().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + id + "/withdrawal").then()
                .statusCode(409).contentType(PROBLEM).body("detail", containsString("already withdrew"));
        assertThat(office().get(SIGNATORIES + "/" + id + "/memberships").jsonPath().getList("$")).hasSize(1);
    }

    @Test
    void anOrganisationHasAtMostOnePrincipal() {
        UUID organisation = freshMember();
        String path = SIGNATORIES + "/" + organisation + "/representatives";
        String tag = "lc-" + UUID.randomUUID().toString().substring(0, 8);
        UUID first = appoint(organisation, representative("First", "first@example.org", "PRINCIPAL", tag + "-1"));

        office().contentType(ContentType.JSON).body(representative("Second", "second@example.org", "PRINCIPAL", tag + "-2"))
                .post(path).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already has a principal"));
        UUID second = appoint(organisation, representative("Second", "second@example.org", "ALTERNATE", tag + "-2"));
        office().contentType(ContentType.JSON).body(representative("Other", "o@example.org", "ALTERNATE", tag + "-2"))
                .post(path).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("already belongs"));

        office().contentType(ContentType.JSON).body(representative("Second", "second@example.org", "PRINCIPAL", tag + "-2"))
                .put(path + "/" + second).then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("already has a principal"));
        office().contentType(ContentType.JSON).body(representative("First", "first@example.org", "ALTERNATE", tag + "-1"))
                .put(path + "/" + first).then().statusCode(200).body("role", equalTo("ALTERNATE"));
        office().contentType(ContentType.JSON).body(representative("Second", "second@example.org", "PRINCIPAL", tag + "-2"))
                .put(path + "/" + second).then().statusCode(200).body("role", equalTo("PRINCIPAL"));

        var list = office().get(path).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("name")).containsExactly("First", "Second");
        assertThat(list.getList("role")).containsExactly("ALTERNATE", "PRINCIPAL");
    }

    @Test
    void onlyMembersHaveRepresentatives() {
        UUID organisation = freshSignatory();
        office().contentType(ContentType.JSON)
                .body(representative("Nobody", "n@example.org", "PRINCIPAL", "lc-" + UUID.randomUUID()))
                .post(SIGNATORIES + "/" + organisation + "/representatives").then().statusCode(409).contentType(PROBLEM)
                .body("detail", containsString("only member organisations have representatives"));
    }

    @Test
    void aChangeOfChaptersIsAddedToTheChapterHistory() {
        UUID id = freshSignatory();
        String path = SIGNATORIES + "/" + id;
        String name = office().get(path).jsonPath().getString("name");
        office().contentType(ContentType.JSON).body(json("name", name, "country", "FR", "website", "https://example.org",
                        "chapters", List.of("SAFETY_AND_SECURITY"), "effectiveOn", "2026-01-15"))
                .put(path).then().statusCode(200).body("chapters", equalTo(List.of("SAFETY_AND_SECURITY")));
        // a change of the other details only leaves the chapter history as it is
        office().contentType(ContentType.JSON).body(json("name", name, "country", "BE", "website", "https://example.org",
                "chapters", List.of("SAFETY_AND_SECURITY"))).put(path).then().statusCode(200).body("country", equalTo("BE"));
        office().contentType(ContentType.JSON).body(json("name", name, "country", "BE",
                        "chapters", List.of("COPYRIGHT"), "effectiveOn", "2025-07-01"))
                .put(path).then().statusCode(409).contentType(PROBLEM).body("detail", containsString("before the signature"));

        var history = office().get(path + "/chapters").then().statusCode(200).extract().jsonPath();
        assertThat(history.getList("effectiveOn")).containsExactly("2025-08-01", "2026-01-15");
        assertThat(history.getList("chapters")).containsExactly(
                List.of("TRANSPARENCY", "COPYRIGHT", "SAFETY_AND_SECURITY"), List.of("SAFETY_AND_SECURITY"));
        assertThat(history.getList("recordedBy")).containsExactly(OFFICE, OFFICE);
    }

    @Test
    void aWriteWithAStaleIfMatchIsRefusedAndChangesNothing() {
        UUID id = freshSignatory();
        String path = SIGNATORIES + "/" + id;
        String name = office().get(path).jsonPath().getString("name");
        String read = office().get(path).then().statusCode(200).extract().header("ETag");

        String changed = office().contentType(ContentType.JSON).header("If-Match", read)
                .body(signatory(name, "DE", "COPYRIGHT")).put(path).then().statusCode(200).extract().header("ETag");
        assertThat(changed).isNotBlank().isNotEqualTo(read);

        office().contentType(ContentType.JSON).header("If-Match", read).body(signatory(name, "IT", "TRANSPARENCY"))
                .put(path).then().statusCode(412).contentType(PROBLEM).body("status", equalTo(412))
                .body("detail", containsString("The record has changed since you read it"));
        office().contentType(ContentType.JSON).header("If-Match", read).body("{}").post(path + "/withdrawal")
                .then().statusCode(412).contentType(PROBLEM)
                .body("detail", containsString("The record has changed since you read it"));
        office().get(path).then().header("ETag", changed).body("country", equalTo("DE"))
                .body("chapters", equalTo(List.of("COPYRIGHT"))).body("status", equalTo("SIGNED"));

        // the same for a stakeholder and a representative
        UUID stakeholder = registerStakeholder(stakeholder(unique("Versioned Institute"), "v@example.org", false));
        String stakeholderPath = API + "/stakeholders/" + stakeholder;
        String first = office().get(stakeholderPath).header("ETag");
        office().contentType(ContentType.JSON).header("If-Match", first).body(stakeholder("Renamed", "v@example.org", true))
                .put(stakeholderPath).then().statusCode(200).header("ETag", not(first));
        office().header("If-Match", first).delete(stakeholderPath).then().statusCode(412).contentType(PROBLEM)
                .body("detail", containsString("The record has changed since you read it"));
        office().get(stakeholderPath).then().statusCode(200).body("name", equalTo("Renamed"));

        UUID organisation = freshMember();
        String account = "lc-" + UUID.randomUUID().toString().substring(0, 8);
        UUID representative = appoint(organisation, representative("Vera", "v@example.org", "ALTERNATE", account));
        String representativePath = SIGNATORIES + "/" + organisation + "/representatives/" + representative;
        String etag = office().get(representativePath).header("ETag");
        office().contentType(ContentType.JSON).header("If-Match", etag)
                .body(representative("Vera", "v@example.org", "PRINCIPAL", account)).put(representativePath)
                .then().statusCode(200);
        office().header("If-Match", etag).delete(representativePath).then().statusCode(412).contentType(PROBLEM)
                .body("detail", containsString("The record has changed since you read it"));
        office().get(representativePath).then().statusCode(200).body("role", equalTo("PRINCIPAL"));
        office().header("If-Match", office().get(representativePath).header("ETag")).delete(representativePath)
                .then().statusCode(204);
        office().get(representativePath).then().statusCode(404).contentType(PROBLEM);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyCreatesOnce() {
        String name = unique("Retried AI");
        String key = UUID.randomUUID().toString();
        Response first = office().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(signatory(name, "FR", "COPYRIGHT")).post(SIGNATORIES);
        Response retry = office().contentType(ContentType.JSON).header("Idempotency-Key", key)
                .body(signatory(name, "FR", "COPYRIGHT")).post(SIGNATORIES);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();
        assertThat(retry.statusCode()).isEqualTo(201);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.header("ETag")).isEqualTo(first.header("ETag"));
        assertThat(TestSupport.read(retry.asString())).isEqualTo(TestSupport.read(first.asString()));
        assertThat(names(Map.of("name", name))).containsExactly(name);

        String other = unique("Other AI");
        office().contentType(ContentType.JSON).header("Idempotency-Key", key).body(signatory(other, "FR", "COPYRIGHT"))
                .post(SIGNATORIES).then().statusCode(422).contentType(PROBLEM);
        assertThat(names(Map.of("name", other))).isEmpty();

        // a join retried with its key is one membership period
        UUID id = UUID.fromString(first.jsonPath().getString("id"));
        String joinKey = UUID.randomUUID().toString();
        String membership = office().contentType(ContentType.JSON).header("Idempotency-Key", joinKey).body("{}")
                .post(SIGNATORIES + "/" + id + "/memberships").then().statusCode(201).extract().path("id");
        office().contentType(ContentType.JSON).header("Idempotency-Key", joinKey).body("{}")
                .post(SIGNATORIES + "/" + id + "/memberships").then().statusCode(201)
                .header("Idempotent-Replayed", "true").body("id", equalTo(membership));
        assertThat(office().get(SIGNATORIES + "/" + id + "/memberships").jsonPath().getList("id")).containsExactly(membership);
    }

    @Test
    void searchFilters() {
        String prefix = unique("Search");
        UUID alpha = register(signatory(prefix + " alpha", "FR", "TRANSPARENCY"));
        register(signatory(prefix + " bravo", "DE", "COPYRIGHT", "SAFETY_AND_SECURITY"));
        UUID charlie = register(signatory(prefix + " charlie", "FR", "SAFETY_AND_SECURITY"));
        register(signatory(prefix + " delta", "IT", "TRANSPARENCY", "COPYRIGHT"));
        join(alpha, null);
        office().contentType(ContentType.JSON).body("{}").post(SIGNATORIES + "/" + charlie + "/withdrawal").then().statusCode(200);

        assertThat(names(Map.of("name", prefix))).containsExactly(prefix + " alpha", prefix + " bravo", prefix + " charlie",
                prefix + " delta");
        assertThat(names(Map.of("name", prefix.toUpperCase() + " ALP"))).containsExactly(prefix + " alpha");
        assertThat(names(Map.of("name", prefix, "chapter", "TRANSPARENCY"))).containsExactly(prefix + " alpha", prefix + " delta");
        assertThat(names(Map.of("name", prefix, "country", "FR"))).containsExactly(prefix + " alpha", prefix + " charlie");
        assertThat(names(Map.of("name", prefix, "status", "WITHDRAWN"))).containsExactly(prefix + " charlie");
        assertThat(names(Map.of("name", prefix, "status", "SIGNED"))).containsExactly(prefix + " alpha", prefix + " bravo",
                prefix + " delta");
        assertThat(names(Map.of("name", prefix, "member", "true"))).containsExactly(prefix + " alpha");
        assertThat(names(Map.of("name", prefix, "member", "false", "country", "FR"))).containsExactly(prefix + " charlie");
        assertThat(names(Map.of("name", "%"))).as("% is a character, not a wildcard").isEmpty();
    }

    @Test
    void pagesFollowLinkNextAndUpdatedSinceSyncsTheChanges() {
        String prefix = unique("Paged");
        List<String> all = new ArrayList<>();
        for (String suffix : List.of("a", "b", "c", "d", "e")) {
            register(signatory(prefix + " " + suffix, "FR", "COPYRIGHT"));
            all.add(prefix + " " + suffix);
        }
        assertThat(follow(SIGNATORIES + "?limit=2&name=" + prefix.replace(" ", "%20"), 3)).containsExactlyElementsOf(all);

        // incremental sync: what changed at or after a moment, in order of change
        UUID b = UUID.fromString(office().queryParam("name", prefix + " b").get(SIGNATORIES).jsonPath().getString("items[0].id"));
        String since = office().queryParam("name", prefix + " e").get(SIGNATORIES).jsonPath().getString("items[0].updatedAt");
        office().contentType(ContentType.JSON).body(signatory(prefix + " b", "DE", "COPYRIGHT")).put(SIGNATORIES + "/" + b)
                .then().statusCode(200);
        assertThat(follow(SIGNATORIES + "?limit=1&name=" + prefix.replace(" ", "%20") + "&updatedSince=" + since, 2))
                .containsExactly(prefix + " e", prefix + " b");
    }

    @Test
    void memberOnAnswersWhoWasAMemberOnAPastDay() {
        String prefix = unique("Period");
        UUID early = register(signatory(prefix + " early", "FR", "COPYRIGHT"));
        UUID late = register(signatory(prefix + " late", "FR", "COPYRIGHT"));
        register(signatory(prefix + " never", "FR", "COPYRIGHT"));
        join(early, LocalDate.parse("2025-09-01"));
        leave(office(), early, LocalDate.parse("2025-10-31")).then().statusCode(200);
        join(early, LocalDate.parse("2026-02-01"));
        join(late, LocalDate.parse("2025-10-15"));
        leave(office(), late, LocalDate.parse("2025-12-31")).then().statusCode(200);

        Map<String, List<String>> expected = Map.of(
                "2025-08-31", List.of(),
                "2025-09-01", List.of(prefix + " early"),
                "2025-10-15", List.of(prefix + " early", prefix + " late"),
                "2025-10-31", List.of(prefix + " early", prefix + " late"),
                "2025-11-01", List.of(prefix + " late"),
                "2026-01-01", List.of(),
                "2026-02-01", List.of(prefix + " early"),
                TODAY.toString(), List.of(prefix + " early"));
        expected.forEach((day, members) -> assertThat(names(Map.of("name", prefix, "memberOn", day)))
                .as("members on %s", day).containsExactlyElementsOf(members));
    }

    @Test
    void theAuditTrailRecordsWhoDidWhatToWhichRecord() {
        UUID signatory = freshSignatory();
        assertThat(audit(signatory)).singleElement().satisfies(entry -> assertThat(entry)
                .containsEntry("action", "SIGNATORY_REGISTERED").containsEntry("recordType", "Signatory")
                .containsEntry("recordId", signatory.toString()).containsEntry("subject", OFFICE)
                .containsEntry("organisation", null));

        ensureMember(A);
        String account = "lc-" + UUID.randomUUID().toString().substring(0, 8);
        String path = SIGNATORIES + "/" + A + "/representatives";
        String representative = User.MEMBER_A.request().contentType(ContentType.JSON)
                .body(representative("Audited Person", account + "@example.org", "ALTERNATE", account))
                .post(path).then().statusCode(201).extract().path("id");
        User.MEMBER_A.request().delete(path + "/" + representative).then().statusCode(204);

        List<Map<String, Object>> entries = audit(UUID.fromString(representative));
        assertThat(entries).extracting(e -> e.get("action")).containsExactly("REPRESENTATIVE_APPOINTED", "REPRESENTATIVE_REMOVED");
        assertThat(entries).allSatisfy(entry -> assertThat(entry).containsEntry("subject", User.MEMBER_A.subject())
                .containsEntry("organisation", A.toString()).containsEntry("recordType", "Representative"));

        // the trail pages like every list
        Response page = office().queryParam("recordId", representative).queryParam("limit", 1).get(API + "/audit");
        assertThat(page.jsonPath().getList("items")).hasSize(1);
        assertThat(page.header("Link")).contains("rel=\"next\"");
    }

    // ---- helpers ----

    /** The names of the signatories a search finds (one page of up to 500). */
    static List<String> names(Map<String, ?> query) {
        return office().queryParams(query).queryParam("limit", 500).get(SIGNATORIES).then().statusCode(200)
                .extract().jsonPath().getList("items.name", String.class);
    }

    /** Follows Link: rel="next" from the first page to the last; checks the number of pages; answers the names. */
    static List<String> follow(String firstPage, int pages) {
        List<String> names = new ArrayList<>();
        String next = firstPage;
        int count = 0;
        while (next != null) {
            Response page = office().urlEncodingEnabled(false).get(next).then().statusCode(200).extract().response();
            names.addAll(page.jsonPath().getList("items.name", String.class));
            count++;
            String link = page.header("Link");
            assertThat(link == null).isEqualTo(page.jsonPath().getString("nextCursor") == null);
            next = link == null ? null : link.substring(link.indexOf('<') + 1, link.indexOf('>'));
            assertThat(link == null || link.contains("rel=\"next\"")).isTrue();
        }
        assertThat(count).as("pages").isEqualTo(pages);
        return names;
    }
}
