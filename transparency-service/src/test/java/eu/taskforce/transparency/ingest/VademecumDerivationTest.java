package eu.taskforce.transparency.ingest;

import eu.taskforce.contracts.membership.Opening;
import eu.taskforce.contracts.membership.PersonalField;
import eu.taskforce.contracts.membership.RepresentativeRole;
import eu.taskforce.contracts.membership.VademecumPublished;
import eu.taskforce.contracts.reference.Chapter;
import eu.taskforce.transparency.domain.AggregateType;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A Vademecum edition enters the register as its own aggregate, with a representative's name only as the commitment
 * that belongs to that representative: anything else is refused (to the dead-letter topic) before the log keeps it.
 */
class VademecumDerivationTest {

    static final UUID EDITION = UUID.randomUUID();
    static final UUID REPRESENTATIVE = UUID.randomUUID();

    static VademecumPublished edition(PersonalField name) {
        return new VademecumPublished(EDITION, 3, LocalDate.of(2026, 12, 1), OffsetDateTime.parse("2026-12-01T10:00:00Z"),
                List.of(new VademecumPublished.Section("objectives", 1, "Objectives", "Text")),
                List.of(new VademecumPublished.Participant(UUID.randomUUID(), "Example AI", "FR", null,
                        List.of(Chapter.TRANSPARENCY), LocalDate.of(2026, 1, 30),
                        List.of(new VademecumPublished.Representative(REPRESENTATIVE, RepresentativeRole.PRINCIPAL,
                                name)))));
    }

    @Test
    void anEditionIsItsOwnAggregateAndKeepsOnlyTheCommitment() {
        Opening opening = Opening.of("publicName", REPRESENTATIVE, "Jeanne Martin");
        VademecumPublished edition = edition(opening.personalField());
        assertThat(Derivation.aggregateType(edition)).isEqualTo(AggregateType.VADEMECUM_EDITION);
        assertThat(Derivation.aggregateId(edition)).isEqualTo(EDITION);
        String data = Derivation.publicData(edition).toString();
        assertThat(data).contains(opening.commitment()).doesNotContain("Jeanne");
    }

    @Test
    void aCommitmentOfAnotherPersonOrOfAnotherFormOrAnEditionWithoutItsListsIsRefused() {
        PersonalField someoneElse = Opening.of("publicName", UUID.randomUUID(), "Other").personalField();
        assertThatThrownBy(() -> Derivation.publicData(edition(someoneElse)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ref");
        assertThatThrownBy(() -> Derivation.publicData(edition(new PersonalField("Jeanne Martin", REPRESENTATIVE))))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("commitment");
        assertThatThrownBy(() -> Derivation.publicData(new VademecumPublished(EDITION, 1, LocalDate.of(2026, 12, 1),
                OffsetDateTime.parse("2026-12-01T10:00:00Z"), List.of(), null)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
