package eu.taskforce.platform.outbox;

import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventType;
import eu.taskforce.platform.tracing.TraceParents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * Records an event in the same transaction as the state change it describes. {@link OutboxRelay} publishes it
 * after the commit (a pass is queued the moment the transaction commits), so an event is never published for a
 * change that rolled back and never lost for one that committed.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager entityManager;
    private final TransactionSynchronizationRegistry transactions;
    private final OutboxRelay relay;

    public Outbox(EntityManager entityManager, TransactionSynchronizationRegistry transactions, OutboxRelay relay) {
        this.entityManager = entityManager;
        this.transactions = transactions;
        this.relay = relay;
    }

    /**
     * Adds an event to the outbox. Must run inside the caller's transaction.
     *
     * @param aggregateId the aggregate the event is about: the CloudEvents subject and the Kafka key
     * @return the event's id
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T> UUID add(EventType<T> type, UUID aggregateId, T payload) {
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.topic = type.topic();
        event.type = type.type();
        event.subject = aggregateId.toString();
        event.dataSchema = type.dataSchema();
        event.payload = EventJson.write(payload);
        event.occurredAt = OffsetDateTime.now(ZoneOffset.UTC);
        // the relay publishes on its own thread, later: the trace goes with the row
        event.traceParent = TraceParents.current();
        entityManager.persist(event);
        relayOnCommit();
        return event.id;
    }

    /** Once per transaction: a relay pass when it commits (none when it rolls back). */
    private void relayOnCommit() {
        if (transactions.getResource(OutboxRelay.class) != null) {
            return;
        }
        transactions.putResource(OutboxRelay.class, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.afterCommit();
                }
            }
        });
    }
}
