package eu.taskforce.transparency;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.RepresentativeProfile;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.SignatoryRegistered;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.transparency.log.HeadSigner;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import javax.tools.ToolProvider;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * The verifiable record: entries derived from the events only, an append-only hash chain, Ed25519-signed heads, and the
 * shipped verifier ({@code verify/Verify.java}) that accepts the log as served and rejects it with any one byte of any
 * entry changed.
 */
@QuarkusTest
class VerifiableLogTest {

    static final String LOG = "/api/v1/public/register/log";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    TopicNames topicNames;

    @Inject
    HeadSigner signer;

    @Inject
    EntityManager em;

    RegisterEvents events;

    @BeforeEach
    void producer() {
        RegisterEvents.keepForever(bootstrapServers, List.of(topicNames.of(Topics.MEMBERSHIP), topicNames.of(Topics.MEETINGS)));
        events = new RegisterEvents(bootstrapServers, topicNames.of(""));
    }

    @AfterEach
    void close() {
        events.close();
    }

    @Test
    void anEntryIsWhatItsEventSaysAndAStakeholderWithoutConsentIsOnlyAnId() {
        UUID signatory = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        OffsetDateTime time = OffsetDateTime.parse("2026-03-01T10:15:30.123456Z");
        events.send(eventId, EventTypes.SIGNATORY_REGISTERED, signatory, new SignatoryRegistered(signatory,
                "Entry AI " + signatory, "FR", null, Set.of(Chapter.COPYRIGHT), LocalDate.of(2025, 8, 1)), time);
        UUID stakeholder = UUID.randomUUID();
        String reserved = UUID.randomUUID().toString();
        events.send(reserved, EventTypes.STAKEHOLDER_REGISTERED, stakeholder, new StakeholderProfile(stakeholder,
                StakeholderProfile.Kind.PERSON, false, "Unlisted Person", "Unlisted field", null, null), time);

        Map<String, Object> entry = awaitEntry(eventId);
        assertThat(entry.get("time")).isEqualTo("2026-03-01T10:15:30.123456Z");
        assertThat(entry.get("type")).isEqualTo(EventTypes.SIGNATORY_REGISTERED.type());
        assertThat(entry.get("topic")).isEqualTo(Topics.MEMBERSHIP);
        assertThat(entry.get("subject")).isEqualTo(signatory.toString());
        assertThat(entry.get("corrects")).isNull();
        assertThat(entry.get("data").toString()).contains("Entry AI " + signatory).contains("COPYRIGHT");
        assertThat(awaitEntry(reserved).get("data"))
                .isEqualTo(Map.of("stakeholderId", stakeholder.toString(), "listedPublicly", false));
    }

