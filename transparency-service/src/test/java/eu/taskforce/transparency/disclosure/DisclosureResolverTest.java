package eu.taskforce.transparency.disclosure;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.transparency.config.RegisterConfig;
import jakarta.persistence.PersistenceException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * What a resolver's pass leaves claimed: a pass that stops (shutdown) or fails gives back at once the commitments it has
 * not tried, instead of leaving them claimed for the ten-minute lease (their names PENDING all that time after a
 * restart); the one whose attempt failed keeps its claim. A store rolled back is tried again after the back-off. The database and membership-service are mocked: the claim's
 * SQL is exercised by the register's module tests (PersonalDataTest).
 */
class DisclosureResolverTest {

    private final Disclosures disclosures = mock(Disclosures.class);
    private final MembershipDisclosures membership = mock(MembershipDisclosures.class);
    private final RegisterConfig config = mock(RegisterConfig.class, RETURNS_DEEP_STUBS);
    private final DisclosureResolver resolver = new DisclosureResolver(disclosures, membership, config);
    private final Disclosures.Pending a = pending("a");
    private final Disclosures.Pending b = pending("b");
    private final Disclosures.Pending c = pending("c");

    @BeforeEach
    void membershipIsAway() {
        when(config.disclosures().maxBackoff()).thenReturn(Duration.ofSeconds(2));
        when(membership.opening(anyString())).thenThrow(new IllegalStateException("membership-service away"));
        when(disclosures.claim(anyInt(), any())).thenReturn(List.of(a, b, c), List.of());
    }

    @Test
    void aPassThatStopsGivesBackTheCommitmentsItHasNotTried() {
        doAnswer(call -> {
            resolver.onStop(null); // the application shuts down while the first call is under way
            throw new IllegalStateException("membership-service away");
        }).when(membership).opening(a.commitment());
        resolver.resolvePending();
        verify(disclosures).retryLater(eq(a), any());
        verify(disclosures).release(List.of(b, c));
        verify(membership, never()).opening(b.commitment());
    }

    @Test
    void aPassThatFailsGivesBackTheRestAndKeepsTheFailedOnesClaim() {
        doThrow(new PersistenceException("the database went away")).when(disclosures).retryLater(eq(b), any());
        resolver.resolvePending();
        verify(disclosures).retryLater(eq(a), any());
        verify(disclosures).release(List.of(c));
        verify(membership, never()).opening(c.commitment());
    }

    @Test
    void aPassThatTriedEverythingGivesNothingBack() {
        resolver.resolvePending();
        verify(disclosures).retryLater(eq(c), any());
        verify(disclosures, never()).release(any());
    }

    @Test
    void aStoreThatIsRolledBackIsTriedAgainAfterTheBackOffNotAtTheLeasesEnd() {
        Opening opening = Opening.of("publicName", UUID.randomUUID(), "A Name");
        Disclosures.Pending resolvable = new Disclosures.Pending(opening.commitment(), opening.ref(), "publicName", 1);
        when(disclosures.claim(anyInt(), any())).thenReturn(List.of(resolvable, a), List.of());
        doReturn(opening).when(membership).opening(resolvable.commitment());
        doThrow(new PersistenceException("deadlock detected")).when(disclosures).store(resolvable, opening);
        resolver.resolvePending();
        verify(disclosures).retryLater(resolvable, Duration.ofSeconds(1));
        verify(disclosures).retryLater(eq(a), any()); // the pass went on
        verify(disclosures, never()).release(any());
    }

    private static Disclosures.Pending pending(String commitment) {
        return new Disclosures.Pending("sha256:" + commitment, UUID.randomUUID(), "publicName", 1);
    }
}
