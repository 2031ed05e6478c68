package io.mapper.orm.tracking;

import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Table;

/** An enhanced entity whose key the application gives, so the same object can be added to a second session. */
@Entity
@Table(name = "tracked_tag")
public class TrackedTag {

    @Id
    @Column(length = 20)
    private String code;

    @Column(length = 40)
    private String label;

    protected TrackedTag() {
    }

    public TrackedTag(String code, String label) {
        this.code = code;
        this.label = label;
    }

    public String getCode() {
        return code;
    }

    public String getLabel() {
        return label;
    }

    public void setLabel(String label) {
        this.label = label;
    }
}
