package eu.taskforce.membership.service;

import eu.taskforce.contracts.EventJson;
import eu.taskforce.contracts.EventTypes;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.VademecumPublished;
import eu.taskforce.membership.domain.Disclosure;
import eu.taskforce.membership.domain.Membership;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.membership.domain.Signatory;
import eu.taskforce.membership.domain.VademecumEdition;
import eu.taskforce.platform.api.KeysetQuery;
import eu.taskforce.platform.api.Page;
import eu.taskforce.platform.api.Versions;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.outbox.Outbox;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The Taskforce Vademecum: the AI Office drafts editions (sections by stable key, as guidance documents have) and
 * publishes them; publishing numbers an edition and freezes it with the participants list of its publication day, and
 * nothing changes it afterwards. Members, stakeholders (and, through the register, the public) see published editions
 * only.
 */
@ApplicationScoped
public class VademecumService {

    static final String RECORD_TYPE = "VademecumEdition";

    /** The sections an edition must have to be published (more are allowed). */
    public static final List<String> REQUIRED_SECTIONS = List.of("rules-of-procedure", "objectives", "membership-rules",
            "transparency-rules", "without-prejudice");

    /** A section as the AI Office writes it. */
    public record SectionDraft(String key, String title, String text) {
    }

    private final Outbox outbox;
    private final AuditTrail audit;
    private final Access access;

    public VademecumService(Outbox outbox, AuditTrail audit, Access access) {
        this.outbox = outbox;
        this.audit = audit;
        this.access = access;
    }

    /** Editions in the order they were begun; drafts only for the AI Office. */
    public Page<VademecumEdition> list(String cursor, int limit) {
        KeysetQuery<VademecumEdition> query = KeysetQuery.of(VademecumEdition.class, "e", e -> e.id);
        if (!access.isAiOffice()) {
            query.where("e.status = :published", "published", VademecumEdition.Status.PUBLISHED);
        }
        return query.byTime("createdAt", e -> e.createdAt).page(cursor, limit);
    }

    /** An edition; a draft is the AI Office's alone, and to anyone else it does not exist. */
    public VademecumEdition get(UUID id) {
        return VademecumEdition.<VademecumEdition>findByIdOptional(id)
                .filter(e -> e.isPublished() || access.isAiOffice())
                .orElseThrow(() -> ProblemException.notFound("Vademecum edition", id));
    }

    /** A new draft: with the sections given, or else those of the latest published edition. */
    @Transactional
    public VademecumEdition draft(String changeNote, List<SectionDraft> sections) {
        List<SectionDraft> content = sections;
        if (content == null) {
            content = VademecumEdition.latestPublished().map(VademecumService::drafts).orElseThrow(() ->
                    ProblemException.conflict("No edition of the Vademecum is published yet, so there is nothing to"
                            + " copy: give the sections of the first one"));
        }
        VademecumEdition edition = new VademecumEdition();
        edition.id = UUID.randomUUID();
        edition.status = VademecumEdition.Status.DRAFT;
        edition.changeNote = stripped(changeNote);
        setSections(edition, content);
        edition.createdAt = Timestamps.now();
        edition.createdBy = access.subject();
        edition.updatedAt = edition.createdAt;
        edition.persist();
        audit.record(access.actor(), "VADEMECUM_DRAFTED", RECORD_TYPE, edition.id);
        return edition;
    }

    /** Replaces a draft's change note and sections. */
    @Transactional
    public VademecumEdition edit(UUID id, String ifMatch, String changeNote, List<SectionDraft> sections) {
        VademecumEdition edition = draftToChange(id, ifMatch);
        edition.changeNote = stripped(changeNote);
        edition.sections.clear();
        VademecumEdition.flush(); // the old rows go before the new ones, which may reuse their keys
        setSections(edition, sections);
        edition.updatedAt = Timestamps.now();
        audit.record(access.actor(), "VADEMECUM_DRAFT_EDITED", RECORD_TYPE, id);
        VademecumEdition.flush(); // so that the returned version, and so the ETag, is the new one
        return edition;
    }

