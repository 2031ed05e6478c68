package io.mapper.orm.tracking;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;

/** An enhanced entity with a reference to another: its foreign key is compared at every flush. */
@Entity
@Table(name = "tracked_pet")
public class TrackedPet {

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    @ManyToOne
    private TrackedPerson owner;

    protected TrackedPet() {
    }

    public TrackedPet(String name, TrackedPerson owner) {
        this.name = name;
        this.owner = owner;
        owner.getPets().add(this);
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        return name;
    }

    public TrackedPerson getOwner() {
        return owner;
    }

    public void setOwner(TrackedPerson owner) {
        this.owner = owner;
    }
}
