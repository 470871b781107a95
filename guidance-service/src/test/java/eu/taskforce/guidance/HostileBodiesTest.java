package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Attachments;
import eu.taskforce.platform.testing.Attachments.Download;
import eu.taskforce.platform.testing.Attachments.Upload;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.HostileBodies;
import eu.taskforce.platform.testing.HostileBodies.Answer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import static eu.taskforce.guidance.Guidance.DOCUMENTS;
import static eu.taskforce.guidance.Guidance.EVIDENCE;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.HostileBodies.withHugeArray;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 15: the bodies that ran guidance-service out of heap (a 2 MB array of 190,000 short strings sent to evidence or
 * documents), deep nesting and a very long string, each answered with a small 400 problem+json naming the field, and
 * attachments at and over the 10 MiB limit sent at once; the service stays live. The packaged service runs in a process
 * of its own at -Xmx128m that exits on OutOfMemoryError (the pom's hostile-bodies execution), with the production limit
 * of attachments.
 */
@QuarkusIntegrationTest
@Tag("hostile-bodies")
class HostileBodiesTest {

    /** taskforce.guidance.attachment-max-bytes as in production, set for the service by the pom. */
    static final long ATTACHMENT_LIMIT = 10L * 1024 * 1024;

    @TestHTTPResource("/")
    URI base;

    Answer post(Actors actor, String path, String body) throws IOException, InterruptedException {
        return HostileBodies.post(base, actor, path, body);
    }

    static final String EVIDENCE_FIELDS = "\"title\":\"Hostile\",\"summary\":\"s\",\"type\":\"RESEARCH\","
            + "\"url\":\"https://example.org/p\",\"visibility\":\"PUBLIC\"";
    static final String DOCUMENT_FIELDS = "\"title\":\"Hostile\",\"kind\":\"GUIDELINES\"";

    @AfterEach
    void theServiceIsStillLive() {
        given().get("/q/health/live").then().statusCode(200);
    }

    private static Answer refused(Answer answer, String field, String message) {
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().getList("errors.field")).isEqualTo(List.of(field));
        assertThat(answer.json().getString("errors[0].message")).isEqualTo(message);
        return answer;
    }

    @Test
    void aHugeArrayOfCodeReferencesInEvidenceIsRefusedAsOneError() throws Exception {
        Answer answer = refused(post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 190_000)),
                "codeReferences", "must have at most 60 items");
        System.out.printf("evidence: %d-byte body, %d-byte problem in %d ms%n", answer.sentLength(),
                answer.body().length(), answer.millis());
        assertThat(answer.sentLength()).isGreaterThan(1_900_000);
        assertThat(answer.body().length()).isLessThan(1_000);
    }

    @Test
    void aHugeArrayInADocumentIsRefusedAsOneError() throws Exception {
        for (String field : List.of("aiActArticles", "codeReferences")) {
            Answer answer = refused(post(OFFICE, DOCUMENTS, withHugeArray(DOCUMENT_FIELDS, field, 190_000)), field,
                    "must have at most " + ("aiActArticles".equals(field) ? 30 : 60) + " items");
            System.out.printf("documents %s: %d-byte body, %d-byte problem in %d ms%n", field, answer.sentLength(),
                    answer.body().length(), answer.millis());
            assertThat(answer.body().length()).isLessThan(1_000);
        }
    }

    @Test
    void justOverTheSizeIsRefusedBeforeTheElementsAreValidated() throws Exception {
        // 61 references that are not of the Code: one error for the list, none for its elements
        refused(post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 61)), "codeReferences",
                "must have at most 60 items");
        // 60 such references: each is invalid, the problem lists 20 of them and counts all
        Answer sixty = post(MEMBER_A, EVIDENCE, withHugeArray(EVIDENCE_FIELDS, "codeReferences", 60));
        assertThat(sixty.status()).isEqualTo(400);
        assertThat(sixty.json().getString("detail")).isEqualTo("60 fields are invalid (the first 20 are listed)");
        assertThat(sixty.json().getList("errors")).hasSize(20);
    }

    /**
     * Ten documents at the limit at once: held whole, as they once were, they would be 100 MiB in a heap of 128 MiB (the
     * service then exits); streamed, each takes a chunk of 256 KiB.
     */
    @Test
    void attachmentsAtAndOverTheLimitSentAtOnceAreStreamed() throws Exception {
        int atLimit = 10;
        long eleven = 11L * 1024 * 1024;
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < atLimit + 2; i++) {
            ids.add(Guidance.submit(MEMBER_A, Guidance.evidence("Hostile attachment " + i, "PUBLIC")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(atLimit + 3);
        AtomicBoolean sending = new AtomicBoolean(true);
        Future<Watch> watch = pool.submit(() -> watch(sending));
        try {
            List<Future<Upload>> uploads = new ArrayList<>();
            // at the limit, half with their Content-Length and half chunked; then 11 MiB sent chunked (read until it
            // passes the limit) and the same with its Content-Length (refused before it is read)
            for (int i = 0; i < atLimit; i++) {
                int seed = i;
                uploads.add(pool.submit(() -> Attachments.put(base, MEMBER_A, Guidance.attachment(ids.get(seed)), ATTACHMENT_LIMIT, seed,
                        seed % 2 == 0)));
            }
            uploads.add(pool.submit(() -> Attachments.put(base, MEMBER_A, Guidance.attachment(ids.get(atLimit)), eleven, atLimit, false)));
            uploads.add(pool.submit(() -> Attachments.put(base, MEMBER_A, Guidance.attachment(ids.get(atLimit + 1)), eleven, atLimit + 1,
                    true)));
            for (int i = 0; i < atLimit; i++) {
                Upload upload = uploads.get(i).get();
                assertThat(upload.status()).as(upload.body()).isEqualTo(200);
                assertThat(new JsonPath(upload.body()).getString("attachment.sha256"))
                        .isEqualTo(Attachments.sha256(ATTACHMENT_LIMIT, i));
            }
            for (int i = atLimit; i < atLimit + 2; i++) {
                Upload refused = uploads.get(i).get();
                assertThat(refused.status()).as(refused.body()).isEqualTo(413);
                assertThat(refused.contentType()).startsWith("application/problem+json");
                assertThat(new JsonPath(refused.body()).getString("detail"))
                        .isEqualTo("The attached document is larger than " + ATTACHMENT_LIMIT + " bytes");
            }
            // read back at once, as they were sent
            List<Future<Download>> downloads = new ArrayList<>();
            for (int i = 0; i < atLimit; i++) {
                String id = ids.get(i);
                downloads.add(pool.submit(() -> Attachments.get(base, MEMBER_B, Guidance.attachment(id))));
            }
            for (int i = 0; i < atLimit; i++) {
                Download download = downloads.get(i).get();
                assertThat(download.status()).isEqualTo(200);
                assertThat(download.length()).isEqualTo(ATTACHMENT_LIMIT);
                assertThat(download.sha256()).isEqualTo(Attachments.sha256(ATTACHMENT_LIMIT, i));
            }
        } finally {
            sending.set(false);
            // replaced by a few bytes: each run would otherwise leave 100 MiB in the test database
            for (int i = 0; i < atLimit; i++) {
                MEMBER_A.request().contentType("text/plain").body("replaced".getBytes(StandardCharsets.UTF_8))
                        .put(EVIDENCE + "/" + ids.get(i) + "/attachment");
            }
        }
        Watch seen = watch.get();
        pool.shutdown();
        System.out.printf("attachments: %d x %d bytes stored and read back at once, 2 x 11 MiB refused; liveness %d/%d"
                + " green; heap used at most %d MiB (sampled)%n", atLimit, ATTACHMENT_LIMIT, seen.live(), seen.checks(),
                seen.maxHeapUsed() / (1024 * 1024));
        assertThat(seen.live()).isEqualTo(seen.checks()).isPositive();
    }

    /** Liveness checks made, how many were green, and the most heap the service said it used. */
    record Watch(int checks, int live, long maxHeapUsed) {
    }

    /** Checks liveness and reads the service's heap use (its metrics) until {@code running} is false. */
    private Watch watch(AtomicBoolean running) throws InterruptedException {
        AtomicInteger checks = new AtomicInteger();
        AtomicInteger live = new AtomicInteger();
        AtomicLong maxHeap = new AtomicLong();
        while (running.get()) {
            checks.incrementAndGet();
            if (given().get("/q/health/live").statusCode() == 200) {
                live.incrementAndGet();
            }
            long heap = given().get("/q/metrics").asString().lines()
                    .filter(line -> line.startsWith("jvm_memory_used_bytes{area=\"heap\""))
                    .mapToLong(line -> (long) Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
            maxHeap.accumulateAndGet(heap, Math::max);
            Thread.sleep(100);
        }
        return new Watch(checks.get(), live.get(), maxHeap.get());
    }

    @Test
    void deepNestingAndAVeryLongStringAreRefusedByTheParser() throws Exception {
        Answer deep = post(MEMBER_A, EVIDENCE, "{" + EVIDENCE_FIELDS + ",\"extra\":" + "[".repeat(100_000)
                + "]".repeat(100_000) + "}");
        assertThat(deep.status()).isEqualTo(400);
        assertThat(deep.contentType()).startsWith("application/problem+json");
        assertThat(deep.json().getString("type")).isEqualTo("urn:taskforce:problem:json-limit");
        assertThat(deep.json().getString("detail")).contains("nesting depth");
        Answer longSummary = post(MEMBER_A, EVIDENCE, "{" + EVIDENCE_FIELDS.replace("\"summary\":\"s\"",
                "\"summary\":\"" + "x".repeat(1_900_000) + "\"") + "}");
        assertThat(longSummary.status()).isEqualTo(400);
        assertThat(longSummary.contentType()).startsWith("application/problem+json");
        assertThat(longSummary.json().getString("type")).isEqualTo("urn:taskforce:problem:json-limit");
        assertThat(longSummary.json().getString("errors[0].field")).isEqualTo("summary");
    }
}
