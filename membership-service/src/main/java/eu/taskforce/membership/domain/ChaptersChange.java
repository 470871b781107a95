package eu.taskforce.membership.domain;

import eu.taskforce.contracts.reference.Chapter;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** One entry of the history of the chapters a signatory signed; the first is written at registration. */
@Entity
@Table(name = "signatory_chapters_change")
public class ChaptersChange extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "signatory_id", nullable = false)
    public UUID signatoryId;

    @Column(name = "effective_on", nullable = false)
    public LocalDate effectiveOn;

    /** Comma-separated, in the enum's order. */
    @Column(nullable = false)
    public String chapters;

    @Column(name = "recorded_at", nullable = false)
    public OffsetDateTime recordedAt;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    public static ChaptersChange of(UUID signatoryId, Set<Chapter> chapters, LocalDate effectiveOn,
                                    OffsetDateTime recordedAt, String recordedBy) {
        ChaptersChange change = new ChaptersChange();
        change.id = UUID.randomUUID();
        change.signatoryId = signatoryId;
        change.chapters = EnumSet.copyOf(chapters).stream().map(Chapter::name).collect(Collectors.joining(","));
        change.effectiveOn = effectiveOn;
        change.recordedAt = recordedAt;
        change.recordedBy = recordedBy;
        return change;
    }

    public Set<Chapter> chapterSet() {
        return Arrays.stream(chapters.split(",")).map(Chapter::valueOf)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Chapter.class)));
    }

    public static List<ChaptersChange> history(UUID signatoryId) {
        return list("signatoryId = ?1 order by recordedAt, id", signatoryId);
    }
}
