package eu.taskforce.notification.mail;

import eu.taskforce.notification.service.MailDigests;
import eu.taskforce.notification.service.MailDispatcher;
import eu.taskforce.notification.service.MailPersonalData;
import eu.taskforce.platform.testing.MembershipFeed;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.awaitility.Awaitility.await;

/**
 * The base of the e-mail tests: a feed to play the other services' events, the people membership-service names (a
 * unique address each, so that the tests never read each other's e-mails), and the dispatcher and digests run by the
 * test, with the time it sets.
 */
@QuarkusTestResource(MailTestResource.class)
abstract class MailScenario {

    /** The demo account member-a, whose preferences the tests also change through the API. */
    static final String ACCOUNT_A = "member-a";

    @Inject
    MailDispatcher dispatcher;

    @Inject
    MailDigests digests;

    @Inject
    MailPersonalData personalData;

    @Inject
    EntityManager entityManager;

    MembershipFeed feed;
    String marker;
    String addressA;
    String addressB;
    String addressExpert;
    UUID expertId;

    @BeforeEach
    void people() {
        feed = MembershipFeed.open();
        marker = "T" + UUID.randomUUID().toString().substring(0, 8);
        addressA = "a-" + marker + "@example.org";
        addressB = "b-" + marker + "@example.org";
        addressExpert = "expert-" + marker + "@example.org";
        expertId = UUID.randomUUID();
        MailTestResource.MEMBERSHIP_DOWN.set(false);
        MailTestResource.PEOPLE.clear();
        MailTestResource.PEOPLE.addAll(List.of(
                new MailTestResource.Person("REPRESENTATIVE", ACCOUNT_A, UUID.randomUUID(), addressA),
                new MailTestResource.Person("REPRESENTATIVE", "rep-" + marker.toLowerCase(), UUID.randomUUID(), addressB),
                new MailTestResource.Person("STAKEHOLDER", expertId.toString(), null, addressExpert)));
        QuarkusTransaction.requiringNew().run(() -> personalData.erase(ACCOUNT_A));
        // what earlier tests (and runs) left waiting goes out now, before this test's people could receive it
        dispatchUntilIdle();
        QuarkusTransaction.requiringNew().run(() -> personalData.erase(ACCOUNT_A));
    }

    @AfterEach
    void close() {
        TestClock.reset();
        feed.close();
    }

    void dispatchUntilIdle() {
        while (dispatcher.dispatchNow() > 0) {
            // next batch
        }
    }

    /** Runs the dispatcher until {@code address} has {@code count} e-mails whose subject has the marker. */
    List<MimeMessage> awaitMails(String address, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchNow();
            return Mailbox.to(address, marker).size() >= count;
        });
        return Mailbox.to(address, marker);
    }

    /** Runs the dispatcher until {@code person} has {@code count} items of {@code kind} waiting for a digest. */
    void awaitDigestItems(String person, String kind, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            dispatcher.dispatchNow();
            return QuarkusTransaction.requiringNew().call(() -> ((Number) entityManager.createNativeQuery(
                            "select count(*) from mail_digest_item where person = :person and kind = :kind")
                    .setParameter("person", person).setParameter("kind", kind).getSingleResult()).intValue()) >= count;
        });
    }

    /** The digests of this time tomorrow (a daily period has begun since every waiting item was made). */
    int digestTomorrow() {
        TestClock.set(Instant.now().plus(Duration.ofDays(1)));
        try {
            return digests.digestNow();
        } finally {
            TestClock.reset();
        }
    }
}
