package eu.taskforce.membership;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.CloudEvents;
import eu.taskforce.contracts.Topics;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What the module tests share: real Keycloak tokens per demo user, fixtures made through the API as the AI Office,
 * and a reader of the events published on the real Kafka topic since a given moment.
 */
public final class TestSupport {

    public static final String API = "/api/v1/membership";
    public static final String SIGNATORIES = API + "/signatories";
    public static final String PROBLEM = "application/problem+json";
    /** Organisation A: Mistral AI, the {@code org} claim of member-a. */
    public static final UUID A = UUID.fromString("d400dada-de45-4c38-b750-82bd5f66d15a");
    /** Organisation B: Aleph Alpha, the {@code org} claim of member-b. */
    public static final UUID B = UUID.fromString("43c8900d-3960-444a-bbeb-1ec88cc837b4");
    /** The day the reference signatories (and the fixtures) signed the Code. */
    public static final LocalDate SIGNED_ON = LocalDate.parse("2025-08-01");

    static final ObjectMapper JSON = new ObjectMapper();

    /** The demo accounts of the realm {@code taskforce}. */
    public enum User {
        OFFICE("office"), MEMBER_A("member-a"), EXPERT("expert");

        private static final Map<User, Token> TOKENS = new ConcurrentHashMap<>();
        private static final HttpClient HTTP = HttpClient.newHttpClient();
        final String username;

        User(String username) {
            this.username = username;
        }

        /** A request bearing this user's access token. */
        public RequestSpecification request() {
            return given().auth().oauth2(token());
        }

        /** The token's subject, as the audit trail and the histories record it. */
        public String subject() {
            return claims().get("sub").asText();
        }

        public JsonNode claims() {
            String payload = token().split("\\.")[1];
            return read(new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8));
        }

        /** A cached access token from Keycloak (password grant of the public client), renewed before it expires. */
        public String token() {
            return TOKENS.compute(this, (user, cached) ->
                    cached != null && Instant.now().isBefore(cached.renewAt()) ? cached : fetch()).value();
        }

        private Token fetch() {
            String url = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                    + "/protocol/openid-connect/token";
            String form = "grant_type=password&client_id=taskforce-portal&username=" + enc(username)
                    + "&password=" + enc(username + "-demo");
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as("token of %s: %s", username, response.body()).isEqualTo(200);
                JsonNode body = read(response.body());
                return new Token(body.get("access_token").asText(),
                        Instant.now().plusSeconds(body.get("expires_in").asLong() - 60));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String enc(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }

        private record Token(String value, Instant renewAt) {
        }
    }

    public static RequestSpecification office() {
        return User.OFFICE.request();
    }

    // ---- bodies ----

