package eu.taskforce.guidance.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.platform.testing.Actors;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
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
 * Several instances closing due windows at once (here: four passes racing each other and the scheduled job) close a
 * window once: one "window closed" event in the outbox and one audit entry.
 */
@QuarkusTest
class WindowCloserTest {

    static final String DOCUMENTS = "/api/v1/guidance/documents";

    @Inject
    WindowService windows;

    @Inject
    EntityManager entityManager;

    @Test
    void concurrentPassesCloseADueWindowOnce() throws Exception {
        String document = Actors.OFFICE.request().body(Map.of("title", "Racing closers", "kind", "OTHER"))
                .post(DOCUMENTS).then().statusCode(201).extract().path("id");
        Actors.OFFICE.request().body(Map.of("sections", List.of(Map.of("key", "only", "title", "Only", "text", "x"))))
                .post(DOCUMENTS + "/" + document + "/versions").then().statusCode(201);
        Actors.OFFICE.request().post(DOCUMENTS + "/" + document + "/versions/1/publication").then().statusCode(200);
        OffsetDateTime closesAt = OffsetDateTime.now(ZoneOffset.UTC).plusSeconds(2);
        UUID window = UUID.fromString(Actors.OFFICE.request().body(Map.of("closesAt", closesAt.toString()))
                .post(DOCUMENTS + "/" + document + "/versions/1/windows").then().statusCode(201).extract().path("id"));
        await().atMost(Duration.ofSeconds(10)).until(() -> OffsetDateTime.now(ZoneOffset.UTC).isAfter(closesAt));

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
        assertThat(QuarkusTransaction.requiringNew().call(() -> entityManager.createNativeQuery(
                "select status from input_window where id = :id").setParameter("id", window).getSingleResult()))
                .isEqualTo("CLOSED");
    }

    long count(String sql, UUID id, String type) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(sql)
                .setParameter("id", sql.contains("subject") ? id.toString() : id).setParameter("type", type)
                .getSingleResult()).longValue());
    }
}
