package io.mapper.orm.relations;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.TableClause;
import io.mapper.types.Types;
import io.mapper.testing.BackendTest;

/** Queries along relationships: joins, any/has (EXISTS), references by key; on every backend. */
class RelationQueryIT extends BackendTest {

    // What mapper-processor generates into Owner_, Mail_, Item_ and Label_, written by hand here.
    static final Relation<Owner, Mail> OWNER_MAILS = Relation.of(Owner.class, "mails", Mail.class);
    static final Relation<Mail, Owner> MAIL_OWNER = Relation.of(Mail.class, "owner", Owner.class);
    static final Relation<Item, Label> ITEM_LABELS = Relation.of(Item.class, "labels", Label.class);
    static final Relation<Label, Item> LABEL_ITEMS = Relation.of(Label.class, "items", Item.class);
    static final TableClause OWNER = Attribute.table("owner");
    static final TableClause MAIL = Attribute.table("mail");
    static final TableClause LABEL = Attribute.table("label");
    static final TableClause ITEM = Attribute.table("item");
    static final Attribute<Owner, String> OWNER_NAME = Attribute.of(Owner.class, "name", OWNER, "name",
            Types.string(30));
    static final Attribute<Mail, String> MAIL_EMAIL = Attribute.of(Mail.class, "email", MAIL, "email",
            Types.string(60));
    static final Attribute<Label, String> LABEL_TEXT = Attribute.of(Label.class, "text", LABEL, "text",
            Types.string(255));
    static final Attribute<Item, String> ITEM_NAME = Attribute.of(Item.class, "name", ITEM, "name",
            Types.string(255));

    private SessionFactory sessions;

