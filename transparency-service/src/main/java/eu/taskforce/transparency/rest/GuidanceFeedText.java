package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.transparency.rest.FeedText.Text;

import java.util.function.Function;
import java.util.stream.StreamSupport;

import static eu.taskforce.transparency.rest.FeedText.capitalised;
import static eu.taskforce.transparency.rest.FeedText.counts;
import static eu.taskforce.transparency.rest.FeedText.list;
import static eu.taskforce.transparency.rest.FeedText.of;
import static eu.taskforce.transparency.rest.FeedText.text;
import static eu.taskforce.transparency.rest.FeedText.time;
import static eu.taskforce.transparency.rest.FeedText.version;
import static eu.taskforce.transparency.rest.FeedText.words;

/** The feed's words for guidance events: documents, versions, input windows, feedback, evidence. */
final class GuidanceFeedText {

    private GuidanceFeedText() {
    }

    /** The words of an entry of this family, or null when {@code name} is not one of its events. */
    static Text describe(String name, JsonNode data, Function<String, String> label) {
        return switch (name) {
            case "document-published", "document-updated" -> new Text(
                    "Guidance document " + (name.endsWith("published") ? "published" : "updated") + ": "
                            + text(data, "title"),
                    capitalised(words(data.path("kind").asText()))
                            + (data.path("codeReferences").isEmpty() ? "" : " on " + list(data.path("codeReferences")))
                            + ".",
                    "/guidance/documents/" + data.path("documentId").asText());
            case "version-published" -> new Text(
                    "Guidance version published: " + version(data),
                    of(data.path("sections").size(), "section")
                            + (data.path("changeNote").isTextual() ? ". " + text(data, "changeNote") : "") + ".",
                    "/guidance/documents/" + data.path("documentId").asText());
            case "window-opened" -> new Text(
                    "Input window opened: " + version(data),
                    "Member organisations may give feedback from " + time(data, "opensAt") + " to "
                            + time(data, "closesAt") + ".",
                    "/guidance/windows?documentId=" + data.path("documentId").asText()
                            + "&versionId=" + data.path("versionId").asText());
            case "window-closed" -> new Text(
                    "Input window closed: " + version(data),
                    (data.path("closedEarly").asBoolean() ? "Closed early, with " : "Closed with ")
                            + counts(data) + ".",
                    "/guidance/windows?documentId=" + data.path("documentId").asText());
            case "feedback-submitted", "feedback-updated", "feedback-withdrawn" -> new Text(
                    "Feedback " + name.substring("feedback-".length()) + ": " + version(data),
                    "A " + words(data.path("visibility").asText()) + " item; the window now has " + counts(data) + ".",
                    "/guidance/windows?documentId=" + data.path("documentId").asText());
            case "dispositions-published" -> new Text(
                    "Dispositions published: " + version(data),
                    "The AI Office answered " + of(data.path("items").size(), "public item") + " and "
                            + StreamSupport.stream(data.path("confidential").spliterator(), false)
                            .mapToInt(c -> c.path("count").asInt()).sum() + " confidential ones.",
                    "/guidance/versions/" + data.path("versionId").asText() + "/overview");
            case "evidence-submitted" -> new Text(
                    "Evidence submitted: " + text(data, "title"),
                    capitalised(words(data.path("type").asText())) + " from "
                            + (data.path("organisationName").isTextual() ? text(data, "organisationName")
                            : "a " + words(data.path("submitterRole").asText()))
                            + (data.path("summary").isTextual() ? ": " + text(data, "summary") : "."),
                    "/guidance/evidence");
            default -> null;
        };
    }
}
