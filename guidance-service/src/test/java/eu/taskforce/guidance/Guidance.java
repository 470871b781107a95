package eu.taskforce.guidance;

import eu.taskforce.platform.testing.Actors;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.hamcrest.Matchers.startsWith;

/** Requests of the guidance API that many tests make, as the AI Office and the demo members. */
final class Guidance {

    static final String API = "/api/v1/guidance";
    static final String DOCUMENTS = API + "/documents";
    static final String WINDOWS = API + "/windows";
    static final String FEEDBACK = API + "/feedback";
    static final String EVIDENCE = API + "/evidence";

    /** The path of the attached document of evidence {@code id}. */
    static String attachment(String id) {
        return EVIDENCE + "/" + id + "/attachment";
    }

    private Guidance() {
    }

    static OffsetDateTime inMinutes(long minutes) {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).plusMinutes(minutes);
    }

    static Map<String, Object> document(String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("kind", "GUIDELINES");
        body.put("description", "Draft guidelines for the Taskforce's input");
        body.put("aiActArticles", List.of("53(1)(a)", "55"));
        body.put("codeReferences", List.of("SAFETY_AND_SECURITY-3", "SAFETY_AND_SECURITY-3.2", "TRANSPARENCY-1.1"));
        return body;
    }

    static Map<String, Object> section(String key, String title) {
        return Map.of("key", key, "title", title, "text", "The text of " + title);
    }

    static List<Map<String, Object>> sections() {
        return List.of(section("scope", "Scope"), section("evaluations", "Model evaluations"),
                section("reporting", "Reporting"));
    }

    /** Drafts a document as the AI Office and returns its id. */
    static String draft(String title) {
        return Actors.OFFICE.request().body(document(title)).post(DOCUMENTS)
                .then().statusCode(201).header("Location", startsWith("http")).extract().path("id");
    }

    static void addVersion(String document, List<Map<String, Object>> sections) {
        Map<String, Object> body = new HashMap<>();
        body.put("changeNote", "Draft for the Taskforce");
        if (sections != null) {
            body.put("sections", sections);
        }
        Actors.OFFICE.request().body(body).post(DOCUMENTS + "/" + document + "/versions").then().statusCode(201);
    }

    static void publish(String document, int number) {
        Actors.OFFICE.request().post(DOCUMENTS + "/" + document + "/versions/" + number + "/publication")
                .then().statusCode(200);
    }

    /** A document with a published version 1 (sections scope, evaluations, reporting); returns its id. */
    static String publishedDocument(String title) {
        String document = draft(title);
        addVersion(document, sections());
        publish(document, 1);
        return document;
    }

    /** Opens a window on version {@code number} closing in an hour; returns its id. */
    static String openWindow(String document, int number) {
        return openWindow(document, number, null, inMinutes(60));
    }

    static String openWindow(String document, int number, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        Map<String, Object> body = new HashMap<>();
        if (opensAt != null) {
            body.put("opensAt", opensAt.toString());
        }
        body.put("closesAt", closesAt.toString());
        return Actors.OFFICE.request().body(body).post(DOCUMENTS + "/" + document + "/versions/" + number + "/windows")
                .then().statusCode(201).extract().path("id");
    }

    /** A published document with an open window on version 1; returns the window's id. */
    static String openWindow(String title) {
        return openWindow(publishedDocument(title), 1);
    }

    static Map<String, Object> feedback(String sectionKey, String text, String attribution, String visibility) {
        Map<String, Object> body = new HashMap<>();
        if (sectionKey != null) {
            body.put("sectionKey", sectionKey);
        }
        body.put("text", text);
        body.put("attribution", attribution);
        body.put("visibility", visibility);
        return body;
    }

    /** Gives feedback as {@code member}; returns the item's id. */
    static String give(Actors member, String window, Map<String, Object> body) {
        return member.request().body(body).post(WINDOWS + "/" + window + "/feedback")
                .then().statusCode(201).extract().path("id");
    }

    static void close(String window) {
        Actors.OFFICE.request().post(WINDOWS + "/" + window + "/close").then().statusCode(200);
    }

    static void answer(String feedback, String disposition) {
        Actors.OFFICE.request().body(Map.of("disposition", disposition, "response", "Thank you: " + disposition))
                .put(FEEDBACK + "/" + feedback + "/disposition").then().statusCode(200);
    }

    /** What only the AI Office does. */
    static final class Office {
        static void publishDispositions(String window) {
            Actors.OFFICE.request().post(WINDOWS + "/" + window + "/dispositions/publication").then().statusCode(200);
        }

        private Office() {
        }
    }

    static String etag(Actors actor, String path) {
        return actor.request().get(path).then().statusCode(200).extract().header("ETag");
    }

    static Map<String, Object> evidence(String title, String visibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("summary", "What the study found");
        body.put("type", "RESEARCH");
        body.put("url", "https://example.org/papers/" + UUID.randomUUID());
        body.put("codeReferences", List.of("SAFETY_AND_SECURITY-3.2"));
        body.put("visibility", visibility);
        return body;
    }

    static String submit(Actors actor, Map<String, Object> body) {
        return actor.request().body(body).post(EVIDENCE).then().statusCode(201).extract().path("id");
    }
}