    @BeforeEach
    void fill() {
        sessions = SessionFactory.builder(engine())
                .entities(Owner.class, Mail.class, Node.class, Item.class, Label.class, Basket.class, Line.class)
                .build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            ann.mails.add(new Mail("ann@work.example"));
            ann.mails.add(new Mail("ann@home.example"));
            Owner bob = new Owner("bob");
            bob.mails.add(new Mail("bob@home.example"));
            Owner cid = new Owner("cid");
            Label red = new Label("red");
            Label blue = new Label("blue");
            Item kettle = new Item("kettle");
            kettle.labels.add(red);
            kettle.labels.add(blue);
            Item mug = new Item("mug");
            mug.labels.add(blue);
            session.addAll(List.of(ann, bob, cid, red, blue, kettle, mug));
            session.commit();
        }
        recorder.clear();
    }

    @Test
    void anyFiltersParentsByTheirChildren() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Owner.class).where(OWNER_MAILS.any(MAIL_EMAIL.endsWith("@work.example"))))
                    .all()).extracting(owner -> owner.name).containsExactly("ann");
            assertThat(session.scalars(select(Owner.class).where(OWNER_MAILS.any()).orderBy(OWNER_NAME)).all())
                    .extracting(owner -> owner.name).containsExactly("ann", "bob");
            assertThat(session.scalars(select(Item.class).where(ITEM_LABELS.any(LABEL_TEXT.eq("red")))).all())
                    .extracting(item -> item.name).containsExactly("kettle");
            assertThat(session.scalars(select(Label.class).where(LABEL_ITEMS.any(ITEM_NAME.eq("mug")))).all())
                    .extracting(label -> label.text).containsExactly("blue");
        }
    }

    @Test
    void hasFiltersChildrenByTheirParent() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Mail.class).where(MAIL_OWNER.has(OWNER_NAME.eq("bob")))).all())
                    .extracting(mail -> mail.email).containsExactly("bob@home.example");
            Owner ann = session.query(Owner.class).filterBy("name", "ann").one();
            assertThat(session.scalars(select(Mail.class).where(MAIL_OWNER.is(ann.id))).all()).hasSize(2);
            assertThatThrownBy(() -> MAIL_OWNER.any()).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("has(");
            assertThatThrownBy(() -> OWNER_MAILS.has()).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("any(");
        }
    }

    @Test
    void joinAlongARelationshipReturnsEachParentOnce() {
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).join(OWNER_MAILS)
                    .where(MAIL_EMAIL.endsWith(".example")).options(selectInLoad(OWNER_MAILS))).all();
            assertThat(owners).extracting(owner -> owner.name).containsExactlyInAnyOrder("ann", "bob");
            List<Item> items = session.scalars(select(Item.class).join(ITEM_LABELS).where(LABEL_TEXT.eq("blue")))
                    .all();
            assertThat(items).extracting(item -> item.name).containsExactlyInAnyOrder("kettle", "mug");
        }
    }
    static final Relation<Node, Node> NODE_PARENT = Relation.of(Node.class, "parent", Node.class);
    static final Relation<Node, Node> NODE_CHILDREN = Relation.of(Node.class, "children", Node.class);

    private void tree() {
        try (Session session = sessions.open()) {
            Node root = new Node("root");
            Node fruit = root.add(new Node("fruit"));
            fruit.add(new Node("apple"));
            fruit.add(new Node("pear"));
            root.add(new Node("veg")).add(new Node("leek"));
            session.add(root);
            session.commit();
        }
    }

    /**
     * Paths through a relationship from a table to itself read the related rows under an alias, as SQLAlchemy's
     * automatic aliasing does (test_query.py::...::test_selfref_relationship: {@code Node.parent.has(Node.data ==
     * "some data")} becomes {@code EXISTS (SELECT 1 FROM nodes AS nodes_1 WHERE nodes_1.id = nodes.parent_id AND
     * nodes_1.data = :data_1)}). Before, the subquery compared each row with itself and matched nothing.
     */
    @Test
    void selfReferentialPathsCompareTheRelatedRowNotTheOuterOne() {
        tree();
        try (Session session = sessions.open()) {
            recorder.clear();
            assertThat(session.query(Node.class).filterBy("parent.label", "fruit").orderBy(NODE_LABEL).all())
                    .extracting(node -> node.label).containsExactly("apple", "pear");
            assertThat(recorder.sql().get(0)).contains("FROM node AS node_1")
                    .contains("node_1.label = ?");
            assertThat(session.query(Node.class).filterBy("children.label", "leek").all())
                    .extracting(node -> node.label).containsExactly("veg");
            // Two steps: the grandparent is read as node_2.
            assertThat(session.query(Node.class).filterBy("parent.parent.label", "root").orderBy(NODE_LABEL).all())
                    .extracting(node -> node.label).containsExactly("apple", "leek", "pear");
            assertThat(session.query(Node.class).filterBy("children.children.label", "apple").all())
                    .extracting(node -> node.label).containsExactly("root");
            // Existence alone: the nodes with a parent, the nodes with children.
            assertThat(session.scalars(select(Node.class).where(NODE_PARENT.has())).all()).hasSize(5);
            assertThat(session.scalars(select(Node.class).where(NODE_CHILDREN.any()).orderBy(NODE_LABEL)).all())
                    .extracting(node -> node.label).containsExactly("fruit", "root", "veg");
        }
    }

    /**
     * Conditions of {@code any(...)} and {@code has(...)} on a relationship from a table to itself are adapted to the
     * alias the related rows are read under: SQLAlchemy's test_joins.py SelfReferentialTest::test_any and ::test_has,
     * and the SQL of test_query.py::...::test_selfref_relationship ({@code Node.children.any(Node.data == "n1")}).
     */
    @Test
    void conditionsOnASelfReferentialRelationshipTestTheRelatedRow() {
        tree();
        try (Session session = sessions.open()) {
            recorder.clear();
            assertThat(session.scalars(select(Node.class).where(NODE_CHILDREN.any(NODE_LABEL.eq("root")))).all())
                    .isEmpty();
            assertThat(recorder.sql().get(0)).contains("EXISTS (SELECT ? FROM node AS node_1 WHERE node_1.parent_id = "
                    + "node.id AND node_1.label = ?)");
            assertThat(session.scalars(select(Node.class).where(NODE_CHILDREN.any(NODE_LABEL.eq("fruit")))).all())
                    .extracting(node -> node.label).containsExactly("root");
            assertThat(session.scalars(select(Node.class).where(NODE_PARENT.has(NODE_LABEL.eq("fruit")))
                    .orderBy(NODE_LABEL)).all()).extracting(node -> node.label).containsExactly("apple", "pear");
            assertThat(session.scalars(select(Node.class).where(NODE_PARENT.has(NODE_LABEL.eq("apple")))).all())
                    .isEmpty();
            // Expressions over the column are adapted too; the outer query's own conditions are not.
            assertThat(session.scalars(select(Node.class).where(NODE_LABEL.ne("root"),
                    NODE_CHILDREN.any(NODE_LABEL.concat("!").in("leek!", "pear!")))
                    .orderBy(NODE_LABEL)).all()).extracting(node -> node.label).containsExactly("fruit", "veg");
            assertThat(session.scalars(select(Node.class).where(NODE_CHILDREN.any(
                    NODE_LABEL.eq("leek").or(NODE_LABEL.like("ap%")).not())).orderBy(NODE_LABEL)).all())
                    .extracting(node -> node.label).containsExactly("fruit", "root");
            // filterBy with an object through two self-referential steps still asks for an explicit join.
            assertThatThrownBy(() -> session.query(Node.class).filterBy("parent.parent", new Node("x")).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("alias node_1");
        }
    }

    static final Attribute<Node, String> NODE_LABEL = Attribute.of(Node.class, "label", Attribute.table("node"),
            "label", Types.string(255));
}
