package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Closing a window, with the scheduled close made hourly so that nothing but the test closes a window: several
 * instances closing due windows at once (four racing passes) close it once; a window past its closing time refuses
 * input before any job has closed it; a submission waits for a concurrent close and is then refused.
 */
@QuarkusTest
@TestProfile(WindowServiceTest.NoScheduledClose.class)
class WindowServiceTest extends CurrentMembersTest {

    public static class NoScheduledClose implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            // once an hour: its first pass, at start-up, comes before any window of the test exists
            return Map.of("taskforce.guidance.window-close-interval", "1h");
        }
    }

    static final String DOCUMENTS = "/api/v1/guidance/documents";
    static final String WINDOWS = "/api/v1/guidance/windows";

    @Inject
    WindowService windows;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentPassesCloseADueWindowOnce() throws Exception {
        UUID window = openWindow("Racing closers");
        OffsetDateTime closesAt = closingTimePassed(window);
        assertThat(status(window)).as("no one but the passes below closes the window").isEqualTo("OPEN");

        ExecutorService pool = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> passes = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            passes.add(pool.submit(() -> {
                start.await();
                QuarkusTransaction.requiringNew().run(windows::closeDue);
                return null;
            }));
        }
        start.countDown();
        for (Future<?> pass : passes) {
            pass.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(count("select count(*) from outbox_event where subject = :id and type = :type", window,
                EventTypes.WINDOW_CLOSED.type())).isEqualTo(1);
        assertThat(count("select count(*) from audit_entry where record_id = :id and action = :type", window,
                "WINDOW_CLOSED")).isEqualTo(1);
        assertThat(status(window)).isEqualTo("CLOSED");
        assertThat(QuarkusTransaction.requiringNew().call(() -> ((OffsetDateTime) entityManager.createNativeQuery(
                "select closed_at from input_window where id = :id", OffsetDateTime.class).setParameter("id", window)
                .getSingleResult()).toInstant())).isEqualTo(closesAt.toInstant());
    }

    @Test
    void inputIsRefusedOnceTheClosingTimePassedEvenBeforeAnyJobClosedTheWindow() {
        UUID window = openWindow("Closing time passed");
        closingTimePassed(window);

        Actors.MEMBER_A.request().body(feedback("Just too late")).post(WINDOWS + "/" + window + "/feedback")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.startsWith("The window closed at "),
                        org.hamcrest.Matchers.endsWith("; input is no longer accepted")));
        assertThat(status(window)).as("still open in the database: no job ran").isEqualTo("OPEN");
        assertThat(feedbackCount(window)).isZero();
    }

    @Test
    void aSubmissionWaitsForAConcurrentCloseAndIsThenRefused() throws Exception {
        UUID window = openWindow("Closed while giving input");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch closing = new CountDownLatch(1);
        CountDownLatch commit = new CountDownLatch(1);
        // an early close that has changed the row but not yet committed (as the AI Office's close, which locks it)
        Future<?> close = pool.submit(() -> QuarkusTransaction.requiringNew().run(() -> {
            entityManager.createNativeQuery("update input_window set status = 'CLOSED', closed_at = now(),"
                    + " closed_early = true, closed_by = 'office', updated_at = now(), version = version + 1 where id = :id")
                    .setParameter("id", window).executeUpdate();
            closing.countDown();
            try {
                assertThat(commit.await(30, TimeUnit.SECONDS)).isTrue();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }));
        assertThat(closing.await(30, TimeUnit.SECONDS)).isTrue();
        Future<ExtractableResponse<Response>> submission = pool.submit(() -> Actors.MEMBER_A.request()
                .body(feedback("Given while closing")).post(WINDOWS + "/" + window + "/feedback").then().extract());
        // the submission must wait for the window's lock (without it, it reads the uncommitted OPEN row and stores)
        await().atMost(Duration.ofSeconds(20)).until(() -> submission.isDone() || waitingForALock());
        commit.countDown();
        close.get(30, TimeUnit.SECONDS);
        ExtractableResponse<Response> answer = submission.get(30, TimeUnit.SECONDS);
        pool.shutdown();

        assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
        assertThat(answer.<String>path("detail")).startsWith("The window closed at ")
                .endsWith("; input is no longer accepted");
        assertThat(feedbackCount(window)).isZero();
    }

    UUID openWindow(String title) {
        String document = Actors.OFFICE.request().body(Map.of("title", title, "kind", "OTHER"))
                .post(DOCUMENTS).then().statusCode(201).extract().path("id");
        Actors.OFFICE.request().body(Map.of("sections", List.of(Map.of("key", "only", "title", "Only", "text", "x"))))
                .post(DOCUMENTS + "/" + document + "/versions").then().statusCode(201);
        Actors.OFFICE.request().post(DOCUMENTS + "/" + document + "/versions/1/publication").then().statusCode(200);
        return UUID.fromString(Actors.OFFICE.request()
                .body(Map.of("closesAt", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1).toString()))
                .post(DOCUMENTS + "/" + document + "/versions/1/windows").then().statusCode(201).extract().path("id"));
    }

    /** Moves the window's closing time a second into the past (no waiting for the clock); returns it. */
    OffsetDateTime closingTimePassed(UUID window) {
        OffsetDateTime closesAt = OffsetDateTime.now(ZoneOffset.UTC).minusSeconds(1).withNano(0);
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update input_window set opens_at = :opens, closes_at = :at where id = :id")
                .setParameter("opens", closesAt.minusHours(1)).setParameter("at", closesAt).setParameter("id", window)
                .executeUpdate());
        return closesAt;
    }

    static Map<String, Object> feedback(String text) {
        return Map.of("sectionKey", "only", "text", text, "attribution", "ATTRIBUTED", "visibility", "PUBLIC");
    }

    String status(UUID window) {
        return QuarkusTransaction.requiringNew().call(() -> (String) entityManager.createNativeQuery(
                "select status from input_window where id = :id").setParameter("id", window).getSingleResult());
    }

    long feedbackCount(UUID window) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from feedback where window_id = :id").setParameter("id", window).getSingleResult())
                .longValue());
    }

    boolean waitingForALock() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from pg_locks where not granted").getSingleResult()).longValue() > 0);
    }

    long count(String sql, UUID id, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", sql.contains("subject") ? id.toString() : id).setParameter("type", type)
                .getSingleResult()).longValue());
    }
}
