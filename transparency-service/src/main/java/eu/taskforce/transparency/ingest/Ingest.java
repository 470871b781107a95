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
import java.util.Optional;

/**
 * Applies one Kafka record to the register: its entry to each generation that has not seen the event yet (the platform
 * inbox, one consumer name per generation), and to the log. A record that cannot be read throws
 * {@link IllegalArgumentException}, which rolls everything back and sends the record to the dead-letter topic.
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

    /** The live consumers: every writable generation (the served one, and the one being rebuilt, if any). */
    public void live(ConsumerRecord<String, String> record, String contractTopic) {
        Optional<RegisterEntry> derived = derive(record, contractTopic);
        if (derived.isEmpty()) {
            return;
        }
        RegisterEntry entry = derived.get();
        boolean newToServed = false;
        for (Generations.Generation generation : generations.writable()) {
            if (inbox.firstDelivery(consumer(generation.number()), entry.eventId())) {
                projector.apply(generation.number(), entry);
                newToServed |= generation.serving();
            }
        }
        // last: locks are always taken aggregate first, then the log, so that the consumers never deadlock
        if (newToServed) {
            log.record(entry);
        } else {
            LOG.debugf("Event %s already applied", entry.eventId());
        }
        // the side tables of personal data are outside the generations; idempotent, so on every delivery
        disclosures.apply(entry);
    }

    /** The rebuild's consumer: only the generation being built; the entry is checked against the log. */
    public void rebuild(ConsumerRecord<String, String> record, String contractTopic, int generation) {
        Optional<RegisterEntry> derived = derive(record, contractTopic);
        if (derived.isPresent() && inbox.firstDelivery(consumer(generation), derived.get().eventId())) {
            projector.apply(generation, derived.get());
            log.record(derived.get());
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
