package io.mapper.orm.tracking;

/** A plain superclass whose field mapper maps on each subclass: the enhancer counts its writes too. */
public abstract class TrackedBase {

    private String createdBy;

    public String getCreatedBy() {
        return createdBy;
    }

    public void setCreatedBy(String createdBy) {
        this.createdBy = createdBy;
    }
}
