package eu.taskforce.platform.inbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecord;
import io.smallrye.reactive.messaging.kafka.IncomingKafkaRecordBatch;
import io.smallrye.reactive.messaging.kafka.commit.KafkaCommitHandler;
import io.smallrye.reactive.messaging.kafka.fault.KafkaFailureHandler;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A batch of records (a channel with {@code batch=true}) applied by {@link ConsumerTransactions#inOneTransaction}: in
 * one transaction, acknowledged once it committed; a record that cannot be applied is nacked alone (its failure
 * strategy dead-letters it) and the others are applied; a transient failure is tried again, never nacked. The records
 * write rows of their own into {@code processed_event} with a plain insert, so that a write that was not rolled back
 * would make the record's next attempt fail. (The whole path on the broker: transparency-service's BatchIngestTest.)
 */
@QuarkusTest
class ConsumerBatchTest {

    private static final String TOPIC = "test.platform.batch";

    @Inject
    ConsumerTransactions transactions;

    @Inject
    Inbox inbox;

    @Inject
    EntityManager em;

    private final List<Long> acknowledged = new CopyOnWriteArrayList<>();
    private final List<String> nacked = new CopyOnWriteArrayList<>();
    private final String consumer = "batch-test." + UUID.randomUUID();

    @Test
    void aBatchIsAppliedInOneTransactionAndAcknowledgedOnceItCommitted() throws Exception {
        List<String> seenByOthersWhileApplying = new CopyOnWriteArrayList<>();
        List<List<Long>> calls = new CopyOnWriteArrayList<>();
        complete(transactions.inOneTransaction(batch(3), records -> {
            calls.add(records.stream().map(ConsumerRecord::offset).toList());
            for (ConsumerRecord<String, String> record : records) {
                insert(record);
                // what another transaction sees meanwhile: nothing of the batch before it commits
                seenByOthersWhileApplying.addAll(QuarkusTransaction.requiringNew().call(this::applied));
            }
            assertThat(acknowledged).as("nothing acknowledged before the commit").isEmpty();
        }));

        assertThat(calls).containsExactly(List.of(0L, 1L, 2L));
        assertThat(seenByOthersWhileApplying).isEmpty();
        assertThat(applied()).containsExactlyInAnyOrder("e0", "e1", "e2");
        assertThat(acknowledged).containsExactly(2L); // the latest record of the partition: its offset is committed
        assertThat(nacked).isEmpty();
    }

    @Test
    void aRecordThatCannotBeAppliedIsNackedAloneAndTheOthersAreAppliedInOrder() throws Exception {
        List<List<Long>> calls = new CopyOnWriteArrayList<>();
        complete(transactions.inOneTransaction(batch(4), records -> {
            calls.add(records.stream().map(ConsumerRecord::offset).toList());
            for (ConsumerRecord<String, String> record : records) {
                insert(record);
                if (record.offset() == 1) {
                    throw new IllegalArgumentException("not a valid event");
                }
            }
        }));

        // the batch rolled back (e0 is inserted again without a conflict), then one record at a time, in order
        assertThat(calls).containsExactly(List.of(0L, 1L, 2L, 3L), List.of(0L), List.of(1L), List.of(2L), List.of(3L));
        assertThat(nacked).containsExactly("1: not a valid event");
        assertThat(applied()).containsExactlyInAnyOrder("e0", "e2", "e3");
        assertThat(acknowledged).contains(3L);
    }

    @Test
    void aTransientFailureMidBatchIsTriedAgainNeverNacked() throws Exception {
        AtomicInteger attempts = new AtomicInteger();
        complete(transactions.inOneTransaction(batch(3), records -> {
            int attempt = attempts.incrementAndGet();
            for (ConsumerRecord<String, String> record : records) {
                insert(record);
                if (attempt == 1 && record.offset() == 1) {
                    throw new RuntimeException(new SQLException("deadlock detected", "40P01"));
                }
            }
        }));

        assertThat(attempts).hasValue(2);
        assertThat(applied()).containsExactlyInAnyOrder("e0", "e1", "e2");
        assertThat(nacked).isEmpty();
        assertThat(acknowledged).containsExactly(2L);
    }

    @Test
    void theInboxTellsTheFirstDeliveriesOfABatchInOneStatement() {
        String first = UUID.randomUUID().toString();
        String second = UUID.randomUUID().toString();
        String third = UUID.randomUUID().toString();
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries(consumer, List.of(first, second, first))))
                .containsExactlyInAnyOrder(first, second);
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDeliveries(consumer, List.of(second, third))))
                .containsExactly(third);
        assertThat(QuarkusTransaction.requiringNew().call(() -> inbox.firstDelivery(consumer, first))).isFalse();
    }

    private void insert(ConsumerRecord<String, String> record) {
        em.createNativeQuery("insert into processed_event (consumer, event_id) values (:consumer, :id)")
                .setParameter("consumer", consumer).setParameter("id", record.value()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    private List<String> applied() {
        return em.createNativeQuery("select event_id from processed_event where consumer = :consumer")
                .setParameter("consumer", consumer).getResultList();
    }

    /** {@code size} records on one partition, offsets 0.., values e0.., as the connector hands a poll over. */
    private IncomingKafkaRecordBatch<String, String> batch(int size) {
        TopicPartition partition = new TopicPartition(TOPIC, 0);
        List<ConsumerRecord<String, String>> records = new java.util.ArrayList<>();
        for (int offset = 0; offset < size; offset++) {
            records.add(new ConsumerRecord<>(TOPIC, 0, offset, "key", "e" + offset));
        }
        KafkaCommitHandler commits = new KafkaCommitHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record) {
                acknowledged.add(record.getOffset());
                return Uni.createFrom().voidItem();
            }
        };
        KafkaFailureHandler deadLetters = new KafkaFailureHandler() {
            @Override
            public <K, V> Uni<Void> handle(IncomingKafkaRecord<K, V> record, Throwable reason, Metadata metadata) {
                nacked.add(record.getOffset() + ": " + reason.getMessage());
                return Uni.createFrom().voidItem();
            }
        };
        return new IncomingKafkaRecordBatch<>(new ConsumerRecords<>(Map.of(partition, records), Map.of()), "batch-test",
                0, commits, deadLetters, false, false);
    }

    private static void complete(java.util.concurrent.CompletionStage<Void> outcome) throws Exception {
        outcome.toCompletableFuture().get(60, TimeUnit.SECONDS);
    }
}
