package eu.taskforce.platform.membership;

import eu.taskforce.contracts.EventType;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.Topics;
import eu.taskforce.contracts.membership.StakeholderErased;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.platform.kafka.TopicNames;
import eu.taskforce.platform.kafka.TopicReaders;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Fills the replica's stakeholders ({@link RegisteredStakeholder}) from the whole membership topic, once per database
 * that needs it: a service that kept the replica before the replica knew stakeholders had recorded their events in its
 * inbox without applying them, so that its live consumer never will ({@code replica_backfill}, set by the replica's
 * migration: pending for a replica that had members already, done for a new one). A plain Kafka consumer without a
 * group reads every partition from the start up to the end offsets taken when it began; the topic is kept forever.
 * <p>
 * Safe beside the live consumer and on several instances at once: a registration only adds a stakeholder that is not
 * there, and a removal or erasure only marks one removed (a removal is final on the register), so applying an old
 * event after a newer one changes nothing. Nothing else is done again: an erasure was carried out when it came.
 */
@ApplicationScoped
public class StakeholderReplicaBackfill {

    private static final Logger LOG = Logger.getLogger(StakeholderReplicaBackfill.class);
    static final String NAME = "registered_stakeholder";

    private final EntityManager entityManager;
    private final TopicNames topicNames;
    private final String bootstrapServers;
    private final boolean replicaKept;

    public StakeholderReplicaBackfill(EntityManager entityManager, TopicNames topicNames,
                                      @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                      @ConfigProperty(name = "quarkus.flyway.locations") List<String> migrations) {
        this.entityManager = entityManager;
        this.topicNames = topicNames;
        this.bootstrapServers = bootstrapServers;
        this.replicaKept = migrations.contains("db/membership-replica");
    }

    /** Tried at start and, while Kafka or the database are away, again every minute until done. */
    @Scheduled(every = "${taskforce.membership.replica.backfill-check:60s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fillIfPending() {
        if (!replicaKept) {
            return;
        }
        try {
            fill();
        } catch (RuntimeException e) {
            LOG.warnf("Filling the stakeholders of the membership replica failed (%s); trying again later",
                    e.getClass().getSimpleName());
        }
    }

    /** Fills the stakeholders from the topic if the replica's database still needs it; the number of records read. */
    public long fill() {
        if (!pending()) {
            return 0;
        }
        long read = 0;
        String topic = topicNames.of(Topics.MEMBERSHIP);
        try (KafkaConsumer<String, String> consumer = TopicReaders.open(bootstrapServers)) {
            List<TopicPartition> partitions = TopicReaders.partitions(consumer, List.of(topic));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                List<ConsumerRecord<String, String>> batch = new ArrayList<>();
                consumer.poll(Duration.ofMillis(500)).forEach(batch::add);
                QuarkusTransaction.requiringNew().run(() -> batch.forEach(this::apply));
                read += batch.size();
            }
        }
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "update replica_backfill set done_at = now() where name = :name and done_at is null")
                .setParameter("name", NAME).executeUpdate());
        LOG.infof("Stakeholders of the membership replica filled from %d records of %s", read, topic);
        return read;
    }

    private boolean pending() {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager.createNativeQuery(
                        "select 1 from replica_backfill where name = :name and done_at is null")
                .setParameter("name", NAME).getResultList().isEmpty());
    }

    /** One record: stakeholder events only; a record that is not a readable CloudEvent is left to the live consumer. */
    private void apply(ConsumerRecord<String, String> record) {
        IncomingEvent event;
        try {
            event = IncomingEvent.of(record);
        } catch (IllegalArgumentException e) {
            return;
        }
        Optional<EventType<?>> type = EventTypes.byType(event.type());
        if (type.isEmpty()) {
            return;
        }
        try {
            if (type.get() == EventTypes.STAKEHOLDER_REGISTERED || type.get() == EventTypes.STAKEHOLDER_UPDATED) {
                upsert(event.data(StakeholderProfile.class).stakeholderId(), false);
            } else if (type.get() == EventTypes.STAKEHOLDER_REMOVED) {
                upsert(event.data(StakeholderRemoved.class).stakeholderId(), true);
            } else if (type.get() == EventTypes.STAKEHOLDER_ERASED) {
                upsert(event.data(StakeholderErased.class).stakeholderId(), true);
            }
        } catch (IllegalArgumentException e) {
            LOG.debugf("Record %s of the membership topic left to the live consumer: its data does not fit", event.id());
        }
    }

    private void upsert(UUID stakeholder, boolean removed) {
        entityManager.createNativeQuery(removed
                        ? """
                        insert into registered_stakeholder (id, removed_at, updated_at) values (:id, now(), now())
                        on conflict (id) do update set removed_at = coalesce(registered_stakeholder.removed_at,
                            excluded.removed_at), updated_at = excluded.updated_at"""
                        : """
                        insert into registered_stakeholder (id, removed_at, updated_at) values (:id, null, now())
                        on conflict (id) do nothing""")
                .setParameter("id", stakeholder).executeUpdate();
    }
}
