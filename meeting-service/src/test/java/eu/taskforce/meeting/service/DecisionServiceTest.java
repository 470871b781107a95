package eu.taskforce.meeting.service;

import eu.taskforce.meeting.DemoMembersOnlyTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The vote/close race: a vote that arrives while the closing is counting waits for it (the vote reads the decision
 * with a shared lock, the closing holds an exclusive one) and is then refused, so no vote is accepted and left out of
 * the published counts.
 */
@QuarkusTest
class DecisionServiceTest extends DemoMembersOnlyTest {

    static final String DECISIONS = "/api/v1/meetings/decisions";

    @Inject
    DecisionService decisions;


    @Test
    void aVoteDuringTheClosingWaitsForItAndIsRefused() throws Exception {
        // closes in an hour, so the scheduled closing leaves it alone; the test's closing acts as if that hour had passed
        OffsetDateTime closesAt = OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).withNano(0);
        UUID id = UUID.fromString(OFFICE.request().body(Map.of("question", "Race " + UUID.randomUUID(),
                "threshold", "SIMPLE_MAJORITY", "quorum", 1, "closesAt", closesAt.toString())).post(DECISIONS)
                .then().statusCode(201).extract().path("id"));
        MEMBER_A.request().body(Map.of("choice", "YES")).put(DECISIONS + "/" + id + "/votes/" + ORG_A)
                .then().statusCode(200);

        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch counted = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        Future<?> closing = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            decisions.close(id, closesAt.plusSeconds(1));
            counted.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(counted.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ExtractableResponse<Response>> change = pool.submit(() -> MEMBER_A.request()
                .body(Map.of("choice", "NO")).put(DECISIONS + "/" + id + "/votes/" + ORG_A).then().extract());
        // the vote must wait for the closing's lock (without its shared lock it would store NO beside the count)
        await().atMost(Duration.ofSeconds(20)).until(() -> change.isDone() || waitingForALock());
        commit.countDown();
        closing.get(30, TimeUnit.SECONDS);
        ExtractableResponse<Response> answer = change.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
        assertThat(answer.<String>path("detail")).startsWith("Voting on this decision closed at ");
        OFFICE.request().get(DECISIONS + "/" + id).then().statusCode(200).body("status", equalTo("CLOSED"))
                .body("result", equalTo("ADOPTED")).body("yes", equalTo(1)).body("no", equalTo(0));
        OFFICE.request().get(DECISIONS + "/" + id + "/votes").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("items[0].choice", equalTo("YES"));
    }

    boolean waitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where not granted").getSingleResult()).longValue() > 0);
    }
}
