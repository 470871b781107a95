package eu.taskforce.platform.json;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;

/**
 * Issue 15: a hostile body cannot make a service amplify it. An array over its @Size is refused while it is read
 * (never validated element by element), a problem lists a bounded number of errors, and the JSON parser stops at its
 * nesting depth, string length and document length.
 */
@QuarkusTest
class RequestLimitsTest {

    static final String PATH = "/platform-test/bounded";

    /** {"codes":["ab-00000","ab-00001",...]}: 190,000 short strings, a 2 MB body (as the one that ran guidance out of heap). */
    static String hugeArray(String field, int count) {
        StringBuilder body = new StringBuilder(count * 11 + 20).append("{\"").append(field).append("\":[");
        for (int i = 0; i < count; i++) {
            body.append(i == 0 ? "" : ",").append(String.format("\"ab-%05d\"", i));
        }
        return body.append("]}").toString();
    }

    private static ValidatableResponse post(String body) {
        return given().contentType(ContentType.JSON).body(body).post(PATH).then();
    }

    @Test
    void aHugeArrayIsRefusedWithOneErrorNamingTheField() {
        String body = hugeArray("codes", 190_000);
        String problem = post(body)
                .statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:validation"))
                .body("errors", hasSize(1))
                .body("errors[0].field", equalTo("codes"))
                .body("errors[0].message", equalTo("must have at most 60 items"))
                .extract().asString();
        assertThat(body.length(), greaterThan(1_900_000));
        assertThat(problem.length(), lessThan(1_000));
    }

    @Test
    void anArrayOneOverItsSizeIsRefusedBeforeItsElementsAreValidated() {
        // 61 invalid codes: one error, for the list; none for its elements
        post(hugeArray("codes", 61)).statusCode(400)
                .body("errors.field", contains("codes"))
                .body("errors[0].message", equalTo("must have at most 60 items"));
        // 60 are allowed (and each is checked)
        post(hugeArray("codes", 60)).statusCode(400).body("detail", equalTo("60 fields are invalid (the first 20 are listed)"));
        post("{\"codes\":[\"SAFETY-1\",\"SAFETY-2\"]}").statusCode(200).body(equalTo("2"));
    }

    @Test
    void aProblemListsAtMostTwentyErrors() {
        post(hugeArray("codes", 60)).statusCode(400)
                .contentType("application/problem+json")
                .body("errors", hasSize(20))
                .body("errors[0].field", containsString("codes["));
    }

    @Test
    void nestedArraysArraysOfTypeAndMapsAreBoundedToo() {
        post("{\"sections\":[{\"key\":\"a\",\"notes\":[\"1\",\"2\",\"3\"]}]}").statusCode(400)
                .body("errors.field", contains("sections[0].notes"))
                .body("errors[0].message", equalTo("must have at most 2 items"));
        post("{\"sections\":[{},{},{},{},{},{}]}").statusCode(400)
                .body("errors.field", contains("sections"));
        post("{\"tags\":[\"a\",\"b\",\"c\",\"d\",\"e\"]}").statusCode(400)
                .body("errors.field", contains("tags"));
        post("{\"counts\":{\"a\":1,\"b\":2,\"c\":3,\"d\":4}}").statusCode(400)
                .body("errors.field", contains("counts"))
                .body("errors[0].message", equalTo("must have at most 3 items"));
        post("{\"sections\":[{\"key\":\"a\",\"notes\":[\"1\",\"2\"]}],\"tags\":[\"a\"],\"counts\":{\"a\":1}}")
                .statusCode(200);
    }

    @Test
    void deepNestingIsRefusedByTheParser() {
        String deep = "{\"title\":\"t\",\"unknown\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}";
        post(deep).statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:json-limit"))
                .body("detail", containsString("nesting depth"))
                .body("detail", containsString("64"));
    }

    @Test
    void aVeryLongStringIsRefusedByTheParserNamingTheField() {
        post("{\"title\":\"" + "x".repeat(1_500_000) + "\"}").statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:taskforce:problem:json-limit"))
                .body("detail", containsString("100000"))
                .body("errors[0].field", equalTo("title"));
        // under the parser's limit, over the field's @Size: the usual validation problem
        post("{\"title\":\"" + "x".repeat(301) + "\"}").statusCode(400)
                .body("errors.field", contains("title"));
    }
}
