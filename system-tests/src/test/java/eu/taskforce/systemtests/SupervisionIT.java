package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Supplier;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.pidOf;
import static eu.taskforce.systemtests.Stack.restarts;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Process faults lose nothing, and the processes come back by themselves: `./taskforce` leaves a supervisor beside the
 * services. A client writes as a careful integration would (each write with its own Idempotency-Key, retried with the
 * same key until it is answered, on the next gateway when there are several); meanwhile membership-service (which takes
 * the writes) and transparency-service (which projects them into the register) are killed with SIGKILL, and PostgreSQL
 * is restarted under the running services. With two instances of everything (as `./taskforce test` runs), one instance
 * of every service is killed, a gateway too, and the others carry on. Every write that got its 201 must be in
 * membership's database and, exactly once, in the public register.
 */
class SupervisionIT {

    private static final int WRITES = 500;
    private static final Duration GIVE_UP_RETRYING = Duration.ofSeconds(120);

    @Test
    void faultsDuringAStreamOfWritesLoseNothingAndDuplicateNothing() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String office = token("office");
        Instant start = Instant.now().minusSeconds(1);
        boolean several = Stack.replicas() > 1;
        List<String> gateways = Stack.gateways();
        // which instance dies at which write: with one instance of each, the two that write and project
        Map<Integer, List<String>> killedAt = several
                ? Map.of(150, List.of("membership-service", "meeting-service-2", "guidance-service"),
                        350, List.of("transparency-service", "membership-service-2"),
                        400, List.of("gateway-2"))
                : Map.of(150, List.of("membership-service"), 350, List.of("transparency-service"));
        Map<String, Long> killed = new LinkedHashMap<>();
        Map<String, Integer> restartsBefore = new HashMap<>();
        for (List<String> instances : killedAt.values()) {
            for (String instance : instances) {
                killed.put(instance, pidOf(instance));
                restartsBefore.put(instance, restarts(instance).size());
            }
        }

        Map<String, String> idByName = new LinkedHashMap<>();
        int unanswered = 0;
        for (int i = 0; i < WRITES; i++) {
            for (String instance : killedAt.getOrDefault(i, List.of())) {
                kill(killed.get(instance));
            }
            if (i == 250) {
                restartPostgres();
            }
            String name = "Supervision " + run + " " + i;
            String key = UUID.randomUUID().toString();
            String body = "{\"name\":\"" + name + "\",\"country\":\"BE\",\"chapters\":[\"TRANSPARENCY\"],"
                    + "\"signedOn\":\"2025-08-01\"}";
            Instant deadline = Instant.now().plus(GIVE_UP_RETRYING);
            for (int attempt = 0; ; attempt++) {
                Response response = postOrNull(gateways.get((i + attempt) % gateways.size()), office, key, body);
                if (response != null && response.statusCode() == 201) {
                    idByName.put(name, response.path("id"));
                    break;
                }
                int status = response == null ? 0 : response.statusCode();
                assertThat(status).as("write %s: only the outage may refuse it (%s)", i,
                        response == null ? "no answer" : response.asString()).isIn(0, 502, 503, 504);
                assertThat(Instant.now()).as("write %s is answered again within %s", i, GIVE_UP_RETRYING)
                        .isBefore(deadline);
                unanswered++;
                Thread.sleep(250);
            }
        }

