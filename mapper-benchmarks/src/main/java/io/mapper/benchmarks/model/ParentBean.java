package io.mapper.benchmarks.model;

import java.util.ArrayList;
import java.util.List;

/** A mutable row of {@code bench_parent} with its children, for MyBatis. */
public final class ParentBean {

    private long id;
    private String name = "";
    private List<ChildBean> children = new ArrayList<>();

    public long getId() {
        return id;
    }

    public void setId(long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public List<ChildBean> getChildren() {
        return children;
    }

    public void setChildren(List<ChildBean> children) {
        this.children = children;
    }
}
