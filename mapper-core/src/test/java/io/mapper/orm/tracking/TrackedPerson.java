package io.mapper.orm.tracking;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Json;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Transient;

/**
 * An entity the build's enhancer rewrites (mapper-core's pom runs it on this package): its field writes count, in
 * every way Java code can write them.
 */
@Entity
@Table(name = "tracked_person")
public class TrackedPerson extends TrackedBase {

    /** How many times the flush (or anyone) read the name through its getter. */
    static int nameReads;

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String name;

    private String email;

    /** Package-private: {@link Visits}, another class of the package, writes it directly. */
    int visits;

    /** A JSON document that changes in place: compared at every flush, whatever the count says. */
    @Json
    private List<String> tags;

    @Transient
    private String note;

    private transient int lookups;

    @OneToMany(mappedBy = "owner")
    private List<TrackedPet> pets = new ArrayList<>();

    protected TrackedPerson() {
    }

    public TrackedPerson(String name, String email) {
        this.name = name;
        this.email = email;
        this.tags = new ArrayList<>(List.of("new"));
    }

    public Long getId() {
        return id;
    }

    public String getName() {
        nameReads++;
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public int getVisits() {
        return visits;
    }

    public List<String> getTags() {
        return tags;
    }

    public void setNote(String note) {
        this.note = note;
    }

    public void lookedUp() {
        lookups++;
    }

    public List<TrackedPet> getPets() {
        return pets;
    }

    /** Writes the private name from a nested class: a nest mate's write. */
    static final class Renamer {

        private Renamer() {
        }

        static void rename(TrackedPerson person, String name) {
            person.name = name;
        }
    }
}
