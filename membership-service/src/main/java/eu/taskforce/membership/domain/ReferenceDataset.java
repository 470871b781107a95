package eu.taskforce.membership.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;

/** A reference dataset that has been loaded: its version and source, so that it is loaded once. */
@Entity
@Table(name = "reference_dataset")
public class ReferenceDataset extends PanacheEntityBase {

    @Id
    public String name;

    @Column(nullable = false)
    public String version;

    @Column(nullable = false)
    public String source;

    @Column(name = "loaded_at", nullable = false)
    public OffsetDateTime loadedAt;
}
