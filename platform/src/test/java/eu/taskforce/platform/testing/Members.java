package eu.taskforce.platform.testing;

/**
 * Makes the organisations of the demo members (Mistral AI, Aleph Alpha) current members in the replica, the way
 * membership-service would: through membership events on the shared Kafka. Checked before every test that needs them
 * (not once per run): another test, or another module's tests on the same topic, may have let them leave.
 */
public final class Members {

    public static synchronized void ensure(MembershipFeed feed) {
        ensure(feed, Actors.ORG_A, "Mistral AI");
        ensure(feed, Actors.ORG_B, "Aleph Alpha");
    }

    private static void ensure(MembershipFeed feed, java.util.UUID organisation, String name) {
        if (!feed.isMember(organisation) || !name.equals(feed.name(organisation))) {
            feed.member(organisation, name);
        }
    }

    private Members() {
    }
}
