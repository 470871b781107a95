package eu.taskforce.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import eu.taskforce.notification.domain.MailFrequency;
import eu.taskforce.notification.domain.MailKind;
import eu.taskforce.platform.api.Versions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A person's e-mail choices, one row per person (one version for the set, so one ETag): a kind the person never chose
 * has its {@link MailKind#defaultFrequency()}; a person with no row has every default, version 0.
 */
@ApplicationScoped
public class MailPreferences {

    /** Every kind with its frequency, and the version the ETag names. */
    public record Choices(Map<MailKind, MailFrequency> frequencies, long version, OffsetDateTime updatedAt) {

        public MailFrequency of(MailKind kind) {
            return frequencies.getOrDefault(kind, kind.defaultFrequency());
        }
    }

    private static final TypeReference<Map<MailKind, MailFrequency>> CHOICES = new TypeReference<>() {
    };

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final Clock clock;

    public MailPreferences(EntityManager entityManager, ObjectMapper json, Clock clock) {
        this.entityManager = entityManager;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public Choices of(String person) {
        List<?> rows = entityManager.createNativeQuery(
                        "select cast(choices as text), version, updated_at from mail_preference where person = :person")
                .setParameter("person", person).getResultList();
        Map<MailKind, MailFrequency> frequencies = new EnumMap<>(MailKind.class);
        for (MailKind kind : MailKind.values()) {
            frequencies.put(kind, kind.defaultFrequency());
        }
        if (rows.isEmpty()) {
            return new Choices(frequencies, 0, null);
        }
        Object[] row = (Object[]) rows.get(0);
        frequencies.putAll(read((String) row[0]));
        return new Choices(frequencies, ((Number) row[1]).longValue(),
                eu.taskforce.platform.personaldata.PersonalData.utc(row[2]));
    }

    /**
     * Changes some kinds (the others keep theirs), refused with 412 when {@code ifMatch} names another version. The
     * row of a person who never chose is made here; its lock makes concurrent changes wait for each other.
     */
    @Transactional
    public Choices change(String person, Map<MailKind, MailFrequency> changes, String ifMatch) {
        entityManager.createNativeQuery("""
                        insert into mail_preference (person, choices, version, updated_at)
                        values (:person, '{}'::jsonb, 0, :now) on conflict do nothing""")
                .setParameter("person", person).setParameter("now", OffsetDateTime.now(clock)).executeUpdate();
        Object[] row = (Object[]) entityManager.createNativeQuery(
                        "select cast(choices as text), version from mail_preference where person = :person for update")
                .setParameter("person", person).getSingleResult();
        Versions.requireMatch(ifMatch, ((Number) row[1]).longValue());
        Map<MailKind, MailFrequency> stored = new EnumMap<>(MailKind.class);
        stored.putAll(read((String) row[0]));
        stored.putAll(changes);
        entityManager.createNativeQuery("""
                        update mail_preference set choices = cast(:choices as jsonb), version = version + 1,
                        updated_at = :now where person = :person""")
                .setParameter("choices", write(stored)).setParameter("now", OffsetDateTime.now(clock))
                .setParameter("person", person).executeUpdate();
        return of(person);
    }

    private Map<MailKind, MailFrequency> read(String choices) {
        try {
            return json.readValue(choices, CHOICES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("mail_preference.choices is not a map of kinds", e);
        }
    }

    private String write(Map<MailKind, MailFrequency> choices) {
        try {
            return json.writeValueAsString(choices);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
