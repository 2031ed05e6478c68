package io.mapper.orm.relations;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;

/** A self-referential category tree (adjacency list). */
@Entity
public class Node {
    @Id @GeneratedValue public Long id;
    public String label;
    @ManyToOne public Node parent;
    @OneToMany(mappedBy = "parent", cascade = Cascade.ALL, orderBy = "label")
    public List<Node> children = new ArrayList<>();

    Node() {
    }

    public Node(String label) {
        this.label = label;
    }

    /** Adds a child and returns it. */
    public Node add(Node child) {
        children.add(child);
        child.parent = this;
        return child;
    }
}
