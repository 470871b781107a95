package eu.taskforce.platform.testing;

/**
 * Makes the organisations of the demo members (Mistral AI, Aleph Alpha) current members in the replica, once per test
 * run, the way membership-service would: through membership events on the shared Kafka.
 */
public final class Members {

    private static volatile boolean ready;

    public static synchronized void ensure(MembershipFeed feed) {
        if (!ready) {
            feed.member(Actors.ORG_A, "Mistral AI");
            feed.member(Actors.ORG_B, "Aleph Alpha");
            ready = true;
        }
    }

    private Members() {
    }
}