    /**
     * Publishes a draft: the next number, today's date (UTC), the participants of today, all frozen, and the event
     * that carries it to the register.
     */
    @Transactional
    public VademecumEdition publish(UUID id, String ifMatch) {
        VademecumEdition edition = draftToChange(id, ifMatch);
        Set<String> keys = new HashSet<>(edition.sections.stream().map(s -> s.key).toList());
        List<String> missing = REQUIRED_SECTIONS.stream().filter(k -> !keys.contains(k)).toList();
        if (!missing.isEmpty()) {
            throw ProblemException.conflict("An edition of the Vademecum is published only with the sections "
                    + String.join(", ", REQUIRED_SECTIONS) + "; this draft lacks " + String.join(", ", missing));
        }
        // one publication at a time takes the next number, whichever instance serves it
        VademecumEdition.getEntityManager()
                .createNativeQuery("select pg_advisory_xact_lock(hashtext('vademecum_edition_number'))")
                .getSingleResult();
        OffsetDateTime now = Timestamps.now();
        LocalDate day = now.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate();
        edition.number = VademecumEdition.lastNumber().orElse(0) + 1;
        edition.status = VademecumEdition.Status.PUBLISHED;
        edition.publishedOn = day;
        edition.publishedAt = now;
        edition.publishedBy = access.subject();
        edition.updatedAt = now;
        VademecumPublished event = new VademecumPublished(edition.id, edition.number, day, now,
                edition.sections.stream().map(s -> new VademecumPublished.Section(s.key, s.position, s.title, s.text))
                        .toList(), participantsOn(day));
        edition.published = EventJson.write(event);
        outbox.add(EventTypes.VADEMECUM_PUBLISHED, edition.id, event);
        audit.record(access.actor(), "VADEMECUM_PUBLISHED", RECORD_TYPE, id);
        VademecumEdition.flush();
        return edition;
    }

    /** The published edition as it was frozen (sections and participants). */
    public static Optional<VademecumPublished> frozen(VademecumEdition edition) {
        return Optional.ofNullable(edition.published).map(json -> EventJson.read(json, VademecumPublished.class));
    }

    /**
     * The member organisations on {@code day} with their public details, by name; their representatives only with the
     * name commitment already published with the person's consent (the register resolves it while the consent lasts).
     */
    List<VademecumPublished.Participant> participantsOn(LocalDate day) {
        List<Membership> periods = Membership.list("joinedOn <= ?1 and (leftOn is null or leftOn >= ?1)", day);
        List<VademecumPublished.Participant> participants = new ArrayList<>();
        for (Membership period : periods) {
            Signatory organisation = Signatory.findById(period.signatoryId);
            List<VademecumPublished.Representative> representatives = Representative.active(organisation.id).stream()
                    .filter(r -> r.nameConsent)
                    .flatMap(r -> Disclosure.current(r.id, RepresentativeService.PUBLIC_NAME).stream()
                            .map(d -> new VademecumPublished.Representative(r.id, r.role,
                                    new PersonalField(d.commitment, r.id))))
                    .sorted(Comparator.comparing((VademecumPublished.Representative r) -> r.role() != RepresentativeRole.PRINCIPAL)
                            .thenComparing(r -> r.representativeId().toString()))
                    .toList();
            participants.add(new VademecumPublished.Participant(organisation.id, organisation.name,
                    organisation.country, organisation.website, organisation.chapters.stream().sorted().toList(),
                    period.joinedOn, representatives));
        }
        participants.sort(Comparator.comparing((VademecumPublished.Participant p) -> p.name().toLowerCase(Locale.ROOT))
                .thenComparing(p -> p.organisationId().toString()));
        return participants;
    }

    private VademecumEdition draftToChange(UUID id, String ifMatch) {
        VademecumEdition edition = get(id);
        if (edition.isPublished()) {
            throw ProblemException.conflict("Edition " + edition.number + " of the Vademecum was published on "
                    + edition.publishedOn + " and cannot change; draft a new edition instead");
        }
        Versions.requireMatch(ifMatch, edition.version);
        return edition;
    }

    private static void setSections(VademecumEdition edition, List<SectionDraft> sections) {
        Set<String> keys = new HashSet<>();
        for (SectionDraft section : sections) {
            if (!keys.add(section.key())) {
                throw ProblemException.badRequest("The section key '" + section.key() + "' appears twice; a key names"
                        + " one section of the edition");
            }
            edition.sections.add(new VademecumEdition.Section(keys.size(), section.key(), section.title().strip(),
                    section.text().strip()));
        }
    }

    private static List<SectionDraft> drafts(VademecumEdition edition) {
        return edition.sections.stream().map(s -> new SectionDraft(s.key, s.title, s.text)).toList();
    }

    private static String stripped(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
