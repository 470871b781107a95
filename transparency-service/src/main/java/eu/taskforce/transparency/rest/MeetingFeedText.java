package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.transparency.rest.FeedText.Text;

import java.util.function.Function;

import static eu.taskforce.transparency.rest.FeedText.capitalised;
import static eu.taskforce.transparency.rest.FeedText.clip;
import static eu.taskforce.transparency.rest.FeedText.day;
import static eu.taskforce.transparency.rest.FeedText.list;
import static eu.taskforce.transparency.rest.FeedText.meeting;
import static eu.taskforce.transparency.rest.FeedText.of;
import static eu.taskforce.transparency.rest.FeedText.request;
import static eu.taskforce.transparency.rest.FeedText.text;
import static eu.taskforce.transparency.rest.FeedText.time;
import static eu.taskforce.transparency.rest.FeedText.titles;
import static eu.taskforce.transparency.rest.FeedText.values;
import static eu.taskforce.transparency.rest.FeedText.words;

/** The feed's words for meeting events: requests, meetings, agendas, summaries, cadence, decisions. */
final class MeetingFeedText {

    private MeetingFeedText() {
    }

    /** The words of an entry of this family, or null when {@code name} is not one of its events. */
    static Text describe(String name, JsonNode data, Function<String, String> label) {
        return switch (name) {
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
            case "paper-circulated" -> new Text(
                    "Paper circulated: " + text(data, "title"),
                    "A paper of " + meeting(data, label)
                            + ("PUBLIC".equals(data.path("visibility").asText()) ? ", public once the meeting is held"
                            : ", not public" + (data.path("withholdingReason").isTextual()
                            ? " (" + words(data.path("withholdingReason").asText()) + ")" : ""))
                            + (data.path("late").asBoolean() ? "; circulated late, after " + text(data, "dueOn") : "")
                            + ".",
                    "/meetings/" + data.path("meetingId").asText() + "/papers");
            default -> null;
        };
    }
}
