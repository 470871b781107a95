package eu.taskforce.platform.testing;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static io.restassured.RestAssured.given;

/**
 * The demo accounts of the realm, with real access tokens from Keycloak (password grant of the public client
 * {@code taskforce-portal}), cached until shortly before they expire.
 */
public enum Actors {
    OFFICE("office", "office-demo"),
    MEMBER_A("member-a", "member-a-demo"),
    MEMBER_B("member-b", "member-b-demo"),
    EXPERT("expert", "expert-demo"),
    /** Another Taskforce service: client credentials of the confidential client (realm role {@code service}). */
    SERVICE("taskforce-services", "taskforce-services-demo-secret"),
    ANONYMOUS(null, null);

    /** The organisations the demo members represent (their token's org claim): Mistral AI and Aleph Alpha. */
    public static final UUID ORG_A = UUID.fromString("d400dada-de45-4c38-b750-82bd5f66d15a");
    public static final UUID ORG_B = UUID.fromString("43c8900d-3960-444a-bbeb-1ec88cc837b4");
    public static final String TOKEN_URL = System.getProperty("taskforce.test.token-url",
            "http://127.0.0.1:8180/realms/taskforce/protocol/openid-connect/token");

    private static final Map<Actors, Token> TOKENS = new ConcurrentHashMap<>();

    public final String username;
    private final String password;

    Actors(String username, String password) {
        this.username = username;
        this.password = password;
    }

    private record Token(String value, Instant expires) {
    }

    /** A request as this actor: with its bearer token, or without any for {@link #ANONYMOUS}. */
    public RequestSpecification request() {
        RequestSpecification request = given().contentType(ContentType.JSON);
        return this == ANONYMOUS ? request : request.auth().oauth2(token());
    }

    /** Forgets the cached token: the next request gets a new one (after a change of the account's attributes). */
    public void forgetToken() {
        TOKENS.remove(this);
    }

    /** One grant at a time per account: Keycloak refused one of two password grants of the same user made at once. */
    public synchronized String token() {
        Token token = TOKENS.get(this);
        if (token == null || Instant.now().isAfter(token.expires())) {
            RequestSpecification grant = given().contentType(ContentType.URLENC);
            if (this == SERVICE) {
                grant.formParam("grant_type", "client_credentials").formParam("client_id", username)
                        .formParam("client_secret", password);
            } else {
                grant.formParam("grant_type", "password").formParam("client_id", "taskforce-portal")
                        .formParam("username", username).formParam("password", password);
            }
            var response = grant.post(TOKEN_URL).then().statusCode(200).extract();
            int expiresIn = response.path("expires_in");
            token = new Token(response.path("access_token"), Instant.now().plusSeconds(Math.max(10, expiresIn - 60)));
            TOKENS.put(this, token);
        }
        return token.value();
    }
}