    @Test
    void theLogRefusesUpdatesAndDeletes() {
        sendOne();
        awaitSigned();
        for (String statement : List.of("update log_entry set hash = hash", "delete from log_entry",
                "truncate log_entry", "update signed_head set signature = signature")) {
            assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                    em.createNativeQuery(statement).executeUpdate()))
                    .as(statement).hasStackTraceContaining("append-only");
        }
    }

    @Test
    void theVerifierAcceptsTheLogAndDetectsOneChangedByteInAnyEntry() throws Exception {
        sendOne();
        awaitSigned();
        sendOne();
        awaitSigned();

        // the shipped command, as someone would run it against a running instance
        Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "verify/Verify.java", "http://localhost:" + RestAssured.port).redirectErrorStream(true).start();
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        process.getInputStream().transferTo(output);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("OK: the register's log verifies");
        assertThat(process.exitValue()).isZero();

        // the same verifier, compiled here, reading the served documents with one byte changed
        Method verify = verifier();
        Map<String, String> served = new HashMap<>();
        Function<String, String> real = path -> served.computeIfAbsent(path,
                p -> given().get(p).then().statusCode(200).extract().asString());
        assertThat(problems(verify, real)).isEmpty();

        List<String[]> pages = new ArrayList<>(); // [path, body] of each entries page fetched
        problems(verify, path -> {
            String body = real.apply(path);
            if (path.contains("/entries")) {
                pages.add(new String[]{path, body});
            }
            return body;
        });
        Random random = new Random(42);
        int tampered = 0;
        for (String[] page : pages) {
            List<int[]> spans = entrySpans(page[1]);
            // the first and last entry of every page, and a sample between them
            List<int[]> chosen = new ArrayList<>(List.of(spans.get(0), spans.get(spans.size() - 1)));
            for (int i = 0; i < 20 && spans.size() > 2; i++) {
                chosen.add(spans.get(random.nextInt(spans.size())));
            }
            for (int[] span : chosen) {
                int at = span[0] + random.nextInt(span[1] - span[0]);
                String changed = page[1].substring(0, at) + other(page[1].charAt(at)) + page[1].substring(at + 1);
                List<String> found = problems(verify, path -> path.equals(page[0]) ? changed : real.apply(path));
                assertThat(found).as("byte %d of %s changed from '%s'", at, page[0], page[1].charAt(at)).isNotEmpty();
                tampered++;
            }
        }
        assertThat(tampered).isGreaterThanOrEqualTo(2);

        // a signed head whose signature was altered
        String heads = real.apply(LOG + "/heads?limit=1000");
        String signature = JsonPath.from(heads).getString("heads[0].signature");
        String forged = heads.replace(signature, (signature.charAt(0) == 'A' ? "B" : "A") + signature.substring(1));
        assertThat(problems(verify, path -> path.equals(LOG + "/heads?limit=1000") ? forged : real.apply(path)))
                .anySatisfy(p -> assertThat(p).contains("signature"));
    }

    @Test
    void theVerifierChecksEveryDisclosedOpeningAgainstTheLog() throws Exception {
        // one name disclosed, another disclosed and then withdrawn
        UUID organisation = UUID.randomUUID();
        UUID shown = UUID.randomUUID(), gone = UUID.randomUUID();
        Opening opening = Opening.of("publicName", shown, "Verifier Shown " + shown);
        Opening withdrawn = Opening.of("publicName", gone, "Verifier Gone " + gone);
        MembershipStub.disclose(opening);
        MembershipStub.disclose(withdrawn);
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, shown, RepresentativeRole.PRINCIPAL, opening.personalField()),
                RegisterEvents.at(2));
        events.send(UUID.randomUUID().toString(), EventTypes.REPRESENTATIVE_APPOINTED, organisation,
                new RepresentativeProfile(organisation, gone, RepresentativeRole.ALTERNATE, withdrawn.personalField()),
                RegisterEvents.at(2));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/public/register/disclosures/"
                + opening.commitment()).statusCode() == 200 && given().get("/api/v1/public/register/disclosures/"
                + withdrawn.commitment()).statusCode() == 200);
        MembershipStub.forget(withdrawn.commitment());
        events.send(UUID.randomUUID().toString(), EventTypes.PERSONAL_DATA_WITHDRAWN, organisation,
                new PersonalDataWithdrawn(PersonalDataWithdrawn.Subject.REPRESENTATIVE, organisation, gone,
                        List.of(withdrawn.commitment()), PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN), RegisterEvents.at(1));
        await().atMost(Duration.ofSeconds(60)).until(() -> given().get("/api/v1/public/register/disclosures/"
                + withdrawn.commitment()).statusCode() == 404);

        Method verify = verifier();
        Map<String, String> served = new HashMap<>();
        Function<String, String> real = path -> served.computeIfAbsent(path,
                p -> given().get(p).then().statusCode(200).extract().asString());
        List<String> report = new ArrayList<>();
        assertThat(problems(verify, real, report)).isEmpty();
        assertThat(report).anySatisfy(line -> assertThat(line).startsWith("personal values:")
                .containsPattern("; [1-9][0-9]* disclosed \\(([1-9][0-9]*) matching their commitment and entry\\); "
                        + "[1-9][0-9]* withheld \\([1-9][0-9]* of them withdrawn"));

        // a served opening altered: its value, then its salt
        String disclosures = "/api/v1/public/register/disclosures?limit=500";
        assertThat(real.apply(disclosures)).contains(opening.value());
        assertThat(problems(verify, path -> path.startsWith(disclosures)
                ? real.apply(path).replace(opening.value(), "Someone Else") : real.apply(path)))
                .anySatisfy(p -> assertThat(p).contains(opening.commitment()).contains("does not give its commitment"));
        assertThat(problems(verify, path -> path.startsWith(disclosures)
                ? real.apply(path).replace(opening.salt(),
                (opening.salt().charAt(0) == 'A' ? "B" : "A") + opening.salt().substring(1)) : real.apply(path)))
                .anySatisfy(p -> assertThat(p).contains("does not give its commitment"));
        // an opening served for a withdrawn commitment (it is the right opening: only the withdrawal forbids it)
        String item = "{\"commitment\":\"" + withdrawn.commitment() + "\",\"field\":\"publicName\",\"ref\":\""
                + gone + "\",\"salt\":\"" + withdrawn.salt() + "\",\"value\":\"" + withdrawn.value() + "\"}";
        assertThat(problems(verify, path -> path.startsWith(disclosures)
                ? real.apply(path).replaceFirst("\"items\":\\[", "\"items\":[" + item + (real.apply(path)
                        .contains("\"items\":[]") ? "" : ",")) : real.apply(path)))
                .anySatisfy(p -> assertThat(p).contains(withdrawn.commitment()).contains("served although withdrawn"));
        // an opening of a commitment that the log holds for another person
        Opening stranger = new Opening("publicName", UUID.randomUUID(), opening.salt(), opening.value());
        String strange = "{\"commitment\":\"" + stranger.commitment() + "\",\"field\":\"publicName\",\"ref\":\""
                + stranger.ref() + "\",\"salt\":\"" + stranger.salt() + "\",\"value\":\"" + stranger.value() + "\"}";
        assertThat(problems(verify, path -> path.startsWith(disclosures)
                ? real.apply(path).replaceFirst("\"items\":\\[", "\"items\":[" + strange + ",") : real.apply(path)))
                .anySatisfy(p -> assertThat(p).contains("no log entry holds it"));
    }

    @Test
    void aConsistencyProofLeadsFromOneSignedHeadToTheNext() throws Exception {
        sendOne();
        long from = awaitSigned();
        sendOne();
        long to = awaitSigned();
        assertThat(to).isGreaterThan(from);
        JsonPath proof = given().queryParam("from", from).queryParam("to", to).get(LOG + "/consistency")
                .then().statusCode(200).extract().jsonPath();
        assertThat(proof.getLong("fromSequence")).isEqualTo(from);
        assertThat(proof.getLong("toSequence")).isEqualTo(to);
        List<String> leaves = proof.getList("leafHashes");
        assertThat(leaves).hasSize((int) (to - from));

        // both ends are heads the log signed, under a published key
        JsonPath heads = given().queryParam("limit", 1000).get(LOG + "/heads").then().statusCode(200).extract().jsonPath();
        JsonPath keys = given().get(LOG + "/public-keys").then().statusCode(200).extract().jsonPath();
        assertThat(keys.getString("keys[0].pem")).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(proof.getString("fromHash")).isEqualTo(verifiedHead(heads, keys, from));
        assertThat(proof.getString("toHash")).isEqualTo(verifiedHead(heads, keys, to));

        // the leaves are the served entries' SHA-256, and chaining them (computed here) leads from one head to the next
        List<Map<String, Object>> entries = given().queryParam("from", from + 1).queryParam("limit", (int) (to - from))
                .get(LOG + "/entries").then().statusCode(200).extract().jsonPath().getList("entries");
        assertThat(entries).extracting(e -> e.get("leafHash")).containsExactlyElementsOf(leaves);
        String page = given().queryParam("from", from + 1).queryParam("limit", (int) (to - from))
                .get(LOG + "/entries").then().statusCode(200).extract().asString();
        List<int[]> spans = entrySpans(page);
        assertThat(spans).hasSize(leaves.size());
        String hash = proof.getString("fromHash");
        for (int i = 0; i < leaves.size(); i++) {
            byte[] entry = page.substring(spans.get(i)[0], spans.get(i)[1]).getBytes(StandardCharsets.UTF_8);
            assertThat(hex(sha256(entry))).as("leaf %d", from + 1 + i).isEqualTo(leaves.get(i));
            hash = hex(sha256(java.util.HexFormat.of().parseHex(hash + leaves.get(i))));
            assertThat(entries.get(i).get("hash")).as("chain hash %d", from + 1 + i).isEqualTo(hash);
        }
        assertThat(hash).isEqualTo(proof.getString("toHash"));

        given().queryParam("from", to).queryParam("to", from).get(LOG + "/consistency").then().statusCode(400)
                .contentType("application/problem+json");
    }

    /** The hash of the signed head at {@code sequence}, once its statement says so and its signature holds. */
    static String verifiedHead(JsonPath heads, JsonPath keys, long sequence) throws Exception {
        Map<String, Object> head = heads.<Map<String, Object>>getList("heads").stream()
                .filter(h -> ((Number) h.get("sequence")).longValue() == sequence).findFirst().orElseThrow(
                        () -> new AssertionError("no signed head at " + sequence));
        JsonPath statement = JsonPath.from((String) head.get("statement"));
        assertThat(statement.getLong("sequence")).isEqualTo(sequence);
        assertThat(statement.getString("hash")).isEqualTo(head.get("hash"));
        assertThat(statement.getString("keyId")).isEqualTo(head.get("keyId"));
        String publicKey = keys.<Map<String, Object>>getList("keys").stream()
                .filter(k -> head.get("keyId").equals(k.get("keyId"))).map(k -> (String) k.get("publicKey"))
                .findFirst().orElseThrow(() -> new AssertionError("no published key " + head.get("keyId")));
        java.security.Signature ed25519 = java.security.Signature.getInstance("Ed25519");
        ed25519.initVerify(java.security.KeyFactory.getInstance("Ed25519").generatePublic(
                new java.security.spec.X509EncodedKeySpec(java.util.Base64.getDecoder().decode(publicKey))));
        ed25519.update(((String) head.get("statement")).getBytes(StandardCharsets.UTF_8));
        assertThat(ed25519.verify(java.util.Base64.getDecoder().decode((String) head.get("signature"))))
                .as("signature of the head at %d", sequence).isTrue();
        return (String) head.get("hash");
    }

    static byte[] sha256(byte[] bytes) throws Exception {
        return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
    }

    static String hex(byte[] bytes) {
        return java.util.HexFormat.of().formatHex(bytes);
    }

    void sendOne() {
        UUID signatory = UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        events.send(id, EventTypes.SIGNATORY_REGISTERED, signatory, new SignatoryRegistered(signatory,
                "Chain AI " + signatory, "DE", null, Set.of(Chapter.TRANSPARENCY), LocalDate.of(2025, 8, 1)),
                RegisterEvents.at(0));
        awaitEntry(id);
    }

    /** Signs the head now (the test does not wait for the schedule) and answers the sequence signed. */
    long awaitSigned() {
        return signer.sign().orElseThrow().sequence();
    }

    static Map<String, Object> awaitEntry(String eventId) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> {
            long head = given().get(LOG + "/entries?from=1&limit=1").then().statusCode(200).extract().jsonPath()
                    .getLong("headSequence");
            List<Map<String, Object>> last = given().queryParam("from", Math.max(1, head - 999)).queryParam("limit", 1000)
                    .get(LOG + "/entries").then().statusCode(200).extract().jsonPath().getList("entries.entry");
            return last.stream().filter(e -> eventId.equals(e.get("eventId"))).findFirst().orElse(null);
        }, e -> e != null);
    }

    /** Where each entry's JSON lies in a served page: from after {@code "entry":} to before {@code ,"leafHash"}. */
    static List<int[]> entrySpans(String page) {
        List<int[]> spans = new ArrayList<>();
        int at = 0;
        while ((at = page.indexOf("\"entry\":", at)) >= 0) {
            int start = at + "\"entry\":".length();
            int end = page.indexOf(",\"leafHash\"", start);
            spans.add(new int[]{start, end});
            at = end;
        }
        return spans;
    }

    static char other(char c) {
        if (Character.isDigit(c)) {
            return c == '9' ? '0' : (char) (c + 1);
        }
        if (Character.isLetter(c) && c < 128) {
            return c == 'z' || c == 'Z' ? 'a' : (char) (c + 1);
        }
        return c == 'x' ? 'y' : 'x';
    }

    /** Signs the head now, then runs the shipped verifier on the log as served: it finds no problem. */
    static void assertTheLogVerifies() throws Exception {
        io.quarkus.arc.Arc.container().instance(HeadSigner.class).get().sign();
        Map<String, String> served = new HashMap<>();
        Function<String, String> real = path -> served.computeIfAbsent(path,
                p -> given().get(p).then().statusCode(200).extract().asString());
        assertThat(problems(verifier(), real)).isEmpty();
    }

    static List<String> problems(Method verify, Function<String, String> fetch) throws Exception {
        return problems(verify, fetch, new ArrayList<>());
    }

    @SuppressWarnings("unchecked")
    static List<String> problems(Method verify, Function<String, String> fetch, List<String> report) throws Exception {
        return (List<String>) verify.invoke(null, fetch, report);
    }

    static Method verifier() throws Exception {
        Path classes = Files.createTempDirectory("verify");
        int compiled = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                "verify/Verify.java");
        assertThat(compiled).isZero();
        URLClassLoader loader = new URLClassLoader(new URL[]{classes.toUri().toURL()}, VerifiableLogTest.class.getClassLoader());
        return loader.loadClass("Verify").getMethod("verify", Function.class, List.class);
    }
}
