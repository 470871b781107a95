package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.MembershipStarted;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.RepresentativeErased;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.api.Cursor;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.transparency.disclosure.DisclosureResolver;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * People's names: the log, the topics' entries and the read model hold commitments; the register resolves them into
 * openings from membership-service (a stub here, called with a real Keycloak token of the taskforce-services client)
 * and joins the values when it serves. Withdrawal and erasure forget the values everywhere, in any order with the
 * resolution, and a rebuild after an erasure serves no name while the chain still verifies.
 */
@QuarkusTest
@QuarkusTestResource(value = MembershipStub.class, restrictToAnnotatedClass = false)
class PersonalDataTest {

    static final Duration APPLIED_WITHIN = Duration.ofSeconds(60);
    static final String PARTICIPANTS = "/api/v1/public/participants";
    static final String STAKEHOLDERS = "/api/v1/public/stakeholders";
    static final String DISCLOSURES = "/api/v1/public/register/disclosures";
    static final String WITHDRAWALS = "/api/v1/public/register/withdrawals";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    @Inject
    EntityManager em;

    @Inject
    DisclosureResolver resolver;

    @Inject
    AgroalDataSource dataSource;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEMBERSHIP), topicNames.of(Topics.MEETINGS),
                topicNames.of(Topics.GUIDANCE)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    /** A member organisation and its representative, whose name membership-service discloses. */
    record Representative(UUID organisation, UUID id, String name, Opening opening) {
        String commitment() {
            return opening.commitment();
        }
    }

    /** A stakeholder who is a person, listed publicly with name and field of expertise. */
    record Person(UUID id, String name, String field, Opening nameOpening, Opening fieldOpening) {
    }

    static String planted(String what) {
        return "Planted " + what + " " + UUID.randomUUID().toString().replace("-", "");
    }

    Representative representative(boolean disclosed) {
        UUID organisation = UUID.randomUUID();
        String organisationName = "Personal AI " + organisation;
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation, new SignatoryRegistered(
                organisation, organisationName, "BE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)),
                RegisterEvents.at(10));
        events.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_STARTED, organisation,
                new MembershipStarted(organisation, UUID.randomUUID(), organisationName, LocalDate.of(2026, 1, 30)),
                RegisterEvents.at(9));
        UUID id = UUID.randomUUID();
        String name = planted("Representative");
        Opening opening = Opening.of("publicName", id, name);
        if (disclosed) {
            MembershipStub.disclose(opening);
        }
        return new Representative(organisation, id, name, opening);
    }

    void appoint(Representative r) {
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, r.organisation(),
                new RepresentativeProfile(r.organisation(), r.id(), RepresentativeRole.PRINCIPAL, r.opening().personalField()),
                RegisterEvents.at(8));
    }

    Person person() {
        UUID id = UUID.randomUUID();
        String name = planted("Expert"), field = planted("Field");
        Person person = new Person(id, name, field, Opening.of("publicName", id, name),
                Opening.of("publicFieldOfExpertise", id, field));
        MembershipStub.disclose(person.nameOpening());
        MembershipStub.disclose(person.fieldOpening());
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_REGISTERED, id, new StakeholderProfile(id,
                StakeholderProfile.Kind.PERSON, true, null, null, person.nameOpening().personalField(),
                person.fieldOpening().personalField()), RegisterEvents.at(8));
        return person;
    }

    @Test
    void aConsentedNameIsServedJoinedAndStoredOnlyAsItsOpening() {
        Representative r = representative(true);
        appoint(r);
        Person p = person();

        Map<String, Object> shown = awaitRepresentative(r, rep -> r.name().equals(rep.get("name")));
        assertThat(shown).containsEntry("role", "PRINCIPAL").containsEntry("nameCommitment", r.commitment())
                .containsEntry("nameWithheld", null);
        Map<String, Object> expert = await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()),
                s -> s.isPresent() && p.field().equals(s.get().get("fieldOfExpertise"))).orElseThrow();
        assertThat(expert).containsEntry("name", p.name()).containsEntry("kind", "PERSON")
                .containsEntry("nameCommitment", p.nameOpening().commitment())
                .containsEntry("fieldOfExpertiseCommitment", p.fieldOpening().commitment())
                .containsEntry("nameWithheld", null).containsEntry("fieldOfExpertiseWithheld", null);
        assertThat(body(PARTICIPANTS + ".csv")).contains(r.name() + " (PRINCIPAL)");
        assertThat(body(STAKEHOLDERS + ".csv")).contains(p.name()).contains(p.field());

        // the opening is served, and gives its commitment
        JsonPath opening = given().get(DISCLOSURES + "/" + r.commitment()).then().statusCode(200).extract().jsonPath();
        assertThat(new Opening(opening.getString("field"), UUID.fromString(opening.getString("ref")),
                opening.getString("salt"), opening.getString("value")).commitment()).isEqualTo(r.commitment());
        assertThat(opening.getString("value")).isEqualTo(r.name());
        String etag = given().get(DISCLOSURES + "/" + r.commitment()).then().extract().header("ETag");
        given().header("If-None-Match", etag).get(DISCLOSURES + "/" + r.commitment()).then().statusCode(304);
        assertThat(MeetingRegisterTest.all(DISCLOSURES, d -> d.get("commitment")))
                .contains(r.commitment(), p.nameOpening().commitment(), p.fieldOpening().commitment());
        given().get(DISCLOSURES + "/sha256:" + r.name()).then().statusCode(400).contentType("application/problem+json");
        assertThat(MembershipStub.unauthorised()).as("every call bore the services client's token").isZero();

        // the log holds {commitment, ref}; the Atom feed writes neither the name nor the commitment; search indexes no person
        Map<String, Object> entry = logEntryWith(r.commitment());
        assertThat(entry.get("data").toString()).doesNotContain(r.name());
        assertThat(((Map<?, ?>) ((Map<?, ?>) entry.get("data")).get("publicName")))
                .isEqualTo(Map.of("commitment", r.commitment(), "ref", r.id().toString()));
        assertThat(body("/api/v1/public/register/feed.atom")).doesNotContain(r.name()).doesNotContain(p.name())
                .doesNotContain(r.commitment()).doesNotContain(p.nameOpening().commitment());
        assertThat(given().queryParam("q", r.name()).get("/api/v1/public/search").then().statusCode(200).extract()
                .jsonPath().getList("items")).isEmpty();

        // no table but person_disclosure holds a trace of the values (and that one does: the query finds them)
        for (String value : List.of(r.name(), p.name(), p.field())) {
            assertThat(tablesHolding(value)).as(value).containsExactly("person_disclosure");
        }
    }

    @Test
    void withdrawalAndRectificationRemoveTheValueEverywhereAndAreListed() {
        Representative r = representative(true);
        appoint(r);
        Person p = person();
        awaitRepresentative(r, rep -> r.name().equals(rep.get("name")));
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()), s -> s.isPresent() && p.name().equals(s.get().get("name")));

        // consent withdrawn: membership-service forgets the opening and says so
        OffsetDateTime withdrawnAt = RegisterEvents.at(0);
        MembershipStub.forget(r.commitment());
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, r.organisation(),
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.REPRESENTATIVE, r.organisation(), r.id(),
                        List.of(r.commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN), withdrawnAt);
        // the person's name is rectified: a new value with a new commitment, the old one withdrawn
        String corrected = planted("Corrected");
        Opening rectified = Opening.of("publicName", p.id(), corrected);
        MembershipStub.disclose(rectified);
        MembershipStub.forget(p.nameOpening().commitment());
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_UPDATED, p.id(), new StakeholderProfile(p.id(),
                StakeholderProfile.Kind.PERSON, true, null, null, rectified.personalField(),
                p.fieldOpening().personalField()), withdrawnAt);
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, p.id(),
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.STAKEHOLDER, null, p.id(),
                        List.of(p.nameOpening().commitment()), PersonalDataWithdrawn.Reason.RECTIFIED), withdrawnAt);

        Map<String, Object> shown = awaitRepresentative(r, rep -> "CONSENT_WITHDRAWN".equals(rep.get("nameWithheld")));
        assertThat(shown).containsEntry("name", null).containsEntry("nameCommitment", r.commitment());
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()), s -> s.isPresent() && corrected.equals(s.get().get("name")));
        given().get(DISCLOSURES + "/" + r.commitment()).then().statusCode(404).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("CONSENT_WITHDRAWN"));
        given().get(DISCLOSURES + "/" + p.nameOpening().commitment()).then().statusCode(404);

        // the deletions feed, and the aggregates listed again by updatedSince (without the value)
        List<Map<String, Object>> withdrawals = MeetingRegisterTest.all(WITHDRAWALS + "?updatedSince=" + withdrawnAt, w -> w);
        assertThat(withdrawals).anySatisfy(w -> assertThat(w).containsEntry("commitment", r.commitment())
                .containsEntry("ref", r.id().toString()).containsEntry("reason", "CONSENT_WITHDRAWN"));
        assertThat(withdrawals).anySatisfy(w -> assertThat(w).containsEntry("commitment", p.nameOpening().commitment())
                .containsEntry("reason", "RECTIFIED"));
        assertThat(MeetingRegisterTest.all(PARTICIPANTS + "?updatedSince=" + withdrawnAt, m -> m.get("organisationId")))
                .contains(r.organisation().toString());

        for (String answer : List.of(body(PARTICIPANTS + "?limit=500"), body(PARTICIPANTS + ".csv"),
                body(STAKEHOLDERS + "?limit=500"), body(STAKEHOLDERS + ".csv"), body(DISCLOSURES + "?limit=500"))) {
            assertThat(answer).doesNotContain(r.name()).doesNotContain(p.name());
        }
        assertThat(tablesHolding(r.name())).isEmpty();
        assertThat(tablesHolding(p.name())).isEmpty();
        assertThat(tablesHolding(corrected)).containsExactly("person_disclosure");
    }

    @Test
    void anErasedNameLeavesACachedListAsSoonAsTheErasureIsCommitted() {
        Representative r = representative(true);
        appoint(r);
        Representative withdrawn = representative(true);
        appoint(withdrawn);
        awaitRepresentative(r, rep -> r.name().equals(rep.get("name")));
        awaitRepresentative(withdrawn, rep -> withdrawn.name().equals(rep.get("name")));
        String page = PARTICIPANTS + "?limit=500&updatedSince=" + RegisterEvents.at(15);
        assertThat(body(page)).contains(r.name()).contains(withdrawn.name()); // the page is kept with both names

        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_ERASED, r.organisation(),
                new RepresentativeErased(r.organisation(), r.id(), List.of(r.commitment())), RegisterEvents.at(0));
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, withdrawn.organisation(),
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.REPRESENTATIVE, withdrawn.organisation(),
                        withdrawn.id(), List.of(withdrawn.commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN),
                RegisterEvents.at(0));
        // once the values are gone from the database, no page shows them, although the page above was kept
        await().atMost(APPLIED_WITHIN).until(() -> QuarkusTransaction.requiringNew().call(() -> ((Number) em
                .createNativeQuery("select count(*) from person_disclosure where value in (:a, :b)")
                .setParameter("a", r.name()).setParameter("b", withdrawn.name()).getSingleResult()).longValue() == 0));
        await().atMost(PublicListCacheTest.AT_ONCE).pollInterval(Duration.ofMillis(20))
                .until(() -> !body(page).contains(r.name()) && !body(page).contains(withdrawn.name()));
    }

    @Test
    void whileMembershipServiceIsAwayTheRegisterServesAndTheNameAppearsLater() {
        Representative r = representative(true);
        MembershipStub.away(r.commitment());
        appoint(r);
        await().atMost(APPLIED_WITHIN).until(() -> MembershipStub.requests(r.commitment()) >= 2); // tried again
        assertThat(awaitRepresentative(r, rep -> true)).containsEntry("name", null).containsEntry("nameWithheld", "PENDING");
        MembershipStub.back(r.commitment());
        awaitRepresentative(r, rep -> r.name().equals(rep.get("name")));
    }

    @Test
    void aWithdrawalThatComesBeforeTheResolutionWins() throws Exception {
        Representative r = representative(true);
        CountDownLatch answer = MembershipStub.hold(r.commitment());
        appoint(r);
        // the resolver has asked membership-service and waits for its answer...
        await().atMost(APPLIED_WITHIN).until(() -> MembershipStub.requests(r.commitment()) >= 1);
        assertThat(awaitRepresentative(r, rep -> true)).containsEntry("nameWithheld", "PENDING");
        // ...when the withdrawal is applied
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, r.organisation(),
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.REPRESENTATIVE, r.organisation(), r.id(),
                        List.of(r.commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN), RegisterEvents.at(0));
        awaitRepresentative(r, rep -> "CONSENT_WITHDRAWN".equals(rep.get("nameWithheld")));

        answer.countDown(); // membership-service (late) answers with the opening
        resolver.resolvePending(); // one pass at a time: returns once the held pass has finished

        given().get(DISCLOSURES + "/" + r.commitment()).then().statusCode(404);
        assertThat(awaitRepresentative(r, rep -> true)).containsEntry("name", null)
                .containsEntry("nameWithheld", "CONSENT_WITHDRAWN");
        assertThat(tablesHolding(r.name())).isEmpty();
    }

    /**
     * A resolver's store holds the person's lock while V16's trigger writes the person's stakeholder rows; a consumer
     * that wrote those rows first and then waited for the same lock (to withdraw the person's old name) deadlocked
     * with it, and the store rolled back. The consumer now waits for the person's lock before it writes any row.
     */
    @Test
    void aWithdrawalWaitsForThePersonsLockBeforeItWritesThePersonsRows() throws Exception {
        Person p = person();
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()), s -> s.isPresent() && p.name().equals(s.get().get("name")));
        String personsLock = "transparency.disclosure:ref:" + p.id();
        try (Connection store = dataSource.getConnection()) {
            store.setAutoCommit(false);
            try (PreparedStatement lock = store.prepareStatement("select pg_advisory_xact_lock(hashtextextended(?, 0))")) {
                lock.setString(1, personsLock); // what the resolver's store holds
                lock.executeQuery().close();
            }
            MembershipStub.forget(p.nameOpening().commitment());
            events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, p.id(),
                    new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.STAKEHOLDER, null, p.id(),
                            List.of(p.nameOpening().commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN),
                    RegisterEvents.at(0));
            await().atMost(APPLIED_WITHIN).until(() -> waitersFor(personsLock) > 0);
            // the consumer waits, holding none of the person's rows: the store can write them (nowait: or it fails)
            try (PreparedStatement rows = store.prepareStatement(
                    "select 1 from stakeholder where id = ? for update nowait")) {
                rows.setObject(1, p.id());
                rows.executeQuery().close();
            }
            store.rollback();
        }
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()),
                s -> s.isPresent() && "CONSENT_WITHDRAWN".equals(s.get().get("nameWithheld")));
        assertThat(tablesHolding(p.name())).isEmpty();
    }

    /** Transactions waiting for the advisory lock of {@code key} (pg_locks splits its 64-bit key in two oids). */
    long waitersFor(String key) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery("""
                        select count(*) from pg_locks, hashtextextended(:key, 0) h
                        where locktype = 'advisory' and not granted and objsubid = 1
                          and classid::bigint = (h >> 32) & 4294967295 and objid::bigint = h & 4294967295""")
                .setParameter("key", key).getSingleResult()).longValue());
    }

    @Test
    void erasureForgetsThePersonAndARebuildAfterItServesNoNameWhileTheChainVerifies() throws Exception {
        Representative r = representative(true);
        appoint(r);
        Person p = person();
        awaitRepresentative(r, rep -> r.name().equals(rep.get("name")));
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()), s -> s.isPresent() && p.field().equals(s.get().get("fieldOfExpertise")));
        Method verify = VerifiableLogTest.verifier();
        Function<String, String> served = path -> given().get(path).then().statusCode(200).extract().asString();
        List<String> report = new ArrayList<>();
        assertThat(VerifiableLogTest.problems(verify, served, report)).isEmpty();

        // erased; membership-service still (wrongly) serving the openings changes nothing: the register never asks again
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_ERASED, r.organisation(),
                new RepresentativeErased(r.organisation(), r.id(), List.of(r.commitment())), RegisterEvents.at(0));
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_ERASED, p.id(),
                new StakeholderErased(p.id(), List.of(p.nameOpening().commitment(), p.fieldOpening().commitment())),
                RegisterEvents.at(0));
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()).isEmpty()
                && participant(r.organisation()).map(o -> ((List<?>) o.get("representatives")).isEmpty()).orElse(false));
        for (String commitment : List.of(r.commitment(), p.nameOpening().commitment(), p.fieldOpening().commitment())) {
            given().get(DISCLOSURES + "/" + commitment).then().statusCode(404)
                    .body("detail", org.hamcrest.Matchers.containsString("ERASED"));
        }
        assertThat(MeetingRegisterTest.all(WITHDRAWALS + "?updatedSince=" + RegisterEvents.at(5), w -> w))
                .filteredOn(w -> List.of(r.commitment(), p.nameOpening().commitment(), p.fieldOpening().commitment())
                        .contains(w.get("commitment")))
                .hasSize(3).allSatisfy(w -> assertThat(w).containsEntry("reason", "ERASED"));
        assertNoTrace(r, p);
        assertThat(VerifiableLogTest.problems(verify, served, new ArrayList<>())).isEmpty();

        // a rebuild replays the profiles with their commitments: the same entries, no name
        long head = given().get("/api/v1/public/register/log/entries?from=1&limit=1").then().statusCode(200).extract()
                .jsonPath().getLong("headSequence");
        String office = RebuildTest.token("office");
        int building = given().auth().oauth2(office).post("/api/v1/transparency/rebuilds").then().statusCode(202)
                .extract().path("buildingGeneration");
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofSeconds(1)).until(() -> (Integer) given()
                .auth().oauth2(RebuildTest.token("office")).get("/api/v1/transparency/rebuilds").then().statusCode(200)
                .extract().path("servedGeneration"), g -> g == building);
        resolver.resolvePending();
        assertThat(participant(r.organisation()).orElseThrow().get("representatives")).isEqualTo(List.of());
        assertThat(stakeholder(p.id())).isEmpty();
        assertNoTrace(r, p);
        List<Map<String, Object>> appended = given().queryParam("from", head + 1).queryParam("limit", 1000)
                .get("/api/v1/public/register/log/entries").then().statusCode(200).extract().jsonPath().getList("entries");
        assertThat(appended).allSatisfy(e -> assertThat(((Map<?, ?>) e.get("entry")).get("corrects")).isNull());
        assertThat(VerifiableLogTest.problems(verify, served, new ArrayList<>())).isEmpty();
    }

    /**
     * Stakeholders are listed by name, a person's being the disclosed one: since V16 through a key that the database
     * keeps on the row (stakeholder.sort_name) while the name is disclosed, in the order and with the cursor text that
     * the list had before, and that leaves with the name when it is withdrawn or erased, in every generation.
     */
    @Test
    void aPersonIsListedByTheDisclosedNameThroughAKeyThatLeavesWithIt() {
        Person p = person(), q = person();
        for (Person person : List.of(p, q)) {
            await().atMost(APPLIED_WITHIN).until(() -> stakeholder(person.id()),
                    s -> s.isPresent() && person.name().equals(s.get().get("name")));
            assertThat(sortNames(person)).isNotEmpty().containsOnly(person.name().toLowerCase(Locale.ROOT));
        }
        awaitTheOrderBeforeTheSortKey();

        // a cursor as the list made it before (its key computed as then) continues with the next person
        List<String> served = MeetingRegisterTest.all(STAKEHOLDERS, m -> (String) m.get("id"));
        int next = Math.max(served.indexOf(p.id().toString()), served.indexOf(q.id().toString()));
        String previous = served.get(next - 1);
        String previousKey = sql("select lower(coalesce(name, person_value(name_commitment), '')) from stakeholder "
                + "where generation = " + SERVED + " and id = cast(:v as uuid)", previous).get(0);
        given().queryParam("limit", 1).queryParam("cursor", Cursor.encode(previousKey, previous))
                .get(STAKEHOLDERS).then().statusCode(200).body("items.id", org.hamcrest.Matchers.contains(served.get(next)));

        // a row written while the name is disclosed (as a rebuild writes it) gets the key at once
        assertThat(sql("insert into stakeholder (generation, id, kind, name_commitment, updated_at) "
                + "values (-16, gen_random_uuid(), 'PERSON', :v, now()) returning sort_name", q.nameOpening().commitment()))
                .containsExactly(q.name().toLowerCase(Locale.ROOT));

        // consent withdrawn: p stays listed, without its name, whose key is '' again
        MembershipStub.forget(p.nameOpening().commitment());
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, p.id(),
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.STAKEHOLDER, null, p.id(),
                        List.of(p.nameOpening().commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN),
                RegisterEvents.at(0));
        // q erased: its row leaves the served generation, and its value every other one
        events.send(UUID.randomUUID().toString(), EventTypes.STAKEHOLDER_ERASED, q.id(), new StakeholderErased(q.id(),
                List.of(q.nameOpening().commitment(), q.fieldOpening().commitment())), RegisterEvents.at(0));
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(p.id()),
                s -> s.isPresent() && "CONSENT_WITHDRAWN".equals(s.get().get("nameWithheld")));
        await().atMost(APPLIED_WITHIN).until(() -> stakeholder(q.id()).isEmpty());
        assertThat(sortNames(p)).isNotEmpty().containsOnly("");
        assertThat(sql("select sort_name from stakeholder where generation = -16 and name_commitment = :v",
                q.nameOpening().commitment())).containsExactly("");
        sql("delete from stakeholder where generation = -16 and name_commitment = :v returning ''", q.nameOpening().commitment());
        for (String value : List.of(p.name(), q.name(), q.field())) {
            assertThat(tablesHolding(value, true)).as(value).isEmpty();
        }
        awaitTheOrderBeforeTheSortKey();
    }

    static final String SERVED = "(select generation from register_generation where status = 'SERVING')";

    /** The served order is the one the list had before V16 (the name joined when served). */
    void awaitTheOrderBeforeTheSortKey() {
        await().atMost(APPLIED_WITHIN).until(() -> MeetingRegisterTest.all(STAKEHOLDERS, m -> (String) m.get("id"))
                .equals(sql("select id::text from stakeholder where generation = " + SERVED 
                        + " order by lower(coalesce(name, person_value(name_commitment), '')), id::text", null)));
    }

    List<String> sortNames(Person person) {
        return sql("select sort_name from stakeholder where id = cast(:v as uuid)", person.id().toString());
    }

    /** The first column of the rows of {@code query}, as text; {@code :v} is {@code value} (unless null). */
    List<String> sql(String query, String value) {
        return QuarkusTransaction.requiringNew().call(() -> {
            var statement = em.createNativeQuery(query);
            if (value != null) {
                statement.setParameter("v", value);
            }
            @SuppressWarnings("unchecked")
            List<Object> rows = statement.getResultList();
            return rows.stream().map(String::valueOf).toList();
        });
    }

    void assertNoTrace(Representative r, Person p) {
        List<String> answers = new ArrayList<>();
        for (String path : List.of(PARTICIPANTS + "?limit=500", PARTICIPANTS + ".csv", STAKEHOLDERS + "?limit=500",
                STAKEHOLDERS + ".csv", DISCLOSURES + "?limit=500", "/api/v1/public/register/feed.atom")) {
            answers.add(body(path));
        }
        for (String value : List.of(r.name(), p.name(), p.field())) {
            assertThat(answers).as(value).allSatisfy(a -> assertThat(a).doesNotContain(value));
            assertThat(tablesHolding(value)).as(value).isEmpty();
        }
    }

    /** Every table of the register's database with a row whose text holds {@code value}. */
    List<String> tablesHolding(String value) {
        return tablesHolding(value, false);
    }

    /** Every table of the register's database with a row whose text holds {@code value} (in any case: ilike). */
    List<String> tablesHolding(String value, boolean ignoringCase) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<String> tables = em.createNativeQuery("""
                    select table_name::text from information_schema.tables
                    where table_schema = current_schema() and table_type = 'BASE TABLE' order by 1""").getResultList();
            List<String> holding = new ArrayList<>();
            for (String table : tables) {
                long rows = ((Number) em.createNativeQuery("select count(*) from " + table + " x where x::text "
                        + (ignoringCase ? "ilike" : "like") + " :v")
                        .setParameter("v", "%" + value + "%").getSingleResult()).longValue();
                if (rows > 0) {
                    holding.add(table);
                }
            }
            return holding;
        });
    }

    Map<String, Object> awaitRepresentative(Representative r, java.util.function.Predicate<Map<String, Object>> ready) {
        return await().atMost(APPLIED_WITHIN).until(() -> representativeOf(r), rep -> rep.isPresent() && ready.test(rep.get()))
                .orElseThrow();
    }

    Optional<Map<String, Object>> representativeOf(Representative r) {
        return participant(r.organisation()).flatMap(o -> ((List<?>) o.get("representatives")).stream()
                .map(rep -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> map = (Map<String, Object>) rep;
                    return map;
                }).filter(rep -> r.commitment().equals(rep.get("nameCommitment"))).findFirst());
    }

    static Optional<Map<String, Object>> participant(UUID organisation) {
        return MeetingRegisterTest.all(PARTICIPANTS, m -> m).stream()
                .filter(m -> organisation.toString().equals(m.get("organisationId"))).findFirst();
    }

    static Optional<Map<String, Object>> stakeholder(UUID id) {
        return MeetingRegisterTest.all(STAKEHOLDERS, m -> m).stream().filter(m -> id.toString().equals(m.get("id")))
                .findFirst();
    }

    /** The log entry that carries {@code commitment}, among the latest 1000. */
    static Map<String, Object> logEntryWith(String commitment) {
        long head = given().get("/api/v1/public/register/log/entries?from=1&limit=1").then().statusCode(200).extract()
                .jsonPath().getLong("headSequence");
        List<Map<String, Object>> last = given().queryParam("from", Math.max(1, head - 999)).queryParam("limit", 1000)
                .get("/api/v1/public/register/log/entries").then().statusCode(200).extract().jsonPath()
                .getList("entries.entry");
        return last.stream().filter(e -> Objects.toString(e.get("data")).contains(commitment)).findFirst().orElseThrow();
    }

    static String body(String path) {
        return given().get(path).then().statusCode(200).extract().asString();
    }
}