        // each was really killed and replaced by the supervisor
        for (Map.Entry<String, Long> instance : killed.entrySet()) {
            assertThat(ProcessHandle.of(instance.getValue()).map(ProcessHandle::isAlive).orElse(false))
                    .as("%s killed", instance.getKey()).isFalse();
            // restarted because it exited; a restart that meets PostgreSQL restarting exits too and is tried again
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(restarts(instance.getKey()).stream().skip(restartsBefore.get(instance.getKey())))
                            .as("%s restarted", instance.getKey()).isNotEmpty().first().asString().endsWith(" exited"));
            assertThat(pidOf(instance.getKey())).isNotEqualTo(instance.getValue());
        }
        if (!several) {
            assertThat(unanswered).as("writes refused while the only membership-service was down").isPositive();
        }
        assertThat(idByName).hasSize(WRITES);

        // in membership's database: each accepted write, once, with the id its 201 gave
        Map<String, String> stored = new HashMap<>();
        listAll(() -> RestAssured.given().auth().oauth2(office).queryParam("name", "Supervision " + run + " "),
                "/api/v1/membership/signatories", start, page -> {
                    List<String> names = page.getList("items.name");
                    List<String> ids = page.getList("items.id");
                    for (int i = 0; i < names.size(); i++) {
                        assertThat(stored.put(names.get(i), ids.get(i))).as("%s listed once", names.get(i)).isNull();
                    }
                });
        assertThat(stored).isEqualTo(idByName);
        // in the public register: each exactly once, and nothing else of this run
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, Integer> seen = publicSignatoriesSince(start, "Supervision " + run + " ");
            Set<String> missing = new TreeSet<>(idByName.keySet());
            missing.removeAll(seen.keySet());
            Set<String> unknown = new TreeSet<>(seen.keySet());
            unknown.removeAll(idByName.keySet());
            Map<String, Integer> repeated = new TreeMap<>(seen);
            repeated.values().removeIf(count -> count == 1);
            assertThat(missing).as("accepted writes not (yet) in the register").isEmpty();
            assertThat(unknown).as("register entries no write was accepted for").isEmpty();
            assertThat(repeated).as("writes listed more than once").isEmpty();
        });
    }

    @Test
    void aServiceThatStopsAnsweringIsReplaced() throws Exception {
        long guidance = pidOf("guidance-service");
        int restartsBefore = restarts("guidance-service").size();
        signal("STOP", guidance);
        try {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                    .until(() -> pidOf("guidance-service") != guidance);
        } finally {
            // if the supervisor failed, leave the stack as it was for the other tests
            if (ProcessHandle.of(guidance).map(ProcessHandle::isAlive).orElse(false)) {
                signal("CONT", guidance);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> ProcessHandle.of(guidance).isEmpty()
                || !ProcessHandle.of(guidance).get().isAlive());
        assertThat(restarts("guidance-service")).hasSize(restartsBefore + 1).last().asString().endsWith(" unresponsive");
        String member = token("member-a");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                RestAssured.given().auth().oauth2(member).get(GATEWAY + "/api/v1/guidance/documents")
                        .then().statusCode(200));
    }

    private static Response postOrNull(String gateway, String token, String idempotencyKey, String body) {
        try {
            return RestAssured.given().auth().oauth2(token).header("Idempotency-Key", idempotencyKey)
                    .contentType(ContentType.JSON).body(body).post(gateway + "/api/v1/membership/signatories");
        } catch (Exception connectionFailed) { // a gateway that is down: RestAssured rethrows ConnectException
            return null;
        }
    }

    /** How many times each signatory of this run is in the public register's list. */
    private static Map<String, Integer> publicSignatoriesSince(Instant since, String prefix) {
        Map<String, Integer> seen = new HashMap<>();
        listAll(RestAssured::given, "/api/v1/public/signatories", since, page -> page.<String>getList("items.name")
                .stream().filter(name -> name.startsWith(prefix)).forEach(name -> seen.merge(name, 1, Integer::sum)));
        return seen;
    }

    /** Every page of a list changed since an instant, following nextCursor. */
    private static void listAll(Supplier<RequestSpecification> request, String path, Instant since,
            Consumer<JsonPath> eachPage) {
        String cursor = null;
        do {
            RequestSpecification page = request.get().queryParam("updatedSince", since.toString()).queryParam("limit", 500);
            if (cursor != null) {
                page.queryParam("cursor", cursor);
            }
            JsonPath answer = page.get(GATEWAY + path).then().statusCode(200).extract().jsonPath();
            eachPage.accept(answer);
            cursor = answer.getString("nextCursor");
        } while (cursor != null);
    }

    private static void kill(long pid) {
        assertThat(ProcessHandle.of(pid).orElseThrow().destroyForcibly()).as("SIGKILL sent to %s", pid).isTrue();
    }

    /** `./taskforce restart postgres` on the stack under test. */
    private static void restartPostgres() throws IOException, InterruptedException {
        Path script = Path.of("..", "taskforce").toAbsolutePath().normalize();
        ProcessBuilder restart = new ProcessBuilder("bash", script.toString(), "restart", "postgres")
                .redirectErrorStream(true);
        restart.environment().put("TASKFORCE_RUN", Stack.runFolder().toString());
        Process process = restart.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as("./taskforce restart postgres: %s", output).isZero();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        assertThat(new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start().waitFor()).isZero();
    }
}
