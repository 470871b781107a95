package eu.taskforce.platform.testing;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * The base of a service's {@code @QuarkusTest} whose callers act for the demo organisations A and B: before each test
 * they are made current members of the service's membership replica ({@link Members#ensure}) through {@link #feed},
 * which the test may use to play membership-service further; it is closed after each test.
 */
public abstract class CurrentMembersTest {

    protected MembershipFeed feed;

    @BeforeEach
    protected void ensureCurrentMembers() {
        feed = MembershipFeed.open();
        Members.ensure(feed);
    }

    @AfterEach
    protected void closeMembershipFeed() {
        feed.close();
    }
}
