package eu.taskforce.systemtests;

import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static eu.taskforce.systemtests.Stack.MEMBER_A_ORGANISATION;
import static eu.taskforce.systemtests.Stack.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.is;

/**
 * The whole life of a person's data, through the gateway with real tokens, as the person, their organisation and the AI
 * Office live it: appointed, consents with their own account (the name is public), renamed (the corrected name
 * replaces it), withdraws consent (gone), consents again, and has their data erased. Afterwards the planted names and
 * e-mail are searched for as an auditor would: in every public answer and export, in every record of the topics read
 * from the beginning by a fresh consumer, in every row of every service database, and in every service log: none.
 * The register's verifier accepts the whole chain and every signed head before and after.
 */
class PersonalDataIT {

    static final String PUBLIC = GATEWAY + "/api/v1/public";
    static final String REPRESENTATIVES = GATEWAY + "/api/v1/membership/signatories/" + MEMBER_A_ORGANISATION
            + "/representatives";
    /** member-a is "the person": the representative's account is the one its token names. */
    static final String PERSON = "member-a";
    static final String[] TOPICS = {"taskforce.membership.v1", "taskforce.meetings.v1", "taskforce.guidance.v1"};
    static final String[] DATABASES = {"membership", "meeting", "guidance", "transparency", "notification"};
    static final String[] SERVICES = {"gateway", "membership-service", "meeting-service", "guidance-service",
            "transparency-service", "notification-service"};

    static {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
    }

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String name = "Planted Person " + run;
    final String corrected = "Corrected Person " + run;
    final String email = "planted-" + run + "@example.org";

    @Test
    void appointedConsentingRenamedWithdrawnReconsentedAndErasedLeavesNoTrace() throws Exception {
        Stack.ensureMember(MEMBER_A_ORGANISATION);
        String person = token(PERSON);
        String office = token("office");
        // a representative of member-a left by an earlier run of this test on the same stack
        as(person).delete(GATEWAY + "/api/v1/me/personal-data").then().statusCode(204);

        // appointed by the organisation; nothing public without the person's consent
        String id = as(person).body(Map.of("name", name, "email", email, "role", "ALTERNATE", "username", PERSON))
                .post(REPRESENTATIVES).then().statusCode(201).extract().path("id");
        String representative = REPRESENTATIVES + "/" + id;
        // an invitation addressed to the person's account, with their name as its display name
        String meeting = conveneMeetingInviting();

        // the person consents with their own account: the name is public
        as(person).body(Map.of("noticeVersion", "2026-12-01")).put(representative + "/consent").then().statusCode(200)
                .body("consent.givenVia", is("SELF"));
        awaitPublicNames(name);
        assertVerifierAccepts();

        // rectified by the AI Office: the corrected name replaces the old one everywhere public
        as(office).body(Map.of("name", corrected, "email", email, "role", "ALTERNATE", "username", PERSON))
                .put(representative).then().statusCode(200);
        awaitPublicNames(corrected);
        assertThat(publicAnswers()).doesNotContain(name);

        // withdrawn by the person: unpublished everywhere; then consented again
        as(person).delete(representative + "/consent").then().statusCode(200).body("nameConsent", is(false));
        awaitPublicNames(null);
        as(person).body(Map.of("noticeVersion", "2026-12-01")).put(representative + "/consent").then().statusCode(200);
        awaitPublicNames(corrected);

        // the person's own export gathers what every service holds about them
        Response export = as(person).get(GATEWAY + "/api/v1/me/personal-data");
        export.then().statusCode(200);
        assertThat(export.asString()).contains(corrected, email, meeting);

        // erased at the person's request, in every service at once
        as(person).delete(GATEWAY + "/api/v1/me/personal-data").then().statusCode(204);
        awaitPublicNames(null);
        as(office).get(representative).then().statusCode(404);

        String[] planted = {name, corrected, email};
        assertThat(publicAnswers()).as("public answers and exports").doesNotContain(planted);
        assertThat(recordsOfTheTopics()).as("every record of the topics").doesNotContain(planted);
        for (String database : DATABASES) {
            assertThat(rowsOf(database)).as("every row of the %s database", database).doesNotContain(planted);
        }
        for (String service : SERVICES) {
            assertThat(logOf(service)).as("the log of %s", service).doesNotContain(planted);
        }
        assertThat(as(person).get(GATEWAY + "/api/v1/me/personal-data").then().statusCode(200).extract().asString())
                .doesNotContain(planted);
        assertVerifierAccepts();
    }

