package eu.taskforce.membership.service;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalDataWithdrawn;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.membership.config.MembershipConfig;
import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Disclosure;
import eu.taskforce.platform.api.Idempotency;
import eu.taskforce.platform.problem.ProblemException;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The personal data of representatives and stakeholders: consents that can be shown, and the published values as
 * commitments with their openings (docs/adr/0003-personal-data.md). Events carry only commitments; an opening lives
 * here, and only while the value is published, so withdrawal, rectification and erasure take effect everywhere the
 * value was shown by emptying one row.
 */
@ApplicationScoped
public class DisclosureService {

    /** What a change to the published values did. */
    public record Publication(Map<String, PersonalField> fields, List<String> withdrawn,
                              PersonalDataWithdrawn.Reason reason) {

        public PersonalField field(String name) {
            return fields.get(name);
        }
    }

    private final Access access;
    private final Idempotency idempotency;
    private final MembershipConfig config;

    public DisclosureService(Access access, Idempotency idempotency, MembershipConfig config) {
        this.access = access;
        this.idempotency = idempotency;
        this.config = config;
    }

    /**
     * Records the subject's consent to publication, given by the person (SELF) or recorded by the AI Office, to the
     * current privacy notice. Giving it again while it holds changes nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Consent giveConsent(Consent.SubjectType type, UUID subjectId, Consent.Channel via, String noticeVersion) {
        if (!config.privacyNoticeVersion().equals(noticeVersion)) {
            throw new ProblemException(422, "outdated-privacy-notice", "Not the current privacy notice",
                    "Consent is given to the current privacy notice, version " + config.privacyNoticeVersion()
                            + " (" + config.privacyNoticeUrl() + ")");
        }
        return Consent.current(subjectId).orElseGet(() -> {
            Consent consent = new Consent();
            consent.id = UUID.randomUUID();
            consent.subjectType = type;
            consent.subjectId = subjectId;
            consent.purpose = Consent.PUBLISH_IN_REGISTER;
            consent.noticeVersion = noticeVersion;
            consent.givenAt = Timestamps.now();
            consent.givenVia = via;
            consent.recordedBy = via == Consent.Channel.AI_OFFICE ? access.subject() : null;
            consent.persist();
            return consent;
        });
    }

    /** Withdraws the current consent, if any; true when there was one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean withdrawConsent(UUID subjectId, Consent.Channel via) {
        return Consent.current(subjectId).map(consent -> {
            consent.withdrawnAt = Timestamps.now();
            consent.withdrawnVia = via;
            return true;
        }).orElse(false);
    }

    /**
     * Publishes the subject's values as they are now: a value that is new or changed gets a new opening (the old one
     * is withdrawn as RECTIFIED); a value that is null is not (or no longer) published (withdrawn as
     * CONSENT_WITHDRAWN). An unchanged value keeps its commitment, so a change of role publishes nothing new.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Publication publish(UUID subjectId, Map<String, String> values) {
        OffsetDateTime now = Timestamps.now();
        Map<String, PersonalField> fields = new LinkedHashMap<>();
        List<String> withdrawn = new ArrayList<>();
        PersonalDataWithdrawn.Reason reason = null;
        for (Map.Entry<String, String> entry : values.entrySet()) {
            Disclosure current = Disclosure.current(subjectId, entry.getKey()).orElse(null);
            String value = entry.getValue();
            if (current != null && Objects.equals(current.value, value)) {
                fields.put(entry.getKey(), new PersonalField(current.commitment, subjectId));
                continue;
            }
            if (current != null) {
                reason = value == null ? PersonalDataWithdrawn.Reason.CONSENT_WITHDRAWN
                        : PersonalDataWithdrawn.Reason.RECTIFIED;
                current.withdraw(Disclosure.Reason.valueOf(reason.name()), now);
                withdrawn.add(current.commitment);
                Disclosure.flush(); // the current-value index allows one open disclosure per field
            }
            if (value != null) {
                fields.put(entry.getKey(), disclose(Opening.of(entry.getKey(), subjectId, value), now));
            }
        }
        if (!withdrawn.isEmpty()) {
            idempotency.forgetResponses(subjectId);
        }
        return new Publication(fields, withdrawn, reason);
    }

    /**
     * Erases what the published values left behind: every opening of the subject is emptied and its consent withdrawn.
     * Returns every commitment ever published for the subject, for the erased event.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> erase(UUID subjectId) {
        OffsetDateTime now = Timestamps.now();
        withdrawConsent(subjectId, Consent.Channel.ERASURE);
        List<String> commitments = new ArrayList<>();
        for (Disclosure disclosure : Disclosure.allOf(subjectId)) {
            if (disclosure.withdrawnAt == null) {
                disclosure.withdraw(Disclosure.Reason.ERASED, now);
            }
            commitments.add(disclosure.commitment);
        }
        idempotency.forgetResponses(subjectId);
        return commitments;
    }

    private static PersonalField disclose(Opening opening, OffsetDateTime now) {
        Disclosure disclosure = new Disclosure();
        disclosure.commitment = opening.commitment();
        disclosure.subjectId = opening.ref();
        disclosure.field = opening.field();
        disclosure.salt = opening.salt();
        disclosure.value = opening.value();
        disclosure.disclosedAt = now;
        disclosure.persist();
        return opening.personalField();
    }
}
