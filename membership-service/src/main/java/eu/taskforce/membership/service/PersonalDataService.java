package eu.taskforce.membership.service;

import eu.taskforce.membership.domain.Consent;
import eu.taskforce.membership.domain.Disclosure;
import eu.taskforce.membership.domain.Representative;
import eu.taskforce.platform.audit.AuditTrail;
import eu.taskforce.platform.personaldata.Account;
import eu.taskforce.platform.personaldata.ExportLists;
import eu.taskforce.platform.personaldata.PersonalData;
import eu.taskforce.platform.personaldata.PersonalDataHolder;
import eu.taskforce.platform.personaldata.SubjectColumn;
import eu.taskforce.platform.time.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What membership-service holds about an account: the person's appointments as a representative (found by the account
 * name they log in with), with their consents and published values; and, for AI Office staff, the token subject in the
 * columns that say who recorded a change. No row records an account name together with a token subject, so an erasure
 * by name links to no subject here. Erasure goes through {@link RepresentativeService}, so the register and every
 * subscriber are told.
 */
@ApplicationScoped
public class PersonalDataService implements PersonalDataHolder {

    /** The columns that keep who recorded a change (a token subject): pseudonymised when that account is erased. */
    static final List<SubjectColumn> SUBJECT_COLUMNS = List.of(new SubjectColumn("membership", "joined_by"),
            new SubjectColumn("membership", "left_by"), new SubjectColumn("signatory_chapters_change", "recorded_by"),
            new SubjectColumn("ad_hoc_group_participant", "added_by"), new SubjectColumn("consent", "recorded_by"),
            new SubjectColumn("ad_hoc_group_stakeholder", "added_by"));

    public record ConsentData(UUID id, String purpose, String noticeVersion, OffsetDateTime givenAt,
                              Consent.Channel givenVia, OffsetDateTime withdrawnAt, Consent.Channel withdrawnVia) {
    }

    public record DisclosureData(String commitment, String field, String value, OffsetDateTime disclosedAt,
                                 OffsetDateTime withdrawnAt, String withdrawnReason) {
    }

    public record AppointmentData(UUID id, UUID organisationId, String name, String email, String role,
                                  String username, boolean nameConsent, OffsetDateTime createdAt,
                                  OffsetDateTime removedAt, List<ConsentData> consents,
                                  List<DisclosureData> disclosures) {
    }

    public record Export(Account account, OffsetDateTime exportedAt, List<String> truncated,
                         List<AppointmentData> representatives, List<AuditTrail.Entry> audit) {
    }

    private final RepresentativeService representatives;
    private final PersonalData personalData;

    public PersonalDataService(RepresentativeService representatives, PersonalData personalData) {
        this.representatives = representatives;
        this.personalData = personalData;
    }

    @Transactional
    public Export export() {
        Account account = personalData.caller();
        ExportLists lists = new ExportLists();
        List<Representative> appointments = account.username() == null ? List.of()
                : Representative.ofAccount(account.username());
        List<AppointmentData> representativeData = lists.cap("representatives", appointments.stream()
                .map(r -> new AppointmentData(r.id, r.organisationId, r.name, r.email, r.role.name(), r.username,
                        r.nameConsent, r.createdAt, r.removedAt,
                        Consent.history(r.id).stream().map(c -> new ConsentData(c.id, c.purpose, c.noticeVersion,
                                c.givenAt, c.givenVia, c.withdrawnAt, c.withdrawnVia)).toList(),
                        Disclosure.allOf(r.id).stream().map(d -> new DisclosureData(d.commitment, d.field, d.value,
                                d.disclosedAt, d.withdrawnAt, d.withdrawnReason)).toList()))
                .toList());
        List<AuditTrail.Entry> audit = lists.cap("audit", personalData.audit(Set.of(account.subject())));
        return new Export(account, Timestamps.now().withOffsetSameInstant(ZoneOffset.UTC), lists.truncated(),
                representativeData, audit);
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Erased erase(Set<String> subjects, String username) {
        Set<String> values = username == null ? Set.of() : representatives.eraseAccount(username);
        return new Erased(values.size() + personalData.pseudonymise(SUBJECT_COLUMNS, subjects), values);
    }
}
