package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.contracts.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What a register entry says in words, for the Atom feed: a title ("Meeting convened: Plenary on 2026-03-12"), a
 * summary, and the public resource of the register it is about.
 * <p>
 * Only named fields of each event type are used, never the entry as a whole: a person's name (or its commitment) is
 * never written, so the feed has nothing to forget when a name is withdrawn or erased. Organisations' names, meeting
 * titles and the other texts written for the public are used as the log holds them. An entry of a type the contracts do not know
 * (for example a v1 profile, whose names travelled in clear) gets a title from its type and no text from its data.
 */
final class FeedText {

    /** A text of the feed is at most this long; longer ones are cut with an ellipsis. */
    static final int MAX_TEXT = 200;

    /**
     * @param title   what happened, to what
     * @param summary one or two sentences more
     * @param related the path of the public resource it is about (under {@code /api/v1/public}); null when the log
     *                entry is the only public record of it (a meeting request not declined)
     */
    record Text(String title, String summary, String related) {
    }

    private FeedText() {
    }

    /**
     * @param type  the CloudEvents type of the entry
     * @param data  the entry's data
     * @param label the public label of an aggregate by id (an organisation's or ad-hoc group's name, a meeting's
     *              title, a meeting request's topic), or null when the register does not know it
     */
    static Text describe(String type, JsonNode data, Function<String, String> label) {
        String[] parts = type.split("\\.");
        String name = parts.length >= 4 ? parts[parts.length - 2] : type;
        if (EventTypes.byType(type).isEmpty()) {
            // a type the contracts no longer (or do not yet) know, such as a v1 profile with a name in clear
            return new Text(capitalised(words(name.replace('-', '_'))), "A register entry of type " + type + ".",
                    null);
        }
        return switch (name) {
            case "signatory-registered" -> new Text(
                    "Signatory registered: " + text(data, "name"),
                    text(data, "name") + " signed the Code of Practice on " + text(data, "signedOn")
                            + " (chapters: " + list(data.path("chapters")) + ").",
                    "/signatories");
            case "signatory-updated" -> new Text(
                    "Signatory updated: " + text(data, "name"),
                    text(data, "name") + " has signed, from " + text(data, "effectiveOn") + ", the chapters "
                            + list(data.path("chapters")) + ".",
                    "/signatories");
            case "signature-withdrawn" -> new Text(
                    "Signature withdrawn: " + organisation(data, "signatoryId", label),
                    organisation(data, "signatoryId", label) + " withdrew its signature of the Code of Practice on "
                            + text(data, "withdrawnOn") + ".",
                    "/signatories");
            case "membership-started" -> new Text(
                    "Membership started: " + text(data, "organisationName"),
                    text(data, "organisationName") + " joined the Signatory Taskforce on " + text(data, "joinedOn") + ".",
                    "/membership-periods");
            case "membership-ended" -> new Text(
                    "Membership ended: " + organisation(data, "signatoryId", label),
                    organisation(data, "signatoryId", label) + " left the Signatory Taskforce on "
                            + text(data, "leftOn") + " (" + words(data.path("reason").asText()) + ").",
                    "/membership-periods");
            case "representative-appointed", "representative-updated" -> new Text(
                    "Representative " + (name.endsWith("appointed") ? "appointed" : "updated") + ": "
                            + organisation(data, "organisationId", label),
                    "A " + words(data.path("role").asText()) + " representative of "
                            + organisation(data, "organisationId", label) + (data.path("publicName").isObject()
                            ? "; the name is listed while the person consents to it." : "; the name is not published."),
                    "/participants");
            case "representative-removed" -> new Text(
                    "Representative removed: " + organisation(data, "organisationId", label),
                    "A representative of " + organisation(data, "organisationId", label) + " no longer represents it.",
                    "/participants");
            case "representative-erased" -> new Text(
                    "Personal data erased: a representative of " + organisation(data, "organisationId", label),
                    "Every published value about the person is gone for good ("
                            + of(data.path("commitments").size(), "commitment") + " withdrawn).",
                    "/register/withdrawals");
            case "stakeholder-registered", "stakeholder-updated" -> new Text(
                    "Stakeholder " + (name.endsWith("registered") ? "registered" : "updated") + ": "
                            + stakeholder(data),
                    data.path("listedPublicly").asBoolean()
                            ? "Listed publicly with its consent." : "Not listed publicly.",
                    "/stakeholders");
            case "stakeholder-removed" -> new Text("Stakeholder removed",
                    "A stakeholder or invited expert was removed from the Taskforce's list.", "/stakeholders");
            case "stakeholder-erased" -> new Text("Personal data erased: a stakeholder",
                    "Every published value about the person is gone for good ("
                            + of(data.path("commitments").size(), "commitment") + " withdrawn).",
                    "/register/withdrawals");
            case "personal-data-withdrawn" -> new Text(
                    "Personal data withdrawn: a " + words(data.path("subject").asText())
                            + (data.path("organisationId").isTextual()
                            ? " of " + organisation(data, "organisationId", label) : ""),
                    capitalised(words(data.path("reason").asText())) + ": "
                            + of(data.path("commitments").size(), "published value") + " no longer shown.",
                    "/register/withdrawals");
            case "ad-hoc-group-created" -> new Text(
                    "Ad-hoc group created: " + text(data, "name"), data.path("description").isTextual()
                    && !data.path("description").asText().isBlank() ? clip(data.path("description").asText())
                    : "A new ad-hoc group of the Taskforce.",
                    "/ad-hoc-groups");
            case "ad-hoc-group-participant-added", "ad-hoc-group-participant-removed" -> new Text(
                    "Ad-hoc group " + (name.endsWith("added") ? "joined" : "left") + ": " + group(data, label),
                    text(data, "organisationName") + (name.endsWith("added") ? " joined" : " left")
                            + " the ad-hoc group " + group(data, label) + ".",
                    "/ad-hoc-groups");
            case "meeting-request-filed" -> new Text(
                    "Meeting requested: " + text(data, "topic"),
                    text(data, "organisationName") + " asked for a meeting on " + text(data, "topic") + ".", null);
            case "meeting-request-supported" -> new Text(
                    "Meeting request supported: " + request(data, label),
                    text(data, "organisationName") + " supports the request; "
                            + of(data.path("supporters").asInt(), "organisation") + " in all.", null);
            case "meeting-request-withdrawn" -> new Text(
                    "Meeting request withdrawn: " + request(data, label), "The request was withdrawn.", null);
            case "meeting-request-accepted" -> new Text(
                    "Meeting request accepted: " + request(data, label),
                    "The AI Office convenes the meeting " + meeting(data, label) + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "meeting-request-declined" -> new Text(
                    "Meeting request declined: " + request(data, label),
                    "Reason given by the AI Office: " + text(data, "reason"), "/meetings/requests/declined");
            case "meeting-convened" -> new Text(
                    "Meeting convened: " + text(data, "title") + " on " + day(data, "startsAt"),
                    capitalised(words(data.path("kind").asText())) + " meeting, " + words(data.path("format").asText())
                            + (data.path("location").isTextual() ? ", " + text(data, "location") : "")
                            + ", from " + time(data, "startsAt") + " to " + time(data, "endsAt") + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "agenda-published" -> new Text(
                    "Agenda published: " + meeting(data, label),
                    "Revision " + data.path("revision").asInt() + ": " + clip(titles(data.path("items"))) + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "meeting-rescheduled" -> new Text(
                    "Meeting rescheduled: " + meeting(data, label) + " to " + day(data, "startsAt"),
                    "Moved from " + time(data, "previousStartsAt") + " to " + time(data, "startsAt")
                            + (data.path("reason").isTextual() ? ". Reason: " + text(data, "reason") : "") + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "meeting-cancelled" -> new Text(
                    "Meeting cancelled: " + meeting(data, label),
                    data.path("reason").isTextual() ? "Reason: " + text(data, "reason") : "Cancelled.",
                    "/meetings/" + data.path("meetingId").asText());
            case "meeting-held" -> new Text(
                    "Meeting held: " + text(data, "title") + " on " + day(data, "startsAt"),
                    of(data.path("attendance").size(), "organisation") + " attended"
                            + (data.path("attendance").isEmpty() ? ""
                            : " (" + clip(values(data.path("attendance"), "organisationName")) + ")")
                            + ", and " + of(data.path("individualAttendees").asInt(), "individual attendee") + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "summary-published" -> new Text(
                    "Summary published: " + meeting(data, label),
                    "The public summary of the meeting is published"
                            + (data.path("withheldParts").isEmpty() ? "." : "; parts withheld: "
                            + data.path("withheldParts").size() + " ("
                            + list(values(data.path("withheldParts"), "reason")) + ")."),
                    "/meetings/" + data.path("meetingId").asText());
            case "summary-overdue" -> new Text(
                    "Summary overdue: " + meeting(data, label),
                    "Held on " + text(data, "heldOn") + "; its summary was due on " + text(data, "dueOn") + ".",
                    "/meetings/" + data.path("meetingId").asText());
            case "cadence-warning" -> new Text(
                    "Plenary due by " + text(data, "deadline"),
                    "The last plenary was held on " + text(data, "lastHeldOn") + "; none is scheduled before the "
                            + "deadline, " + of((int) data.path("daysLeft").asLong(), "day") + " away.",
                    "/meetings/cadence");
            case "decision-opened" -> new Text(
                    "Decision opened: " + text(data, "question"),
                    words(data.path("threshold").asText()) + "; voting closes at " + time(data, "closesAt") + ".",
                    "/meetings/decisions");
            case "decision-closed" -> new Text(
                    "Decision " + words(data.path("result").asText()) + ": " + text(data, "question"),
                    data.path("yes").asInt() + " yes, " + data.path("no").asInt() + " no, "
                            + data.path("abstain").asInt() + " abstentions ("
                            + words(data.path("threshold").asText()) + ").",
                    "/meetings/decisions");
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
            default -> new Text(capitalised(words(name.replace('-', '_'))),
                    "A register entry of type " + type + ".", null);
        };
    }

    private static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() ? clip(value.asText()) : "(not given)";
    }

    private static String organisation(JsonNode data, String idField, Function<String, String> label) {
        return named(label.apply(data.path(idField).asText()), "an organisation");
    }

    private static String meeting(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("meetingId").asText()), "a meeting");
    }

    private static String request(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("requestId").asText()), "a meeting request");
    }

