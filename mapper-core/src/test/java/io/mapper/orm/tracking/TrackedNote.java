package io.mapper.orm.tracking;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;
import io.mapper.orm.annotation.Version;

/**
 * An enhanced entity with nothing a write cannot show (no relationship, only values that cannot change in place): a
 * session holding only such objects flushes the ones it was told were written and does not look at the others.
 */
@Entity
@Table(name = "tracked_note")
public class TrackedNote {

    @Id
    @GeneratedValue
    private Long id;

    @Column(length = 40)
    private String title;

    private int stars;

    @Version
    private long version;

    protected TrackedNote() {
    }

    public TrackedNote(String title) {
        this.title = title;
    }

    public Long getId() {
        return id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public int getStars() {
        return stars;
    }

    public void setStars(int stars) {
        this.stars = stars;
    }

    public long getVersion() {
        return version;
    }

    /** Writes the field directly, as code of the class may. */
    public void star() {
        stars++;
    }
}
