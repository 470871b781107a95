package eu.taskforce.meeting;

import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.MembershipEnded;
import eu.taskforce.meeting.domain.CalendarFeed;
import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

/** The iCalendar feeds, read as a calendar client would and parsed back with ical4j. */
@QuarkusTest
class CalendarTest extends CurrentMembersTest {

    static final String CALENDAR = MEETINGS + "/calendar";
    static final DateTimeFormatter ICS_UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'");

    @Inject
    EntityManager entityManager;

    @Test
    void thePublicCalendarListsMeetingsToComeWithPublicFieldsOnly() throws Exception {
        String marker = "public-" + UUID.randomUUID();
        OffsetDateTime startsAt = inDays(12);
        Map<String, Object> body = meeting("PLENARY", startsAt, marker);
        String id = convene(body);
        OFFICE.request().body(Map.of("items", List.of(Map.of("title", "Serious incident reporting",
                "codeReferences", List.of("SAFETY_AND_SECURITY-9"))))).put(MEETINGS + "/" + id + "/agenda")
                .then().statusCode(200);
        OFFICE.request().post(MEETINGS + "/" + id + "/agenda/publication").then().statusCode(200);
        String cancelled = convene(meeting("STAKEHOLDER_SESSION", inDays(13), marker));
        OFFICE.request().body(Map.of("reason", "Speakers unavailable"))
                .post(MEETINGS + "/" + cancelled + "/cancellation").then().statusCode(200);

        ExtractableResponse<Response> response = ANONYMOUS.request().get(CALENDAR + "/public.ics").then()
                .statusCode(200).contentType(startsWith("text/calendar")).extract();
        String ics = response.asString();
        assertThat(ics).doesNotContain(marker);
        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        assertThat(value(calendar.getProperty(Property.VERSION))).isEqualTo("2.0");
        VEvent event = event(calendar, id).orElseThrow();
        assertThat(value(event.getProperty(Property.SUMMARY))).isEqualTo(body.get("title"));
        assertThat(value(event.getProperty(Property.DTSTART)))
                .isEqualTo(ICS_UTC.format(startsAt.withOffsetSameInstant(ZoneOffset.UTC)));
        assertThat(value(event.getProperty(Property.LOCATION))).isEqualTo("Brussels, BERL building");
        assertThat(value(event.getProperty(Property.STATUS))).isEqualTo("CONFIRMED");
        assertThat(value(event.getProperty(Property.DESCRIPTION))).contains("1. Serious incident reporting");
        assertThat(event.getProperty(Property.URL)).isEmpty();
        assertThat(value(event(calendar, cancelled).orElseThrow().getProperty(Property.STATUS))).isEqualTo("CANCELLED");
    }

