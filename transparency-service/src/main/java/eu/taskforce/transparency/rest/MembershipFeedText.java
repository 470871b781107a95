package eu.taskforce.transparency.rest;

import com.fasterxml.jackson.databind.JsonNode;
import eu.taskforce.transparency.rest.FeedText.Text;

import java.util.function.Function;

import static eu.taskforce.transparency.rest.FeedText.capitalised;
import static eu.taskforce.transparency.rest.FeedText.clip;
import static eu.taskforce.transparency.rest.FeedText.group;
import static eu.taskforce.transparency.rest.FeedText.list;
import static eu.taskforce.transparency.rest.FeedText.of;
import static eu.taskforce.transparency.rest.FeedText.organisation;
import static eu.taskforce.transparency.rest.FeedText.stakeholder;
import static eu.taskforce.transparency.rest.FeedText.text;
import static eu.taskforce.transparency.rest.FeedText.words;

/** The feed's words for membership events: signatories, memberships, representatives, stakeholders, groups. */
final class MembershipFeedText {

    private MembershipFeedText() {
    }

    /** The words of an entry of this family, or null when {@code name} is not one of its events. */
    static Text describe(String name, JsonNode data, Function<String, String> label) {
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
            case "vademecum-published" -> new Text(
                    "Vademecum published: edition " + text(data, "number"),
                    "Edition " + text(data, "number") + " of the Taskforce Vademecum, published on "
                            + text(data, "publishedOn") + ", with " + of(data.path("sections").size(), "section")
                            + " and the " + of(data.path("participants").size(), "participating organisation")
                            + " of that day.",
                    data.path("number").isInt() ? "/vademecum/editions/" + data.path("number").asInt()
                            : "/vademecum/editions");
            // never named here: a stakeholder is shown with the group only while it is listed publicly
            case "ad-hoc-group-stakeholder-added", "ad-hoc-group-stakeholder-removed" -> new Text(
                    "Ad-hoc group " + (name.endsWith("added") ? "joined" : "left") + ": " + group(data, label),
                    "A stakeholder or expert " + (name.endsWith("added") ? "joined" : "left") + " the ad-hoc group "
                            + group(data, label) + ".", "/ad-hoc-groups");
            default -> null;
        };
    }
}