    /** A meeting to come, with an individual invitation to the person's account addressed by their name. */
    private String conveneMeetingInviting() {
        String office = token("office");
        OffsetDateTime start = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MINUTES).plusDays(30);
        String id = as(office).body(Map.of("title", "Personal data system test " + run, "kind", "PLENARY",
                        "format", "ONLINE", "startsAt", start.toString(), "endsAt", start.plusHours(2).toString(),
                        "timeZone", "Europe/Brussels", "joiningLink", "https://meet.example.eu/j/pd-" + run))
                .post(GATEWAY + "/api/v1/meetings").then().statusCode(201).extract().path("id");
        as(office).body(Map.of("username", PERSON, "displayName", name))
                .post(GATEWAY + "/api/v1/meetings/" + id + "/invitations").then().statusCode(201);
        return id;
    }

    /** Waits until Mistral AI's representatives in the public participants list name exactly {@code expected}. */
    private void awaitPublicNames(String expected) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            String body = RestAssured.given().queryParam("limit", 500).get(PUBLIC + "/participants")
                    .then().statusCode(200).extract().asString();
            Map<String, Object> mistral = JsonPath.from(body).<Map<String, Object>>getList("items").stream()
                    .filter(p -> MEMBER_A_ORGANISATION.equals(p.get("organisationId"))).findFirst().orElseThrow();
            String representatives = String.valueOf(mistral.get("representatives"));
            for (String planted : List.of(name, corrected)) {
                if (planted.equals(expected)) {
                    assertThat(representatives).contains(planted);
                } else {
                    assertThat(body).doesNotContain(planted);
                }
            }
        });
    }

    /** Every public answer that could show a person: lists, exports, feeds, search, the whole log. */
    private String publicAnswers() {
        StringBuilder all = new StringBuilder();
        for (String path : List.of("/participants?limit=500", "/participants.csv", "/stakeholders?limit=500",
                "/stakeholders.csv", "/meetings/upcoming?limit=500", "/meetings/upcoming.csv",
                "/meetings/upcoming.ics", "/register/feed.atom", "/register/disclosures?limit=500",
                "/register/withdrawals?limit=500", "/search?q=Planted", "/search?q=Corrected")) {
            Response response = RestAssured.get(PUBLIC + path);
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            all.append(response.asString());
        }
        String next = PUBLIC + "/register/log/entries?from=1&limit=500";
        while (next != null) {
            Response page = RestAssured.get(next);
            assertThat(page.statusCode()).as(next).isEqualTo(200);
            all.append(page.asString());
            String link = page.header("Link");
            next = link == null || !link.contains("rel=\"next\"") ? null : resolve(link.substring(1, link.indexOf('>')));
        }
        return all.toString();
    }

    private static String resolve(String link) {
        return link.startsWith("http") ? link : GATEWAY + link;
    }

    /** Every record of the contract topics, from the beginning, read by a consumer that never read them before. */
    private static String recordsOfTheTopics() {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, System.getProperty("taskforce.kafka", "127.0.0.1:9092"));
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        StringBuilder all = new StringBuilder();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                consumer.partitionsFor(topic, Duration.ofSeconds(30))
                        .forEach(p -> partitions.add(new TopicPartition(topic, p.partition())));
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                assertThat(System.nanoTime()).as("read the topics within 60 s").isLessThan(deadline);
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    all.append(text(record.key())).append(' ').append(text(record.value())).append('\n');
                    record.headers().forEach(h -> all.append(h.key()).append('=').append(text(h.value())).append('\n'));
                }
            }
        }
        return all.toString();
    }

    private static String text(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    /** Every row of every table of a service's database, as text. */
    private static String rowsOf(String database) throws SQLException {
        String url = System.getProperty("taskforce.db.url", "jdbc:postgresql://127.0.0.1:5432") + "/" + database;
        StringBuilder all = new StringBuilder();
        try (Connection connection = DriverManager.getConnection(url, "taskforce", "taskforce")) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = connection.createStatement().executeQuery("select table_schema || '.' || table_name "
                    + "from information_schema.tables where table_type = 'BASE TABLE' "
                    + "and table_schema not in ('pg_catalog', 'information_schema')")) {
                while (rs.next()) {
                    tables.add(rs.getString(1));
                }
            }
            assertThat(tables).as("tables of %s", database).isNotEmpty();
            for (String table : tables) {
                try (ResultSet rs = connection.createStatement().executeQuery("select t::text from " + table + " t")) {
                    while (rs.next()) {
                        all.append(rs.getString(1)).append('\n');
                    }
                }
            }
        }
        return all.toString();
    }

    /** A service's log file in the running stack's state folder. */
    private static String logOf(String service) throws IOException {
        Path log = Stack.runFolder().resolve("logs").resolve(service + ".log");
        assertThat(log).as("log of %s", service).exists();
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    /** The register's own verifier (a JDK-only program) accepts the whole chain and every signed head. */
    private static void assertVerifierAccepts() throws IOException, InterruptedException {
        RestAssured.given().auth().oauth2(token("office")).contentType(ContentType.JSON).body("{}")
                .post(GATEWAY + "/api/v1/transparency/log/heads").then().statusCode(anyOf(is(200), is(201)));
        Path verifier = Path.of("..", "transparency-service", "verify", "Verify.java").toAbsolutePath().normalize();
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                verifier.toString(), GATEWAY).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("the verifier finished").isTrue();
        assertThat(process.exitValue()).as("verify-register: %s", output).isZero();
    }

    private static io.restassured.specification.RequestSpecification as(String token) {
        return RestAssured.given().auth().oauth2(token).contentType(ContentType.JSON);
    }
}