    /** A JSON object of the given names and values, in that order (a null value is written as null). */
    public static String json(Object... namesAndValues) {
        Map<String, Object> object = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            Object value = namesAndValues[i + 1];
            object.put((String) namesAndValues[i], value instanceof java.time.temporal.Temporal ? value.toString() : value);
        }
        try {
            return JSON.writeValueAsString(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A name no earlier run used. */
    public static String unique(String prefix) {
        return prefix + " " + UUID.randomUUID().toString().substring(0, 13);
    }

    public static String signatory(String name, String country, String... chapters) {
        return json("name", name, "country", country, "website", "https://example.org",
                "chapters", List.of(chapters), "signedOn", SIGNED_ON.toString());
    }

    /** A representative's details; consent is never part of them (the person gives it: {@link #consent}). */
    public static String representative(String name, String email, String role, String username) {
        return json("name", name, "email", email, "role", role, "username", username);
    }

    /** The body of a consent to the current privacy notice. */
    public static String consent() {
        return json("noticeVersion", "2026-12-01");
    }

    public static String stakeholder(String name, String email, boolean listed) {
        return json("kind", "ORGANISATION", "name", name, "fieldOfExpertise", "Open-source licensing",
                "contactEmail", email, "listedPublicly", listed);
    }

    // ---- fixtures, made by the AI Office ----

    public static UUID register(String body) {
        return UUID.fromString(office().contentType(ContentType.JSON).body(body).post(SIGNATORIES)
                .then().statusCode(201).extract().path("id"));
    }

    /** A fresh signatory of all three chapters. */
    public static UUID freshSignatory() {
        return register(signatory(unique("Fixture AI"), "FR", "TRANSPARENCY", "COPYRIGHT", "SAFETY_AND_SECURITY"));
    }

    /** A fresh signatory that is a member since today. */
    public static UUID freshMember() {
        UUID id = freshSignatory();
        join(id, null);
        return id;
    }

    public static UUID join(UUID signatory, LocalDate day) {
        return UUID.fromString(office().contentType(ContentType.JSON).body(json("joinedOn", day))
                .post(SIGNATORIES + "/" + signatory + "/memberships").then().statusCode(201).extract().path("id"));
    }

    public static Response leave(RequestSpecification as, UUID signatory, LocalDate day) {
        return as.contentType(ContentType.JSON).body(json("leftOn", day)).post(SIGNATORIES + "/" + signatory + "/leave");
    }

    /**
     * Makes the organisation a member unless it is one, and answers the first day of its current period. A new
     * period begins the day after the last one ended, so that the shared organisations A and B can leave and
     * rejoin on every run without a clash of dates.
     */
    public static LocalDate ensureMember(UUID organisation) {
        JsonNode history = read(office().get(SIGNATORIES + "/" + organisation + "/memberships")
                .then().statusCode(200).extract().asString());
        LocalDate next = SIGNED_ON;
        for (JsonNode period : history) {
            if (period.path("leftOn").isNull() || period.path("leftOn").isMissingNode()) {
                return LocalDate.parse(period.get("joinedOn").asText());
            }
            LocalDate after = LocalDate.parse(period.get("leftOn").asText()).plusDays(1);
            next = after.isAfter(next) ? after : next;
        }
        join(organisation, next);
        return next;
    }

    /** Appoints a representative (as the AI Office); answers its id. */
    public static UUID appoint(UUID organisation, String body) {
        return UUID.fromString(office().contentType(ContentType.JSON).body(body)
                .post(SIGNATORIES + "/" + organisation + "/representatives").then().statusCode(201).extract().path("id"));
    }

    /** Removes the organisation's representatives whose account starts with {@code usernamePrefix}. */
    public static void removeRepresentatives(UUID organisation, String usernamePrefix) {
        String path = SIGNATORIES + "/" + organisation + "/representatives";
        List<Map<String, Object>> current = office().get(path).then().statusCode(200).extract().jsonPath().getList("$");
        current.stream().filter(r -> r.get("username").toString().startsWith(usernamePrefix))
                .forEach(r -> office().delete(path + "/" + r.get("id")).then().statusCode(204));
    }

    public static UUID registerStakeholder(String body) {
        return UUID.fromString(office().contentType(ContentType.JSON).body(body).post(API + "/stakeholders")
                .then().statusCode(201).extract().path("id"));
    }

    public static UUID createGroup(String name) {
        return UUID.fromString(office().contentType(ContentType.JSON).body(json("name", name, "description", "Fixture"))
                .post(API + "/groups").then().statusCode(201).extract().path("id"));
    }

    public static void addParticipant(UUID group, UUID organisation) {
        office().contentType(ContentType.JSON).body(json("organisationId", organisation))
                .post(API + "/groups/" + group + "/participants").then().statusCode(200);
    }

    // ---- the Vademecum ----

    public static final String EDITIONS = API + "/vademecum/editions";

    /** The sections an edition needs to be published, with texts that name {@code marker}. */
    public static List<Map<String, String>> vademecumSections(String marker) {
        List<Map<String, String>> sections = new ArrayList<>();
        for (String key : List.of("rules-of-procedure", "objectives", "membership-rules", "transparency-rules",
                "without-prejudice")) {
            sections.add(Map.of("key", key, "title", "Title of " + key, "text", "Text of " + key + " " + marker));
        }
        return sections;
    }

    /** A draft edition with every required section (as the AI Office); answers its id. */
    public static UUID draftEdition() {
        return UUID.fromString(office().contentType(ContentType.JSON)
                .body(json("changeNote", "Fixture", "sections", vademecumSections("fixture")))
                .post(EDITIONS).then().statusCode(201).extract().path("id"));
    }

    /** A published edition (as the AI Office); answers its id. */
    public static UUID publishedEdition() {
        UUID id = draftEdition();
        office().post(EDITIONS + "/" + id + "/publication").then().statusCode(200);
        return id;
    }

    /** Every audit entry about one record, oldest first. */
    public static List<Map<String, Object>> audit(UUID recordId) {
        return office().queryParam("recordId", recordId).queryParam("limit", 500).get(API + "/audit")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    // ---- events ----

    /** Starts reading the membership topic from its current end: what {@link Events} sees was published after. */
    public static Events events() {
        return new Events();
    }

    /** The records published on the (test) membership topic since this reader was made. */
    public static final class Events implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

        Events() {
            var config = ConfigProvider.getConfig();
            String topic = config.getOptionalValue("taskforce.kafka.topic-prefix", String.class).orElse("")
                    + Topics.MEMBERSHIP;
            consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, config.getValue("kafka.bootstrap.servers", String.class),
                    ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                    new StringDeserializer(), new StringDeserializer());
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // fixes the start now, not at the first poll
        }

        /** Waits until {@code count} records keyed {@code key} arrived; answers all of that key, in order. */
        public List<ConsumerRecord<String, String>> waitFor(Object key, int count) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
                return of(key).size() >= count;
            });
            return of(key);
        }

        public List<ConsumerRecord<String, String>> of(Object key) {
            return seen.stream().filter(r -> key.toString().equals(r.key())).toList();
        }

        /** Every record read so far, whatever its key. */
        public List<ConsumerRecord<String, String>> all() {
            return List.copyOf(seen);
        }

        @Override
        public void close() {
            consumer.close();
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static String type(ConsumerRecord<String, String> record) {
        return header(record, CloudEvents.HEADER_TYPE);
    }

    /** A record's value and headers as one text, to look for what must never be published. */
    public static String everything(ConsumerRecord<String, String> record) {
        StringBuilder text = new StringBuilder(String.valueOf(record.value()));
        record.headers().forEach(h -> text.append('\n').append(h.key()).append('=')
                .append(new String(h.value(), StandardCharsets.UTF_8)));
        return text.toString();
    }

    private TestSupport() {
    }
}
