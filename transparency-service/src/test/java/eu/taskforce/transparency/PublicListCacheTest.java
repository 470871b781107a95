package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.transparency.query.ReadModel;
import eu.taskforce.transparency.query.RegisterChanges;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.mockito.InjectSpy;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;

/**
 * The public lists' pages come from a cache while the register has not changed: a page asked again, or a conditional
 * GET, reads nothing from the database; a change committed by any session (an event applied here, or the projection
 * of another instance) reaches the next request at once; while the register's changes cannot be heard, every page is
 * read from the database. Other tests' events may be applied meanwhile: a check made while the register moved is made
 * again.
 */
@QuarkusTest
class PublicListCacheTest {

    static final String SIGNATORIES = "/api/v1/public/signatories";
    /** "At once": the time the database's notification takes to arrive, with room for a loaded machine. */
    static final Duration AT_ONCE = Duration.ofSeconds(2);
    static final int ATTEMPTS = 10;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @Inject
    TopicNames topicNames;
    /** Sessions other than the listening one: what another instance does, it does in a session of its own. */
    @Inject
    DataSource database;
    @Inject
    RegisterChanges changes;
    @InjectSpy
    ReadModel readModel;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEMBERSHIP)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
        await().atMost(AT_ONCE).until(changes::listening);
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void anUnchangedPageAndAConditionalGetForItReadNothingFromTheDatabase() {
        String path = SIGNATORIES + "?limit=3";
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            ExtractableResponse<Response> first = given().get(path).then().statusCode(200).extract();
            long version = changes.version();
            Mockito.clearInvocations(readModel);
            ExtractableResponse<Response> again = given().get(path).then().extract();
            ExtractableResponse<Response> conditional = given().header("If-None-Match", first.header("ETag"))
                    .get(path).then().extract();
            if (changes.version() != version) {
                continue; // another test's event was applied meanwhile
            }
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.asString()).isEqualTo(first.asString());
            assertThat(again.header("ETag")).isEqualTo(first.header("ETag"));
            assertThat(again.header("Link")).isEqualTo(first.header("Link"));
            assertThat(conditional.statusCode()).isEqualTo(304);
            assertThat(conditional.header("ETag")).isEqualTo(first.header("ETag"));
            Mockito.verify(readModel, Mockito.never()).page(any(), any(), any(), any(), anyInt());
            Mockito.verifyNoMoreInteractions(readModel);
            return;
        }
        fail("the register changed during every attempt");
    }

    @Test
    void aCachedListShowsAnEventAppliedHereAndAChangeCommittedByAnotherInstanceAtOnce() throws Exception {
        UUID organisation = UUID.randomUUID();
        String name = "Cached AI " + organisation;
        OffsetDateTime time = RegisterEvents.at(1);
        String path = SIGNATORIES + "?limit=500&updatedSince=" + time;
        given().get(path).then().statusCode(200); // kept, without the signatory
        events.send(UUID.randomUUID().toString(), EventTypes.SIGNATORY_REGISTERED, organisation, new SignatoryRegistered(
                organisation, name, "BE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)), time);
        await().atMost(PersonalDataTest.APPLIED_WITHIN).pollInterval(Duration.ofMillis(20))
                .until(() -> given().get(path).then().statusCode(200).extract().asString().contains(name));

        // the page is kept; another instance projects a change of it in a transaction of its own (its own session)
        assertThat(given().get(path).then().statusCode(200).extract().asString()).contains(name);
        String renamed = "Renamed " + name;
        try {
            project(organisation, renamed);
            await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
                    .until(() -> given().get(path).then().statusCode(200).extract().asString().contains(renamed));
        } finally {
            // the name its events give, so that a rebuild (RebuildTest) derives the register this test leaves
            project(organisation, name);
        }
        await().atMost(AT_ONCE).pollInterval(Duration.ofMillis(20))
                .until(() -> !given().get(path).then().statusCode(200).extract().asString().contains(renamed));
    }

    /**
     * What another instance's projection of a change of the signatory's name writes, in a session of its own and in one
     * statement, so one transaction: an event stored with its aggregate's others, and the row projected again.
     */
    private void project(UUID organisation, String name) throws Exception {
        try (Connection other = database.getConnection();
             PreparedStatement projection = other.prepareStatement("""
                     with event as (
                         insert into register_event (generation, event_id, aggregate_type, aggregate_id, type, occurred_at, data)
                         select generation, ?, aggregate_type, aggregate_id, type, occurred_at, data from register_event
                         where aggregate_id = ? and generation = (select generation from register_generation where status = 'SERVING')
                         limit 1)
                     update organisation set name = ? where id = ?""")) {
            projection.setString(1, UUID.randomUUID().toString());
            projection.setObject(2, organisation);
            projection.setString(3, name);
            projection.setObject(4, organisation);
            assertThat(projection.executeUpdate()).isPositive();
        }
    }

    @Test
    void whileTheChangesCannotBeHeardEveryPageIsReadFromTheDatabase() throws Exception {
        String path = SIGNATORIES + "?limit=2";
        given().get(path).then().statusCode(200);
        try (Connection admin = database.getConnection();
             Statement statement = admin.createStatement()) {
            statement.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                    + RegisterChanges.APPLICATION_NAME + "'");
        }
        await().atMost(AT_ONCE).until(() -> !changes.listening());
        Mockito.clearInvocations(readModel);
        given().get(path).then().statusCode(200);
        // read again (and, were the connection back already, its new version would be a miss as well)
        Mockito.verify(readModel).page(any(), any(), any(), any(), anyInt());
        await().atMost(Duration.ofSeconds(10)).until(changes::listening);
        given().get(path).then().statusCode(200);
    }
}
