package eu.taskforce.meeting;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.platform.testing.AuthorizationMatrixTestBase;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static eu.taskforce.platform.testing.AuthorizationMatrix.ANYONE_SIGNED_IN;
import static eu.taskforce.platform.testing.AuthorizationMatrix.cells;
import static eu.taskforce.platform.testing.AuthorizationMatrix.get;
import static eu.taskforce.platform.testing.AuthorizationMatrix.officeOnly;
import static eu.taskforce.platform.testing.AuthorizationMatrix.post;
import static eu.taskforce.platform.testing.AuthorizationMatrix.put;
import static eu.taskforce.platform.testing.Actors.ANONYMOUS;
import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.MEMBER_B;
import static eu.taskforce.platform.testing.Actors.OFFICE;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Who may call what: every operation of the API, called by anonymous, member A (on A's own request, invitation,
 * organisation), member B (on A's), the AI Office and a stakeholder, with real Keycloak tokens. The cells of one
 * operation run in the order written, the permitted caller last where the call changes state. Every refusal must be
 * a problem+json 401 or 403 (or 404 where existence is not revealed). All mismatches are reported together.
 */
@QuarkusTest
class AuthorizationMatrixTest extends AuthorizationMatrixTestBase {

    @Test
    void meetingsAgendasAndInvitations() {
        matrix.expect("GET /meetings", ANYONE_SIGNED_IN, get(MEETINGS));
        matrix.expect("POST /meetings", officeOnly(201), post(MEETINGS, meeting("PLENARY", inDays(60), "m")));
        String plenary = convene(meeting("PLENARY", inDays(61), "m"));
        matrix.expect("GET /meetings/{id}", ANYONE_SIGNED_IN, get(MEETINGS + "/" + plenary));
        matrix.expect("POST /meetings/{id}/reschedule", officeOnly(200), post(MEETINGS + "/" + plenary + "/reschedule",
                Map.of("startsAt", inDays(62).toString(), "endsAt", inDays(62).plusHours(1).toString())));
        matrix.expect("PUT /meetings/{id}/agenda", officeOnly(200), put(MEETINGS + "/" + plenary + "/agenda",
                Map.of("items", List.of(Map.of("title", "Item")))));
        matrix.expect("POST /meetings/{id}/agenda/publication", officeOnly(200),
                post(MEETINGS + "/" + plenary + "/agenda/publication", null));
        matrix.expect("GET /meetings/{id}/agenda", ANYONE_SIGNED_IN, get(MEETINGS + "/" + plenary + "/agenda"));
        matrix.expect("GET /meetings/{id}/invitations",
                ANYONE_SIGNED_IN, get(MEETINGS + "/" + plenary + "/invitations"));
        matrix.expect("POST /meetings/{id}/cancellation", officeOnly(200),
                post(MEETINGS + "/" + plenary + "/cancellation", Map.of("reason", "Matrix")));

        String adHoc = convene(meeting("AD_HOC_GROUP", inDays(63), "m"));
        matrix.expect("POST /meetings/{id}/invitations", officeOnly(201),
                post(MEETINGS + "/" + adHoc + "/invitations", Map.of("organisationId", ORG_A.toString())));
        String invitation = OFFICE.request().get(MEETINGS + "/" + adHoc + "/invitations").then().extract()
                .path("items[0].id");
        String path = MEETINGS + "/" + adHoc + "/invitations/" + invitation;
        matrix.expect("GET /meetings/{id}/invitations/{iid} (A's)",
                cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404, MEMBER_A, 200, OFFICE, 200), get(path));
        matrix.expect("PUT /meetings/{id}/invitations/{iid}/response (A's)",
                cells(ANONYMOUS, 401, MEMBER_B, 403, EXPERT, 403, OFFICE, 403, MEMBER_A, 200),
                put(path + "/response", Map.of("response", "ACCEPTED")));
        // the joining link: the invitee (A) and the AI Office see it; the non-invitees (B, the stakeholder) do not
        Map<Actors, Boolean> seesLink = Map.of(MEMBER_A, true, OFFICE, true, MEMBER_B, false, EXPERT, false);
        seesLink.forEach((actor, sees) -> {
            Object link = actor.request().get(MEETINGS + "/" + adHoc).then().statusCode(200).extract().path("joiningLink");
            matrix.check("joining link of an ad-hoc meeting as " + actor, (link != null) == sees, String.valueOf(link));
        });

        String began = convene(meeting("PLENARY", inDays(0).minusHours(1), "m"));
        matrix.expect("POST /meetings/{id}/held", officeOnly(200), post(MEETINGS + "/" + began + "/held",
                Map.of("attendingOrganisations", List.of(ORG_A.toString()))));
        // a stakeholder's meetings: the AI Office all, a stakeholder its own account's (none here), members nothing
        matrix.expect("GET /meetings/stakeholders/{sid}/history",
                cells(ANONYMOUS, 401, MEMBER_A, 403, MEMBER_B, 403, EXPERT, 200, OFFICE, 200),
                get(MEETINGS + "/stakeholders/" + UUID.randomUUID() + "/history"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void membersRequests() {
        String requests = MEETINGS + "/requests";
        Map<String, Object> body = Map.of("topic", "Matrix", "rationale", "Why");
        matrix.expect("GET /requests", cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_A, 200, MEMBER_B, 200, OFFICE, 200),
                get(requests));
        matrix.expect("POST /requests", cells(ANONYMOUS, 401, OFFICE, 403, EXPERT, 403, MEMBER_A, 201, MEMBER_B, 201),
                post(requests, body));
        String aOwn = MEMBER_A.request().body(body).post(requests).then().extract().path("id");
        matrix.expect("GET /requests/{id}",
                cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_A, 200, MEMBER_B, 200, OFFICE, 200),
                get(requests + "/" + aOwn));
        matrix.expect("POST /requests/{id}/supports (A's)",
                cells(ANONYMOUS, 401, OFFICE, 403, EXPERT, 403, MEMBER_A, 409, MEMBER_B, 200),
                post(requests + "/" + aOwn + "/supports", null));
        matrix.expect("POST /requests/{id}/withdrawal (A's)",
                cells(ANONYMOUS, 401, OFFICE, 403, EXPERT, 403, MEMBER_B, 403, MEMBER_A, 200),
                post(requests + "/" + aOwn + "/withdrawal", null));
        String toAccept = MEMBER_A.request().body(body).post(requests).then().extract().path("id");
        matrix.expect("POST /requests/{id}/acceptance", officeOnly(201),
                post(requests + "/" + toAccept + "/acceptance", meeting("AD_HOC_GROUP", inDays(64), "m")));
        String toDecline = MEMBER_B.request().body(body).post(requests).then().extract().path("id");
        matrix.expect("POST /requests/{id}/decline", officeOnly(200),
                post(requests + "/" + toDecline + "/decline", Map.of("reason", "Matrix")));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void minutesAndSummaries() {
        String id = convene(meeting("PLENARY", inDays(0).minusHours(2), "m"));
        Meetings.hold(id, List.of(ORG_A));
        String minutes = MEETINGS + "/" + id + "/minutes";
        matrix.expect("PUT /meetings/{id}/minutes", officeOnly(201), put(minutes, Map.of("text", "Minutes")));
        matrix.expect("POST /meetings/{id}/minutes/review", officeOnly(200), post(minutes + "/review", null));
        Map<Actors, Integer> attendees = cells(ANONYMOUS, 401, MEMBER_B, 403, EXPERT, 403, MEMBER_A, 200, OFFICE, 200);
        matrix.expect("GET /meetings/{id}/minutes", attendees, get(minutes));
        matrix.expect("POST /meetings/{id}/minutes/comments",
                cells(ANONYMOUS, 401, OFFICE, 403, EXPERT, 403, MEMBER_B, 403, MEMBER_A, 201),
                post(minutes + "/comments", Map.of("text", "Comment")));
        matrix.expect("GET /meetings/{id}/minutes/comments", attendees, get(minutes + "/comments"));
        matrix.expect("POST /meetings/{id}/minutes/approval", officeOnly(200), post(minutes + "/approval", null));
        String summary = MEETINGS + "/" + id + "/summary";
        matrix.expect("POST /meetings/{id}/summary", officeOnly(201), post(summary, Map.of("summary", "Summary",
                "confidentialAnnex", "Annex", "withheldParts", List.of(Map.of("title", "T", "reason", "SECURITY")))));
        matrix.expect("GET /meetings/{id}/summary", ANYONE_SIGNED_IN, get(summary));
        matrix.expect("GET /meetings/{id}/summary/annex", attendees, get(summary + "/annex"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void cadenceDecisionsCalendarsAndAudit() {
        matrix.expect("GET /cadence", ANYONE_SIGNED_IN, get(MEETINGS + "/cadence"));
        String decisions = MEETINGS + "/decisions";
        Map<String, Object> decision = Map.of("question", "Matrix?", "threshold", "SIMPLE_MAJORITY",
                "closesAt", inDays(3).toString());
        matrix.expect("GET /decisions", ANYONE_SIGNED_IN, get(decisions));
        matrix.expect("POST /decisions", officeOnly(201), post(decisions, decision));
        String id = OFFICE.request().body(decision).post(decisions).then().extract().path("id");
        matrix.expect("GET /decisions/{id}", ANYONE_SIGNED_IN, get(decisions + "/" + id));
        matrix.expect("PUT /decisions/{id}/votes/{A's organisation}",
                cells(ANONYMOUS, 401, OFFICE, 403, EXPERT, 403, MEMBER_B, 403, MEMBER_A, 200),
                put(decisions + "/" + id + "/votes/" + ORG_A, Map.of("choice", "YES")));
        matrix.expect("GET /decisions/{id}/votes",
                cells(ANONYMOUS, 401, EXPERT, 403, MEMBER_A, 200, MEMBER_B, 200, OFFICE, 200),
                get(decisions + "/" + id + "/votes"));

        String calendar = MEETINGS + "/calendar";
        matrix.expect("GET /calendar/public.ics", cells(ANONYMOUS, 200, MEMBER_A, 200, EXPERT, 200, OFFICE, 200),
                get(calendar + "/public.ics"));
        matrix.expect("POST /calendar/feeds",
                cells(ANONYMOUS, 401, MEMBER_A, 201, MEMBER_B, 201, EXPERT, 201, OFFICE, 201),
                post(calendar + "/feeds", null));
        matrix.expect("GET /calendar/feeds", ANYONE_SIGNED_IN, get(calendar + "/feeds"));
        String url = MEMBER_A.request().post(calendar + "/feeds").then().extract().path("url");
        String feedId = MEMBER_A.request().get(calendar + "/feeds").then().extract().path("id[-1]");
        // the token in the address is the credential: any caller that has the address reads it
        matrix.expect("GET /calendar/personal/{token}",
                cells(ANONYMOUS, 200, MEMBER_B, 200), actor -> actor.request().get(url));
        matrix.expect("GET /calendar/personal/{unknown token}", cells(ANONYMOUS, 404),
                get(calendar + "/personal/" + UUID.randomUUID() + ".ics"));
        matrix.expect("DELETE /calendar/feeds/{A's feed}",
                cells(ANONYMOUS, 401, MEMBER_B, 404, EXPERT, 404, MEMBER_A, 204),
                actor -> actor.request().delete(calendar + "/feeds/" + feedId));

        matrix.expect("GET /audit", officeOnly(200), get(MEETINGS + "/audit"));
        assertThat(matrix.mismatches()).isEmpty();
    }

    @Test
    void meetingPapers() {
        String meeting = convene(meeting("AD_HOC_GROUP", inDays(0).minusHours(1), "m"));
        OFFICE.request().body(Map.of("organisationId", ORG_A.toString())).post(MEETINGS + "/" + meeting + "/invitations")
                .then().statusCode(201);
        String papers = MEETINGS + "/" + meeting + "/papers";
        matrix.expect("POST /meetings/{id}/papers", officeOnly(201),
                post(papers, Map.of("title", "Matrix", "visibility", "PUBLIC")));
        String members = paper(papers, "MEMBERS");
        String attendees = paper(papers, "ATTENDEES");
        String everyone = paper(papers, "PUBLIC");
        byte[] pdf = "%PDF-1.7\nMatrix".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        matrix.expect("PUT /meetings/{id}/papers/{pid}/content", officeOnly(200),
                actor -> actor.request().contentType("application/pdf").body(pdf).put(members + "/content"));
        matrix.expect("POST /meetings/{id}/papers/{pid}/circulation", officeOnly(200),
                post(members + "/circulation", null));
        for (String paper : List.of(attendees, everyone)) {
            OFFICE.request().contentType("application/pdf").body(pdf).put(paper + "/content").then().statusCode(200);
            OFFICE.request().post(paper + "/circulation").then().statusCode(200);
        }
        matrix.expect("GET /meetings/{id}/papers", ANYONE_SIGNED_IN, get(papers));
        Map<Actors, Integer> membersOnly = cells(ANONYMOUS, 401, EXPERT, 404, MEMBER_A, 200, MEMBER_B, 200, OFFICE, 200);
        matrix.expect("GET /meetings/{id}/papers/{MEMBERS paper}", membersOnly, get(members));
        matrix.expect("GET /meetings/{id}/papers/{MEMBERS paper}/content", membersOnly, get(members + "/content"));
        // A's organisation is invited; B and the stakeholder are not
        Map<Actors, Integer> attendeesOnly = cells(ANONYMOUS, 401, EXPERT, 404, MEMBER_B, 404, MEMBER_A, 200, OFFICE, 200);
        matrix.expect("GET /meetings/{id}/papers/{ATTENDEES paper}", attendeesOnly, get(attendees));
        matrix.expect("GET /meetings/{id}/papers/{ATTENDEES paper}/content", attendeesOnly, get(attendees + "/content"));
        String publicPapers = MEETINGS + "/public-papers/";
        Map<Actors, Integer> nobody = cells(ANONYMOUS, 404, EXPERT, 404, MEMBER_A, 404, MEMBER_B, 404, OFFICE, 404);
        matrix.expect("GET /public-papers/{PUBLIC paper, meeting not held}", nobody,
                get(publicPapers + everyone.substring(everyone.lastIndexOf('/') + 1)));
        matrix.expect("GET /meetings/{id}/papers/{PUBLIC paper, meeting not held}", membersOnly, get(everyone));
        Meetings.hold(meeting, List.of(ORG_A));
        matrix.expect("GET /public-papers/{PUBLIC paper of a meeting held}",
                cells(ANONYMOUS, 200, EXPERT, 200, MEMBER_A, 200, MEMBER_B, 200, OFFICE, 200),
                get(publicPapers + everyone.substring(everyone.lastIndexOf('/') + 1)));
        matrix.expect("GET /meetings/{id}/papers/{PUBLIC paper of a meeting held}", ANYONE_SIGNED_IN, get(everyone));
        matrix.expect("GET /public-papers/{MEMBERS paper of a meeting held}", nobody,
                get(publicPapers + members.substring(members.lastIndexOf('/') + 1)));
        assertThat(matrix.mismatches()).isEmpty();
    }

    /** Adds a paper of this visibility as the AI Office; its path. */
    private static String paper(String papers, String visibility) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "Matrix " + visibility, "visibility", visibility));
        if (!visibility.equals("PUBLIC")) {
            body.put("withholdingReason", "SECURITY");
        }
        return papers + "/" + OFFICE.request().body(body).post(papers).then().statusCode(201).extract().path("id");
    }
}
