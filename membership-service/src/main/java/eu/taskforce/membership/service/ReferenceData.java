package eu.taskforce.membership.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.membership.config.MembershipConfig;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.ReferenceDataset;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.platform.security.Actor;
import eu.taskforce.platform.time.Timestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Loads the reference signatory list (and, on the local stack, the demo memberships) at start, once per dataset
 * version: the dataset's row is claimed in the same transaction as its records, so a restart, or a second instance
 * starting at the same time, loads nothing twice. Each record goes through the service, so it is audited and
 * published like any other change.
 */
@ApplicationScoped
public class ReferenceData {

    static final String SIGNATORIES = "reference/signatories.json";
    static final String DEMO_MEMBERSHIPS = "reference/demo-memberships.json";
    private static final Logger LOG = Logger.getLogger(ReferenceData.class);
    private static final Actor ACTOR = Actor.system("reference-data");

    record SignatoryEntry(UUID id, String name, String country, String website, Set<Chapter> chapters,
                          LocalDate signedOn) {
    }

    record SignatoryList(String dataset, String version, String source, List<String> notes,
                         List<SignatoryEntry> signatories) {
    }

    record DemoMemberships(String dataset, String version, String source, LocalDate joinedOn, Set<String> notMembers) {
    }

    private final SignatoryService signatories;
    private final MembershipConfig config;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    public ReferenceData(SignatoryService signatories, MembershipConfig config, EntityManager entityManager,
                         ObjectMapper json) {
        this.signatories = signatories;
        this.config = config;
        this.entityManager = entityManager;
        this.json = json;
    }

    void onStart(@Observes StartupEvent event) {
        SignatoryList list = read(SIGNATORIES, SignatoryList.class);
        QuarkusTransaction.requiringNew().run(() -> {
            if (claim(list.dataset(), list.version(), list.source())) {
                for (SignatoryEntry entry : list.signatories()) {
                    // a later version of the list adds what is new; what the AI Office changed since stays as it is
                    if (Signatory.findById(entry.id()) == null
                            && Signatory.count("lower(name) = lower(?1)", entry.name()) == 0) {
                        signatories.register(entry.id(), new SignatoryService.NewSignatory(entry.name(), entry.country(),
                                entry.website(), entry.chapters(), entry.signedOn()), list.source(), ACTOR);
                    }
                }
                LOG.infof("Loaded the reference signatory list %s (%d signatories) from: %s", list.version(),
                        list.signatories().size(), list.source());
            }
        });
        if (config.demoData()) {
            DemoMemberships demo = read(DEMO_MEMBERSHIPS, DemoMemberships.class);
            QuarkusTransaction.requiringNew().run(() -> {
                if (claim(demo.dataset(), demo.version(), demo.source())) {
                    list.signatories().stream()
                            .filter(entry -> !demo.notMembers().contains(entry.name()))
                            .filter(entry -> Membership.current(entry.id()).isEmpty())
                            .forEach(entry -> signatories.join(entry.id(), demo.joinedOn(), Actor.system("demo-data")));
                    LOG.warn("Loaded DEMO memberships: " + demo.source());
                }
            });
        }
    }

    /** True when this transaction is the first to load this version of the dataset. */
    private boolean claim(String dataset, String version, String source) {
        int claimed = entityManager.createNativeQuery("""
                        insert into reference_dataset (name, version, source, loaded_at)
                        values (:name, :version, :source, :at)
                        on conflict (name) do update set version = excluded.version, source = excluded.source,
                            loaded_at = excluded.loaded_at
                        where reference_dataset.version <> excluded.version""")
                .setParameter("name", dataset).setParameter("version", version).setParameter("source", source)
                .setParameter("at", Timestamps.now())
                .executeUpdate();
        return claimed == 1;
    }

    private <T> T read(String resource, Class<T> type) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing reference data " + resource);
            }
            return json.readValue(in, type);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + resource, e);
        }
    }

    /** The datasets loaded so far. */
    public List<ReferenceDataset> loaded() {
        return ReferenceDataset.listAll();
    }
}
