package eu.taskforce.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

import static eu.taskforce.systemtests.Stack.GATEWAY;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The generated clients (module client-java, clients/typescript) are built from clients/taskforce-api.json, the
 * merged document as committed. It must be what the gateway serves: a service that changes its API and leaves the
 * committed document behind fails here (refresh it with clients/merge-built-documents.sh).
 */
class OpenApiDocumentIT {

    @Test
    void theCommittedDocumentIsWhatTheGatewayServes() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode served = mapper.readTree(RestAssured.given().get(GATEWAY + "/q/openapi")
                .then().statusCode(200).extract().asString());
        JsonNode committed = mapper.readTree(new File(System.getProperty("taskforce.api.document",
                "../clients/taskforce-api.json")));
        // the server named is the address the client used, which is not the same everywhere
        ((ObjectNode) served).remove("servers");
        ((ObjectNode) committed).remove("servers");

        List<String> differences = new ArrayList<>();
        differences(committed, served, "", differences);
        assertThat(differences).as("clients/taskforce-api.json differs from what the gateway serves;"
                + " run clients/merge-built-documents.sh").isEmpty();
    }

    /** Where two documents differ, as JSON pointers (key order does not count; array order does). */
    private static void differences(JsonNode expected, JsonNode actual, String at, List<String> found) {
        if (found.size() >= 20) {
            return;
        }
        if (expected.isObject() && actual.isObject()) {
            expected.fieldNames().forEachRemaining(name -> {
                String pointer = at + "/" + name.replace("~", "~0").replace("/", "~1");
                if (!actual.has(name)) {
                    found.add(pointer + " is not served");
                } else {
                    differences(expected.get(name), actual.get(name), pointer, found);
                }
            });
            actual.fieldNames().forEachRemaining(name -> {
                if (!expected.has(name)) {
                    found.add(at + "/" + name.replace("~", "~0").replace("/", "~1") + " is served but not committed");
                }
            });
        } else if (!expected.equals(actual)) {
            found.add(at + ": committed " + abbreviated(expected) + ", served " + abbreviated(actual));
        }
    }

    private static String abbreviated(JsonNode node) {
        String text = node.toString();
        return text.length() > 120 ? text.substring(0, 120) + "..." : text;
    }
}
