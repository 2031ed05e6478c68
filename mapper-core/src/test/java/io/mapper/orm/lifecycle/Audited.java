package io.mapper.orm.lifecycle;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.BeforeInsert;
import io.mapper.orm.annotation.BeforeUpdate;
import io.mapper.orm.annotation.Transient;

/** A superclass with life-cycle methods: they run before the subclass's own. */
public abstract class Audited {

    /** The events this object heard, in order (for the tests). */
    @Transient
    public final List<String> events = new ArrayList<>();

    public int revision;

    @BeforeInsert
    void firstRevision() {
        revision = 1;
        events.add("audited.beforeInsert");
    }

    @BeforeUpdate
    void nextRevision() {
        revision++;
        events.add("audited.beforeUpdate");
    }
}
