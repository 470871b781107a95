package eu.taskforce.transparency.ingest;

import eu.taskforce.platform.inbox.Inbox;
import eu.taskforce.platform.inbox.IncomingEvent;
import eu.taskforce.transparency.disclosure.Disclosures;
import eu.taskforce.transparency.domain.RegisterEntry;
import eu.taskforce.transparency.log.Generations;
import eu.taskforce.transparency.log.RegisterLog;
import eu.taskforce.transparency.projection.Projector;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Applies Kafka records to the register: each one's entry to each generation that has not seen the event yet (the
 * platform inbox, one consumer name per generation), and to the log. A record that cannot be read throws
 * {@link IllegalArgumentException}, which rolls its batch back; applied again alone, it goes to the dead-letter topic.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class Ingest {

    private static final Logger LOG = Logger.getLogger(Ingest.class);

    private final Inbox inbox;
    private final Projector projector;
    private final RegisterLog log;
    private final Generations generations;
    private final Disclosures disclosures;

    public Ingest(Inbox inbox, Projector projector, RegisterLog log, Generations generations, Disclosures disclosures) {
        this.inbox = inbox;
        this.projector = projector;
        this.log = log;
        this.generations = generations;
        this.disclosures = disclosures;
    }

    /** The inbox consumer name of a generation. */
    public static String consumer(int generation) {
        return "transparency.g" + generation;
    }

    /**
     * The live consumers, a batch of records in one transaction: every writable generation (the served one, and the one
     * being rebuilt, if any). Locks are always taken aggregates first (all of the batch's, in one order), then the
     * persons' whose values are withdrawn ({@link Disclosures#lockPeople}), then the log, so that the consumers and the
     * disclosure resolver never deadlock.
     */
    public void live(List<ConsumerRecord<String, String>> records, String contractTopic) {
        List<RegisterEntry> entries = records.stream().map(record -> derive(record, contractTopic))
                .flatMap(Optional::stream).toList();
        if (entries.isEmpty()) {
            return;
        }
        List<Generations.Generation> writable = generations.writable();
        projector.lockAggregates(writable.stream().map(Generations.Generation::number).toList(), entries);
        disclosures.lockPeople(entries);
        List<RegisterEntry> newToServed = List.of();
        for (Generations.Generation generation : writable) {
            Set<String> first = inbox.firstDeliveries(consumer(generation.number()),
                    entries.stream().map(RegisterEntry::eventId).toList());
            // in the batch's order; an event given twice is applied at its first delivery
            List<RegisterEntry> fresh = entries.stream().filter(entry -> first.remove(entry.eventId())).toList();
            projector.applyAll(generation.number(), fresh);
            if (generation.serving()) {
                newToServed = fresh;
            }
        }
        if (newToServed.size() < entries.size()) {
            LOG.debugf("%d of %d events already applied", entries.size() - newToServed.size(), entries.size());
        }
        log.record(newToServed);
        // the side tables of personal data are outside the generations; idempotent, so on every delivery
        entries.forEach(disclosures::apply);
    }

    /** The rebuild's consumer: only the generation being built; the entry is checked against the log. */
    public void rebuild(ConsumerRecord<String, String> record, String contractTopic, int generation) {
        Optional<RegisterEntry> derived = derive(record, contractTopic);
        if (derived.isPresent() && inbox.firstDelivery(consumer(generation), derived.get().eventId())) {
            projector.lockAggregates(List.of(generation), List.of(derived.get()));
            disclosures.lockPeople(List.of(derived.get()));
            projector.applyAll(generation, List.of(derived.get()));
            log.record(List.of(derived.get()));
            disclosures.apply(derived.get()); // replayed withdrawals refill disclosure_withdrawal, idempotently
        }
    }

    private static Optional<RegisterEntry> derive(ConsumerRecord<String, String> record, String contractTopic) {
        IncomingEvent event = IncomingEvent.of(record);
        Optional<RegisterEntry> entry = Derivation.derive(event, contractTopic, Instant.ofEpochMilli(record.timestamp()));
        if (entry.isEmpty()) {
            LOG.debugf("Ignoring event type %s (not shown in the register by this version)", event.type());
        }
        return entry;
    }
}
