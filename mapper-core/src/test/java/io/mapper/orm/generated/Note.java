package io.mapper.orm.generated;

import java.time.Instant;
import java.time.LocalDateTime;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.CreationTimestamp;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Generated;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.UpdateTimestamp;

/** Times set by mapper from the factory's clock, and a state the database's default fills in. */
@Entity
public class Note {

    @Id
    @GeneratedValue
    public Long id;

    public String text;

    @CreationTimestamp
    public Instant createdAt;

    @UpdateTimestamp
    public LocalDateTime updatedAt;

    @Generated
    @Column(length = 10, serverDefault = "'draft'")
    public String state;

    Note() {
    }

    public Note(String text) {
        this.text = text;
    }
}
