package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.contracts.EventTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

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
        Text text = MembershipFeedText.describe(name, data, label);
        if (text == null) {
            text = MeetingFeedText.describe(name, data, label);
        }
        if (text == null) {
            text = GuidanceFeedText.describe(name, data, label);
        }
        return text != null ? text : new Text(capitalised(words(name.replace('-', '_'))),
                "A register entry of type " + type + ".", null);
    }

    static String text(JsonNode data, String field) {
        JsonNode value = data.path(field);
        return value.isValueNode() && !value.isNull() ? clip(value.asText()) : "(not given)";
    }

    static String organisation(JsonNode data, String idField, Function<String, String> label) {
        return named(label.apply(data.path(idField).asText()), "an organisation");
    }

    static String meeting(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("meetingId").asText()), "a meeting");
    }

    static String request(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("requestId").asText()), "a meeting request");
    }

    static String group(JsonNode data, Function<String, String> label) {
        return named(label.apply(data.path("groupId").asText()), "an ad-hoc group");
    }

    /** An organisation stakeholder listed publicly by its name; a person never by theirs. */
    static String stakeholder(JsonNode data) {
        if ("ORGANISATION".equals(data.path("kind").asText()) && data.path("listedPublicly").asBoolean()
                && data.path("name").isTextual()) {
            return text(data, "name");
        }
        return "PERSON".equals(data.path("kind").asText()) ? "an invited expert" : "a stakeholder";
    }

    static String version(JsonNode data) {
        return text(data, "documentTitle") + ", version " + data.path("versionNumber").asInt();
    }

    static String counts(JsonNode data) {
        return data.path("publicItems").asInt() + " public and "
                + of(data.path("confidentialItems").asInt(), "confidential item");
    }

    /** "1 section", "2 sections". */
    static String of(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    static String named(String value, String otherwise) {
        return value == null ? otherwise : clip(value);
    }

    /** The day of an ISO-8601 time ("2026-03-12T09:00:00Z" -> "2026-03-12"). */
    static String day(JsonNode data, String field) {
        String value = data.path(field).asText("");
        return value.length() >= 10 ? value.substring(0, 10) : "(not given)";
    }

    /** An ISO-8601 time to the minute ("2026-03-12T09:00:00Z" -> "2026-03-12 09:00 UTC"). */
    static String time(JsonNode data, String field) {
        String value = data.path(field).asText("");
        return value.length() >= 16 && value.endsWith("Z") ? value.substring(0, 10) + " " + value.substring(11, 16)
                + " UTC" : value.isEmpty() ? "(not given)" : value;
    }

    static String titles(JsonNode items) {
        return values(items, "title").isEmpty() ? "no items" : String.join("; ", values(items, "title"));
    }

    static List<String> values(JsonNode array, String field) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.path(field).asText()));
        return values;
    }

    static String list(JsonNode array) {
        return list(values(array));
    }

    static List<String> values(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(item -> values.add(item.asText()));
        return values;
    }

    static String list(List<String> values) {
        return values.stream().map(v -> v.matches("[A-Z_]+") ? words(v) : v)
                .collect(Collectors.joining(", "));
    }

    static String clip(List<String> values) {
        return clip(String.join(", ", values));
    }

    /** "SAFETY_AND_SECURITY" -> "safety and security". */
    static String words(String constant) {
        return constant.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    static String clip(String text) {
        String single = text.replaceAll("\\s+", " ").strip();
        return single.length() <= MAX_TEXT ? single : single.substring(0, MAX_TEXT - 1) + "…";
    }
}
