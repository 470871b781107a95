package eu.taskforce.meeting;

import eu.taskforce.platform.testing.CurrentMembersTest;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;

import static eu.taskforce.platform.testing.Actors.ORG_A;
import static eu.taskforce.platform.testing.Actors.ORG_B;

/**
 * The base of a test of decisions: the Taskforce's members are the two demo organisations only, so that a quorum is a
 * share of a known number (the organisations of earlier tests stay members in this database otherwise).
 */
public abstract class DemoMembersOnlyTest extends CurrentMembersTest {

    @Inject
    protected EntityManager entityManager;

    @BeforeEach
    void onlyTheDemoOrganisationsAreMembers() {
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update member_organisation set member = false, left_on = current_date"
                                + " where member and id not in (:a, :b)")
                .setParameter("a", ORG_A).setParameter("b", ORG_B).executeUpdate());
    }
}
