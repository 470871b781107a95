package eu.taskforce.meeting;

import eu.taskforce.contracts.Topics;
import eu.taskforce.platform.testing.Actors;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.meetings.CadenceWarning;
import eu.taskforce.meeting.service.CadenceService;
import eu.taskforce.platform.testing.CurrentMembersTest;
import eu.taskforce.platform.testing.ServiceEvents;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static eu.taskforce.platform.testing.Actors.EXPERT;
import static eu.taskforce.platform.testing.Actors.MEMBER_A;
import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.meeting.Meetings.MEETINGS;
import static eu.taskforce.meeting.Meetings.convene;
import static eu.taskforce.meeting.Meetings.inDays;
import static eu.taskforce.meeting.Meetings.meeting;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * The yearly cadence and the overdue summaries. The cadence is a fact about all meetings, so each test starts from a
 * meeting table emptied of what other tests left in {@code meeting_test}.
 */
@QuarkusTest
class CadenceTest extends CurrentMembersTest {

    static final String CADENCE = MEETINGS + "/cadence";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @ConfigProperty(name = "taskforce.kafka.topic-prefix")
    String topicPrefix;

    @Inject
    EntityManager entityManager;

    @Inject
    CadenceService cadence;

    @BeforeEach
    void emptyMeetings() {
        QuarkusTransaction.requiringNew().run(() -> {
            for (String table : List.of("meeting_request", "decision", "meeting_paper", "meeting", "cadence_warning")) {
                if (exists(table)) {
                    entityManager.createNativeQuery("delete from " + table).executeUpdate();
                }
            }
        });
    }

    @Test
    void theDeadlineIsAYearAfterTheLastPlenaryHeldAndTheWarningGoesOutOncePerDeadline() {
        MEMBER_A.request().get(CADENCE).then().statusCode(200)
                .body("lastHeldOn", equalTo("2026-01-30")).body("lastMeetingId", nullValue())
                .body("deadline", equalTo("2027-01-30"));

        var startsAt = inDays(-200);
        String held = convene(meeting("PLENARY", startsAt, "cadence"));
        Meetings.hold(held, List.of(ORG_A));
        // an ad-hoc group's meeting held later does not count: the Taskforce itself meets in plenary
        String adHoc = convene(meeting("AD_HOC_GROUP", inDays(-10), "cadence"));
        Meetings.hold(adHoc, List.of());
        LocalDate heldOn = startsAt.atZoneSameInstant(ZoneId.of("Europe/Brussels")).toLocalDate();
        LocalDate deadline = heldOn.plusYears(1);
        EXPERT.request().get(CADENCE).then().statusCode(200)
                .body("lastHeldOn", equalTo(heldOn.toString())).body("lastMeetingId", equalTo(held))
                .body("deadline", equalTo(deadline.toString())).body("nextScheduled", nullValue())
                .body("atRisk", equalTo(false)).body("warningWindowDays", equalTo(60));

        // 45 days before the deadline, with no plenary scheduled: at risk
        OffsetDateTime soon = deadline.minusDays(45).atTime(12, 0).atOffset(ZoneOffset.UTC);
        assertThat(cadence.cadence(soon).daysLeft()).isEqualTo(45);
        assertThat(cadence.check(soon).cadenceWarned()).isTrue();
        assertThat(cadence.check(soon.plusDays(1)).cadenceWarned()).as("once per deadline").isFalse();
        assertThat(warningsFor(deadline)).isEqualTo(1);

        // a plenary scheduled after the deadline does not help; one before it does
        String tooLate = convene(meeting("PLENARY", soon.plusDays(60), "cadence"));
        assertThat(cadence.cadence(soon).atRisk()).isTrue();
        assertThat(cadence.cadence(soon).nextScheduled().id.toString()).isEqualTo(tooLate);
        Actors.OFFICE.request().body(Map.of("reason", "Moved earlier")).post(MEETINGS + "/" + tooLate + "/cancellation")
                .then().statusCode(200);
        String inTime = convene(meeting("PLENARY", soon.plusDays(20), "cadence"));
        CadenceService.Cadence covered = cadence.cadence(soon);
        assertThat(covered.atRisk()).isFalse();
        assertThat(covered.nextScheduledBeforeDeadline()).isTrue();
        assertThat(covered.nextScheduled().id.toString()).isEqualTo(inTime);
        MEMBER_A.request().get(CADENCE).then().body("nextScheduled.meetingId", equalTo(inTime));

        // this run's warning (the topic keeps earlier runs' ones): about this run's plenary, sent once
        String thisRun = "\"lastMeetingId\":\"" + held + "\"";
        List<ConsumerRecord<String, String>> warnings = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(CadenceWarning.SUBJECT.toString()),
                r -> r.stream().anyMatch(w -> w.value().contains(thisRun)));
        assertThat(warnings.stream().filter(w -> w.value().contains(thisRun))).hasSize(1).allSatisfy(w -> {
            assertThat(ServiceEvents.type(w)).isEqualTo(EventTypes.CADENCE_WARNING.type());
            assertThat(w.value()).contains("\"deadline\":\"" + deadline + "\"").contains("\"daysLeft\":45");
        });
    }

    @Test
    void aSummaryNotPublishedInTimeIsFlaggedOnce() {
        String late = convene(meeting("PLENARY", inDays(-40), "overdue"));
        Meetings.hold(late, List.of(ORG_A));
        String recent = convene(meeting("PLENARY", inDays(-5), "overdue"));
        Meetings.hold(recent, List.of(ORG_A));
        MEMBER_A.request().get(MEETINGS + "/" + late).then().body("summaryOverdue", equalTo(true));
        MEMBER_A.request().get(MEETINGS + "/" + recent).then().body("summaryOverdue", equalTo(false));
        MEMBER_A.request().get(CADENCE).then().statusCode(200)
                .body("overdueSummaries.meetingId", hasItem(late))
                .body("overdueSummaries.meetingId", not(hasItem(recent)));

        assertThat(cadence.check(Timestamps.now()).summariesFlagged()).isEqualTo(1);
        assertThat(cadence.check(Timestamps.now()).summariesFlagged()).as("once per meeting").isZero();
        List<ConsumerRecord<String, String>> events = ServiceEvents.await(bootstrapServers,
                topicPrefix + Topics.MEETINGS, Set.of(late), r -> r.size() >= 3);
        assertThat(ServiceEvents.types(events)).containsExactly(EventTypes.MEETING_CONVENED.type(),
                EventTypes.MEETING_HELD.type(), EventTypes.SUMMARY_OVERDUE.type());
    }

    boolean exists(String table) {
        return ((Number) entityManager.createNativeQuery("select count(*) from information_schema.tables"
                + " where table_schema = current_schema() and table_name = :t").setParameter("t", table)
                .getSingleResult()).longValue() > 0;
    }

    long warningsFor(LocalDate deadline) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                "select count(*) from cadence_warning where deadline = :d").setParameter("d", deadline)
                .getSingleResult()).longValue());
    }
}
