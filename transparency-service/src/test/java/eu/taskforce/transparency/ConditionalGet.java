package eu.taskforce.transparency;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/**
 * Conditional reads of the public register, whose lists other tests change at any moment (their events are applied
 * while a test runs): a GET with If-None-Match of the ETag just read is a 304, unless the resource changed meanwhile;
 * then it must be a 200 with another ETag, and the check is made again with that one. A 200 with the same ETag fails.
 */
final class ConditionalGet {

    private static final int ATTEMPTS = 10;

    static void assertNotModified(String path, String etag) {
        assertThat(etag).as("ETag of %s", path).isNotBlank();
        String current = etag;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            var again = given().header("If-None-Match", current).get(path).then().extract();
            if (again.statusCode() == 304) {
                assertThat(again.header("ETag")).as("the 304 of %s names the ETag", path).isEqualTo(current);
                return;
            }
            assertThat(again.statusCode()).as("conditional GET of %s", path).isEqualTo(200);
            assertThat(again.header("ETag")).as("a 200 to If-None-Match answers a changed %s", path)
                    .isNotBlank().isNotEqualTo(current);
            current = again.header("ETag");
        }
        fail(path + " changed " + ATTEMPTS + " times in a row: no 304 seen");
    }

    private ConditionalGet() {
    }
}