    @Test
    void aPersonalFeedCarriesTheJoiningLinksOfItsOwnersInvitationsAndStopsWhenRevoked() throws Exception {
        String marker = "personal-" + UUID.randomUUID();
        String plenary = convene(meeting("PLENARY", inDays(14), marker));
        String adHoc = convene(meeting("AD_HOC_GROUP", inDays(15), marker + "-adhoc"));
        OFFICE.request().body(Map.of("username", "expert")).post(MEETINGS + "/" + adHoc + "/invitations")
                .then().statusCode(201);

        ANONYMOUS.request().post(CALENDAR + "/feeds").then().statusCode(401).contentType("application/problem+json");
        ExtractableResponse<Response> created = MEMBER_A.request().post(CALENDAR + "/feeds").then().statusCode(201)
                .body("organisationId", equalTo(ORG_A.toString())).extract();
        String url = created.path("url");
        String feedId = created.path("id");
        assertThat(url).endsWith(".ics").contains((String) created.path("token"));
        assertThat(created.header("Location")).isEqualTo(url);

        // read without any token, as a calendar client does
        Calendar mine = new CalendarBuilder().build(new StringReader(
                ANONYMOUS.request().get(url).then().statusCode(200).extract().asString()));
        VEvent event = event(mine, plenary).orElseThrow();
        assertThat(value(event.getProperty(Property.URL))).isEqualTo("https://meet.example.eu/j/" + marker);
        assertThat(value(event.getProperty(Property.DESCRIPTION))).contains("Join: https://meet.example.eu/j/" + marker);
        assertThat(event(mine, adHoc)).as("member A is not invited to the ad-hoc meeting").isEmpty();

        String expertUrl = EXPERT.request().post(CALENDAR + "/feeds").then().statusCode(201).extract().path("url");
        Calendar experts = new CalendarBuilder().build(new StringReader(
                ANONYMOUS.request().get(expertUrl).then().statusCode(200).extract().asString()));
        assertThat(value(event(experts, adHoc).orElseThrow().getProperty(Property.URL))).endsWith(marker + "-adhoc");
        assertThat(event(experts, plenary)).as("the expert is not invited to the plenary").isEmpty();

        // the feed list never shows tokens; only the owner or the AI Office revokes
        MEMBER_A.request().get(CALENDAR + "/feeds").then().statusCode(200)
                .body("id", hasItem(feedId)).body("token", not(hasItem(org.hamcrest.Matchers.notNullValue())));
        MEMBER_B.request().get(CALENDAR + "/feeds").then().statusCode(200).body("id", not(hasItem(feedId)));
        MEMBER_B.request().delete(CALENDAR + "/feeds/" + feedId).then().statusCode(404);
        MEMBER_A.request().delete(CALENDAR + "/feeds/" + feedId).then().statusCode(204);
        ANONYMOUS.request().get(url).then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("revoked"));
        MEMBER_A.request().delete(CALENDAR + "/feeds/" + feedId).then().statusCode(404);
        ANONYMOUS.request().get(CALENDAR + "/personal/" + "x".repeat(43) + ".ics").then().statusCode(404);
        OFFICE.request().get(CALENDAR + "/feeds").then().statusCode(200).body("id", not(hasItem(feedId)))
                .body("token", not(hasItem(org.hamcrest.Matchers.notNullValue())));
    }

    @Test
    void theFeedsOfAnOrganisationThatLeavesAreRevoked() throws Exception {
        UUID organisation = UUID.randomUUID();
        feed.member(organisation, "Leaving AI");
        // a representative's feed (the demo accounts all belong to organisations that stay)
        String token = "leaving-" + UUID.randomUUID();
        String tokenHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        QuarkusTransaction.requiringNew().run(() -> {
            CalendarFeed representatives = new CalendarFeed();
            representatives.id = UUID.randomUUID();
            representatives.tokenHash = tokenHash;
            representatives.subject = UUID.randomUUID().toString();
            representatives.username = "leaving-representative";
            representatives.organisationId = organisation;
            representatives.createdAt = OffsetDateTime.now();
            representatives.persist();
        });
        String url = CALENDAR + "/personal/" + token + ".ics";
        ANONYMOUS.request().get(url).then().statusCode(200);

        UUID membership = QuarkusTransaction.requiringNew().call(() -> (UUID) entityManager.createNativeQuery(
                "select membership_id from member_organisation where id = :id").setParameter("id", organisation)
                .getSingleResult());
        feed.send(UUID.randomUUID().toString(), EventTypes.MEMBERSHIP_ENDED, organisation,
                new MembershipEnded(organisation, membership, LocalDate.now(ZoneOffset.UTC), MembershipEnded.Reason.LEFT));
        feed.awaitMember(organisation, false);
        ANONYMOUS.request().get(url).then().statusCode(404).contentType("application/problem+json");
    }

    static Optional<VEvent> event(Calendar calendar, String meetingId) {
        return calendar.<VEvent>getComponents(Component.VEVENT).stream()
                .filter(e -> value(e.getProperty(Property.UID)).startsWith(meetingId + "@")).findFirst();
    }

    static String value(Optional<? extends Property> property) {
        return property.map(Property::getValue).orElse(null);
    }
}
