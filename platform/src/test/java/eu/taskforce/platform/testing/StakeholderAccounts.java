package eu.taskforce.platform.testing;

import io.restassured.http.ContentType;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * Links a demo account to an entry of the stakeholder register as the AI Office does (ADR 0011): the user attribute
 * {@code stakeholder}, which the realm maps to the access token's {@code stakeholder} claim, set through Keycloak's
 * admin API with the demo admin account. A test that links an account unlinks it when done, so that other tests see
 * the account as the realm made it.
 */
public final class StakeholderAccounts {

    private static final String KEYCLOAK = Actors.TOKEN_URL.substring(0, Actors.TOKEN_URL.indexOf("/realms/"));

    private StakeholderAccounts() {
    }

    public static void link(Actors account, UUID stakeholder) {
        setAttributes(account, Map.of("stakeholder", List.of(stakeholder.toString())));
    }

    public static void unlink(Actors account) {
        setAttributes(account, Map.of());
    }

    private static void setAttributes(Actors account, Map<String, List<String>> attributes) {
        String admin = given().contentType(ContentType.URLENC).formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post(KEYCLOAK + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        String users = KEYCLOAK + "/admin/realms/taskforce/users";
        String id = given().auth().oauth2(admin).queryParam("username", account.username).queryParam("exact", true)
                .get(users).then().statusCode(200).extract().path("[0].id");
        Map<String, Object> user = given().auth().oauth2(admin).get(users + "/" + id)
                .then().statusCode(200).extract().as(Map.class);
        user.put("attributes", attributes);
        given().auth().oauth2(admin).contentType(ContentType.JSON).body(user).put(users + "/" + id)
                .then().statusCode(204);
        account.forgetToken();
    }
}
