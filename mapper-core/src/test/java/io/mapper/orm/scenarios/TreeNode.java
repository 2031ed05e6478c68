package io.mapper.orm.scenarios;

import java.util.ArrayList;
import java.util.List;

import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;

/** A self-referential node whose children are deleted when orphaned. */
@Entity
public class TreeNode {
    @Id @GeneratedValue public Long id;
    @Column(length = 40, nullable = false) public String label;
    @ManyToOne public TreeNode parent;
    @OneToMany(mappedBy = "parent", cascade = {Cascade.ALL, Cascade.DELETE_ORPHAN}, orderBy = "id")
    public List<TreeNode> children = new ArrayList<>();

    TreeNode() {
    }

    public TreeNode(String label) {
        this.label = label;
    }

    /** Links both sides, for objects not yet in a session. */
    public TreeNode add(TreeNode child) {
        children.add(child);
        child.parent = this;
        return child;
    }
}
