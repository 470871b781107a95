package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.StakeholderProfile;
import eu.taskforce.contracts.membership.StakeholderRemoved;
import eu.taskforce.membership.domain.Stakeholder;
import eu.taskforce.platform.api.Cursor;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.security.Caller;
import io.quarkus.panache.common.Parameters;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Third-party stakeholders and invited experts, managed by the AI Office. Contacts never leave this service. */
@ApplicationScoped
public class StakeholderService {

    static final String RECORD_TYPE = "Stakeholder";

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Caller caller;

    public StakeholderService(Outbox outbox, AuditTrail audit, Caller caller) {
        this.outbox = outbox;
        this.audit = audit;
        this.caller = caller;
    }

    public record StakeholderDetails(StakeholderProfile.Kind kind, String name, String fieldOfExpertise,
                                     String contactEmail, boolean listedPublicly) {
    }

    public Stakeholder get(UUID id) {
        return Stakeholder.<Stakeholder>find("id = ?1 and removedAt is null", id).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Stakeholder", id));
    }

    @Transactional
    public Stakeholder register(StakeholderDetails details) {
        Stakeholder stakeholder = new Stakeholder();
        stakeholder.id = UUID.randomUUID();
        stakeholder.createdAt = Timestamps.now();
        apply(stakeholder, details);
        stakeholder.persist();
        outbox.add(EventTypes.STAKEHOLDER_REGISTERED, stakeholder.id, stakeholder.publicProfile());
        audit.record(caller.actor(), "STAKEHOLDER_REGISTERED", RECORD_TYPE, stakeholder.id);
        return stakeholder;
    }

    @Transactional
    public Stakeholder update(UUID id, String ifMatch, StakeholderDetails details) {
        Stakeholder stakeholder = get(id);
        Versions.requireMatch(ifMatch, stakeholder.version);
        apply(stakeholder, details);
        outbox.add(EventTypes.STAKEHOLDER_UPDATED, id, stakeholder.publicProfile());
        audit.record(caller.actor(), "STAKEHOLDER_UPDATED", RECORD_TYPE, id);
        Stakeholder.flush();
        return stakeholder;
    }

    @Transactional
    public void remove(UUID id, String ifMatch) {
        Stakeholder stakeholder = get(id);
        Versions.requireMatch(ifMatch, stakeholder.version);
        stakeholder.removedAt = Timestamps.now();
        stakeholder.updatedAt = stakeholder.removedAt;
        outbox.add(EventTypes.STAKEHOLDER_REMOVED, id, new StakeholderRemoved(id));
        audit.record(caller.actor(), "STAKEHOLDER_REMOVED", RECORD_TYPE, id);
    }

    /** Stakeholders by name, optionally those whose name or field of expertise contains a text. */
    public Page<Stakeholder> search(String text, String cursor, int limit) {
        StringBuilder query = new StringBuilder("from Stakeholder s where s.removedAt is null");
        Parameters parameters = new Parameters();
        if (text != null && !text.isBlank()) {
            query.append(" and (lower(s.name) like :text or lower(s.fieldOfExpertise) like :text)");
            parameters.and("text", "%" + text.strip().toLowerCase(Locale.ROOT)
                    .replace("\\", "").replace("%", "").replace("_", "") + "%");
        }
        if (cursor != null) {
            List<String> after = Cursor.decode(cursor, 2);
            query.append(" and (lower(s.name) > :afterName or (lower(s.name) = :afterName and s.id > :afterId))");
            parameters.and("afterName", after.get(0)).and("afterId", Cursor.uuid(after.get(1)));
        }
        query.append(" order by lower(s.name), s.id");
        List<Stakeholder> rows = Stakeholder.find(query.toString(), parameters).page(0, limit + 1).list();
        return Page.of(rows, limit, s -> s, s -> Cursor.encode(s.name.toLowerCase(Locale.ROOT), s.id.toString()));
    }

    private static void apply(Stakeholder stakeholder, StakeholderDetails details) {
        stakeholder.kind = details.kind();
        stakeholder.name = details.name().strip();
        stakeholder.fieldOfExpertise = details.fieldOfExpertise().strip();
        stakeholder.contactEmail = details.contactEmail().strip();
        stakeholder.listedPublicly = details.listedPublicly();
        stakeholder.updatedAt = Timestamps.now();
    }

}