    private static String group(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("groupId").asText()), "an ad-hoc group");
    }

    /** An organisation stakeholder listed publicly by its name; a person never by theirs. */
    private static String stakeholder(JsonNode data) {
        if ("ORGANISATION".equals(data.path("kind").asText()) && data.path("listedPublicly").asBoolean()
                && data.path("name").isTextual()) {
            return text(data, "name");
        }
        return "PERSON".equals(data.path("kind").asText()) ? "an invited expert" : "a stakeholder";
    }

    private static String version(JsonNode data) {
        return text(data, "documentTitle") + ", version " + data.path("versionNumber").asInt();
    }

    private static String counts(JsonNode data) {
        return data.path("publicItems").asInt() + " public and "
                + of(data.path("confidentialItems").asInt(), "confidential item");
    }

    /** "1 section", "2 sections". */
    private static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    private static String named(String value, String otherwise) {
        return value == null ? otherwise : clip(value);
    }

    /** The day of an ISO-8601 time ("2026-03-12T09:00:00Z" -> "2026-03-12"). */
    private static String day(JsonNode data, String field) {
        String value = data.path(field).asText("");
        return value.length() >= 10 ? value.substring(0, 10) : "(not given)";
    }

    /** An ISO-8601 time to the minute ("2026-03-12T09:00:00Z" -> "2026-03-12 09:00 UTC"). */
    private static String time(JsonNode data, String field) {
        String value = data.path(field).asText("");
        return value.length() >= 16 && value.endsWith("Z") ? value.substring(0, 10) + " " + value.substring(11, 16)
                + " UTC" : value.isEmpty() ? "(not given)" : value;
    }

    private static String titles(JsonNode items) {
        return values(items, "title").isEmpty() ? "no items" : String.join("; ", values(items, "title"));
    }

    private static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    private static String list(JsonNode array) {
        return list(values(array));
    }

    private static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    private static String list(List<String> values) {
        return values.stream().map(v -> v.matches("[A-Z_]+") ? words(v) : v)
                .collect(Collectors.joining(", "));
    }

    private static String clip(List<String> values) {
        return clip(String.join(", ", values));
    }

    /** "SAFETY_AND_SECURITY" -> "safety and security". */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String clip(String text) {
        String single = text.replaceAll("\\s+", " ").strip();
        return single.length() <= MAX_TEXT ? single : single.substring(0, MAX_TEXT - 1) + "…";
    }
}
