package eu.taskforce.transparency.query;

import eu.taskforce.transparency.query.RegisterDtos.AdHocGroup;
import eu.taskforce.transparency.query.RegisterDtos.Decision;
import eu.taskforce.transparency.query.RegisterDtos.DeclinedRequest;
import eu.taskforce.transparency.query.RegisterDtos.Disclosure;
import eu.taskforce.transparency.query.RegisterDtos.Evidence;
import eu.taskforce.transparency.query.RegisterDtos.GuidanceDocument;
import eu.taskforce.transparency.query.RegisterDtos.InputWindow;
import eu.taskforce.transparency.query.RegisterDtos.Meeting;
import eu.taskforce.transparency.query.RegisterDtos.MeetingPaper;
import eu.taskforce.transparency.query.RegisterDtos.MembershipPeriod;
import eu.taskforce.transparency.query.RegisterDtos.Participant;
import eu.taskforce.transparency.query.RegisterDtos.PublicFeedback;
import eu.taskforce.transparency.query.RegisterDtos.Signatory;
import eu.taskforce.transparency.query.RegisterDtos.Stakeholder;
import eu.taskforce.transparency.query.RegisterDtos.Withdrawal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/**
 * What a JSON page of each public list looks like, for the OpenAPI document (the answers themselves are the platform's
 * {@code Page}). The OpenAPI scan reads this class before {@link RegisterDtos}, as it read the resources that declared
 * these pages before: the item schemas keep their member order in the document.
 */
public final class Pages {

    private Pages() {
    }

    @Schema(name = "DisclosurePage")
    public record DisclosurePage(List<Disclosure> items, String nextCursor) {
    }

    @Schema(name = "WithdrawalPage")
    public record WithdrawalPage(List<Withdrawal> items, String nextCursor) {
    }

    @Schema(name = "GuidanceDocumentPage")
    public record DocumentPage(List<GuidanceDocument> items, String nextCursor) {
    }

    @Schema(name = "InputWindowPage")
    public record WindowPage(List<InputWindow> items, String nextCursor) {
    }

    @Schema(name = "PublicFeedbackPage")
    public record FeedbackPage(List<PublicFeedback> items, String nextCursor) {
    }

    @Schema(name = "PublicEvidencePage")
    public record EvidencePage(List<Evidence> items, String nextCursor) {
    }

    @Schema(name = "MeetingPage")
    public record MeetingPage(List<Meeting> items, String nextCursor) {
    }

    @Schema(name = "DeclinedRequestPage")
    public record DeclinedRequestPage(List<DeclinedRequest> items, String nextCursor) {
    }

    @Schema(name = "DecisionPage")
    public record DecisionPage(List<Decision> items, String nextCursor) {
    }

    @Schema(name = "ParticipantPage")
    public record ParticipantPage(List<Participant> items, String nextCursor) {
    }

    @Schema(name = "MembershipPeriodPage")
    public record MembershipPeriodPage(List<MembershipPeriod> items, String nextCursor) {
    }

    @Schema(name = "SignatoryPage")
    public record SignatoryPage(List<Signatory> items, String nextCursor) {
    }

    @Schema(name = "StakeholderPage")
    public record StakeholderPage(List<Stakeholder> items, String nextCursor) {
    }

    @Schema(name = "AdHocGroupPage")
    public record AdHocGroupPage(List<AdHocGroup> items, String nextCursor) {
    }

    @Schema(name = "MeetingPaperPage")
    public record MeetingPaperPage(List<MeetingPaper> items, String nextCursor) {
    }

    @Schema(name = "PublicVademecumEditionPage")
    public record VademecumEditionPage(List<RegisterDtos.VademecumEditionSummary> items, String nextCursor) {
    }
}
