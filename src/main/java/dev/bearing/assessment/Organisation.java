package dev.bearing.assessment;

import io.quarkus.hibernate.orm.panache.PanacheEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A client organisation that is assessed. */
@Entity
@Table(name = "organisation")
public class Organisation extends PanacheEntity {

    /** Organisation name as the consultant typed it (up to 200 characters). */
    @Column(nullable = false, length = 200)
    public String name;

    /** When the organisation was recorded. */
    @Column(name = "created_at", nullable = false)
    public Instant createdAt;
}
