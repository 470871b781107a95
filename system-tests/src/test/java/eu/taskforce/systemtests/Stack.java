package eu.taskforce.systemtests;

import io.restassured.RestAssured;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;

/** Where the running stack is, and real access tokens from its Keycloak for the demo accounts. */
final class Stack {

    static final String GATEWAY = System.getProperty("taskforce.gateway.url", "http://127.0.0.1:8080");
    static final String KEYCLOAK = System.getProperty("taskforce.keycloak.url", "http://127.0.0.1:8180");
    /** Mistral AI in the reference signatory list: the organisation of the demo account member-a. */
    static final String MEMBER_A_ORGANISATION = "d400dada-de45-4c38-b750-82bd5f66d15a";
    /** Aleph Alpha in the reference signatory list: the organisation of the demo account member-b. */
    static final String MEMBER_B_ORGANISATION = "43c8900d-3960-444a-bbeb-1ec88cc837b4";

    /** An access token of a demo account (password grant of the public client, allowed for the demo only). */
    static String token(String user) {
        return RestAssured.given().formParam("grant_type", "password").formParam("client_id", "taskforce-portal")
                .formParam("username", user).formParam("password", user + "-demo")
                .post(KEYCLOAK + "/realms/taskforce/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
    }

    /**
     * Links a demo account to an entry of the stakeholder register, or unlinks it (null), as the AI Office does in the
     * identity provider (ADR 0011): the user attribute that the realm maps to the token's stakeholder claim, set with
     * the demo admin account. Tokens fetched afterwards carry the claim.
     */
    static void linkStakeholder(String user, String stakeholderId) {
        String admin = RestAssured.given().formParam("grant_type", "password").formParam("client_id", "admin-cli")
                .formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String users = KEYCLOAK + "/admin/realms/taskforce/users";
        String id = RestAssured.given().auth().oauth2(admin).queryParam("username", user).queryParam("exact", true)
                .get(users).then().statusCode(200).extract().path("[0].id");
        java.util.Map<String, Object> account = RestAssured.given().auth().oauth2(admin).get(users + "/" + id)
                .then().statusCode(200).extract().as(java.util.Map.class);
        account.put("attributes", stakeholderId == null ? java.util.Map.of()
                : java.util.Map.of("stakeholder", List.of(stakeholderId)));
        RestAssured.given().auth().oauth2(admin).contentType("application/json").body(account).put(users + "/" + id)
                .then().statusCode(204);
    }

    /** Makes the organisation a member of the Taskforce (the local stack's demo data already does; another may not). */
    static void ensureMember(String organisationId) {
        RestAssured.given().auth().oauth2(token("office")).contentType("application/json").body("{}")
                .post(GATEWAY + "/api/v1/membership/signatories/" + organisationId + "/memberships")
                .then().statusCode(org.hamcrest.Matchers.anyOf(org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(409)));
    }

    /** The running stack's state folder (pids, logs): the one `./taskforce test` exports, or `up`'s default. */
    static Path runFolder() {
        String run = System.getProperty("taskforce.run", "");
        return run.isBlank() || run.startsWith("${") ? Path.of(System.getProperty("user.home"), ".taskforce", "run")
                : Path.of(run);
    }

    /** How many instances of each service the stack runs (`./taskforce up --replicas N`; `./taskforce test` runs 2). */
    static int replicas() {
        Path file = runFolder().resolve("replicas");
        try {
            return Files.exists(file) ? Integer.parseInt(Files.readString(file).trim()) : 1;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every gateway of the stack: the first on the gateway's URL, instance k on its port + 10 (k - 1). */
    static List<String> gateways() {
        int port = java.net.URI.create(GATEWAY).getPort();
        return IntStream.range(0, replicas()).mapToObj(k -> "http://127.0.0.1:" + (port + 10 * k)).toList();
    }

    /** The pid of a service instance (its name as `./taskforce status` shows it: membership-service-2). */
    static long pidOf(String instance) throws IOException {
        return Long.parseLong(Files.readString(runFolder().resolve("pids").resolve(instance + ".pid")).trim());
    }

    /** The supervisor's record of an instance's restarts: one line each, "time reason". */
    static List<String> restarts(String instance) throws IOException {
        Path file = runFolder().resolve("pids").resolve(instance + ".restarts");
        return Files.exists(file) ? Files.readAllLines(file) : List.of();
    }

    private Stack() {
    }
}
