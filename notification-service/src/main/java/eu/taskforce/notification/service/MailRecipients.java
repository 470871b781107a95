package eu.taskforce.notification.service;

import eu.taskforce.notification.domain.MailAudience;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who receives a notice, asked from membership-service when it is sent: the addresses live there and are kept here
 * only for that sending. A call that fails (membership-service or Keycloak away) is tried twice more, and the circuit
 * opens after repeated failures, so that a dispatcher run fails fast and its notices wait for the next run.
 */
@ApplicationScoped
public class MailRecipients {

    /** A person's key: the representative's account name, or {@code stakeholder:<id>}. */
    public static final String STAKEHOLDER_PREFIX = "stakeholder:";

    private final MembershipMailRecipients membership;

    public MailRecipients(@RestClient MembershipMailRecipients membership) {
        this.membership = membership;
    }

    /** The people of an audience, by person key. */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 500, abortOn = IllegalArgumentException.class)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
    public Map<String, String> of(MailAudience audience) {
        List<MembershipMailRecipients.Recipient> people = new ArrayList<>(membership.list("REPRESENTATIVES"));
        if (audience == MailAudience.REPRESENTATIVES_AND_STAKEHOLDERS || audience == MailAudience.PERSON) {
            people.addAll(membership.list("STAKEHOLDERS"));
        }
        return people.stream().collect(Collectors.toMap(MailRecipients::person,
                MembershipMailRecipients.Recipient::email, (first, second) -> first));
    }

    /** The addresses of these people (those membership-service still knows). */
    @Timeout(10_000)
    @Retry(maxRetries = 2, delay = 500)
    @CircuitBreaker(requestVolumeThreshold = 4, failureRatio = 0.75, delay = 30_000)
    public Map<String, String> addressesOf(Set<String> persons) {
        return of(MailAudience.PERSON).entrySet().stream().filter(e -> persons.contains(e.getKey()))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static String person(MembershipMailRecipients.Recipient recipient) {
        return "STAKEHOLDER".equals(recipient.type()) ? STAKEHOLDER_PREFIX + recipient.person() : recipient.person();
    }
}
