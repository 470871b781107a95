package eu.taskforce.contracts.meetings;

import java.util.UUID;

/**
 * Another member organisation supports a request to convene a meeting (once per organisation).
 *
 * @param requestId        the aggregate id: the CloudEvents subject and the Kafka key
 * @param organisationId   the supporting member organisation
 * @param organisationName its name
 * @param supporters       how many organisations support the request now, the filer not counted
 */
public record MeetingRequestSupported(UUID requestId, UUID organisationId, String organisationName, int supporters) {
}
