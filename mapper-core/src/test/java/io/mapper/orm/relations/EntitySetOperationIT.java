package io.mapper.orm.relations;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.select;
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
import io.mapper.sql.Cte;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Set operations, EXISTS, subqueries and CTEs over entity queries: {@code union/unionAll/intersect/except} of
 * entity selects return entities; EXISTS, IN and scalar subqueries built from metamodel attributes work in entity
 * and Core queries; an entity select reads its objects from a (recursive) CTE. Mirrors SQLAlchemy's
 * test/orm/test_query.py::SetOpsTest (test_union, test_union_literal_columns... as entities),
 * test/orm/test_froms.py::SelectFromTest (test_select_entity_from: select(aliased(User, subq))) and
 * test/orm/test_core_compilation.py::ExtraColsTest's CTE forms (test_recursive_cte over aliased entities).
 */
class EntitySetOperationIT extends BackendTest {

    private static final TableClause OWNER = Attribute.table("owner");
    private static final TableClause MAIL = Attribute.table("mail");
    private static final TableClause NODE = Attribute.table("node");
    private static final Attribute<Owner, Long> OWNER_ID = Attribute.of(Owner.class, "id", OWNER, "id", Types.BIGINT);
    private static final Attribute<Owner, String> OWNER_NAME = Attribute.of(Owner.class, "name", OWNER, "name",
            Types.string(30));
    private static final Attribute<Mail, Long> MAIL_ID = Attribute.of(Mail.class, "id", MAIL, "id", Types.BIGINT);
    private static final Attribute<Mail, String> MAIL_EMAIL = Attribute.of(Mail.class, "email", MAIL, "email",
            Types.string(60));
    private static final Attribute<Mail, Long> MAIL_OWNER_ID = Attribute.of(Mail.class, "owner.id", MAIL, "owner_id",
            Types.BIGINT);
    private static final Attribute<Node, Long> NODE_ID = Attribute.of(Node.class, "id", NODE, "id", Types.BIGINT);
    private static final Attribute<Node, String> NODE_LABEL = Attribute.of(Node.class, "label", NODE, "label",
            Types.string(255));
    private static final Attribute<Node, Long> NODE_PARENT_ID = Attribute.of(Node.class, "parent.id", NODE, "parent_id",
            Types.BIGINT);
    private static final Relation<Owner, Mail> OWNER_MAILS = Relation.of(Owner.class, "mails", Mail.class);

    private SessionFactory sessions;

    @BeforeEach
    void createOwnersAndTree() {
        sessions = SessionFactory.builder(engine()).entities(Owner.class, Mail.class, Node.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Owner ann = new Owner("ann");
            ann.mails.add(new Mail("ann@home.example"));
            ann.mails.add(new Mail("ann@work.example"));
            Owner bob = new Owner("bob");
            bob.mails.add(new Mail("bob@work.example"));
            Owner cy = new Owner("cy");
            Node root = new Node("root");
            Node a = root.add(new Node("a"));
            a.add(new Node("a1"));
            root.add(new Node("b"));
            Node other = new Node("other");
            other.add(new Node("o1"));
            session.addAll(List.of(ann, bob, cy, root, other));
            session.commit();
        }
        recorder.clear();
    }

    /** Mirrors SetOpsTest.test_union: a UNION of entity queries, read as entities, ordered and paged as a whole. */
    @Test
    void unionOfEntityQueriesReturnsEntities() {
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).where(OWNER_NAME.eq("cy"))
                    .union(select(Owner.class).where(OWNER_NAME.eq("ann")))
                    .orderBy(OWNER_NAME.desc()).limit(5)).all();
            assertThat(owners).extracting(owner -> owner.name).containsExactly("cy", "ann");
            // LIMIT ? (H2: FETCH FIRST ? ROWS ONLY) follows
            assertThat(recorder.sql().get(0)).startsWith("SELECT anon_1.id, anon_1.name FROM (SELECT owner.id, "
                    + "owner.name FROM owner WHERE owner.name = ? UNION SELECT owner.id, owner.name FROM owner WHERE "
                    + "owner.name = ?) AS anon_1 ORDER BY anon_1.name DESC ");
            Owner ann = session.scalars(select(Owner.class).where(OWNER_NAME.eq("ann"))).one();
            assertThat(ann).isSameAs(owners.get(1));
        }
    }

    /** Mirrors SetOpsTest.test_union_all / test_intersect / test_except: each entity once, the operator honoured. */
    @Test
    void unionAllIntersectAndExcept() {
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Owner.class).unionAll(select(Owner.class).where(OWNER_NAME.eq("ann")))
                    .orderBy(OWNER_NAME)).all()).extracting(owner -> owner.name).containsExactly("ann", "bob", "cy");
            assertThat(session.scalars(select(Owner.class).where(OWNER_NAME.in("ann", "bob"))
                    .intersect(select(Owner.class).where(OWNER_NAME.in("bob", "cy")))).all())
                    .extracting(owner -> owner.name).containsExactly("bob");
            assertThat(session.scalars(select(Owner.class).except(select(Owner.class).where(OWNER_NAME.eq("bob"))))
                    .all()).extracting(owner -> owner.name).containsExactlyInAnyOrder("ann", "cy");
            assertThat(recorder.sql().get(recorder.sql().size() - 1)).contains(" EXCEPT ");
            assertThat(session.query(Owner.class).count()).isEqualTo(3);
        }
    }

    /** Relationships of entities read from a set operation load as usual: a joined load joins the subquery. */
    @Test
    void relationshipsOfSetOperationResultsLoad() {
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).where(OWNER_NAME.eq("ann"))
                    .union(select(Owner.class).where(OWNER_NAME.eq("bob"))).orderBy(OWNER_NAME)
                    .options(joinedLoad(OWNER_MAILS))).all();
            assertThat(owners).extracting(owner -> owner.mails.size()).containsExactly(2, 1);
            assertThat(recorder.sql()).hasSize(1);
            assertThat(recorder.sql().get(0)).contains("AS anon_1 LEFT OUTER JOIN mail AS mail_1 ON mail_1.owner_id "
                    + "= anon_1.id");
        }
    }

    /**
     * EXISTS, IN and scalar subqueries of metamodel attributes, correlated to the entity query (mirrors
     * test_query.py::ExistsTest and test_froms.py's correlated scalar subqueries); the same in a Core query.
     */
    @Test
    void existsInAndScalarSubqueriesOfAttributes() {
        try (Session session = sessions.open()) {
            List<Owner> withWorkMail = session.scalars(select(Owner.class)
                    .where(Sql.exists(Sql.select(MAIL_ID).where(MAIL_OWNER_ID.eq(OWNER_ID),
                            MAIL_EMAIL.endsWith("@work.example"))))
                    .orderBy(OWNER_NAME)).all();
            assertThat(withWorkMail).extracting(owner -> owner.name).containsExactly("ann", "bob");
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT owner.id, owner.name FROM owner WHERE EXISTS (SELECT "
                    + "mail.id FROM mail WHERE mail.owner_id = owner.id AND mail.email LIKE ? ESCAPE '/') ORDER BY "
                    + "owner.name");
            List<Owner> without = session.scalars(select(Owner.class)
                    .where(OWNER_ID.notIn(Sql.select(MAIL_OWNER_ID).from(MAIL)))).all();
            assertThat(without).extracting(owner -> owner.name).containsExactly("cy");
            List<Owner> busiest = session.scalars(select(Owner.class)
                    .where(Sql.select(Sql.count()).from(MAIL).where(MAIL_OWNER_ID.eq(OWNER_ID)).scalarSubquery()
                            .gt(1L))).all();
            assertThat(busiest).extracting(owner -> owner.name).containsExactly("ann");
            Long count = session.execute(Sql.select(Sql.count()).from(OWNER)
                    .where(Sql.exists(Sql.select(MAIL_ID).where(MAIL_OWNER_ID.eq(OWNER_ID))))).scalar(Long.class);
            assertThat(count).isEqualTo(2L);
        }
    }

    /**
     * An entity select from a recursive CTE (SQLAlchemy's {@code select(aliased(Node, cte))}): the subtree under
     * "root", as Node objects from the identity map, with their relationships loaded.
     */
    @Test
    void entitiesFromARecursiveCte() {
        Cte tree = Sql.select(NODE_ID, NODE_LABEL, NODE_PARENT_ID).from(NODE).where(NODE_LABEL.eq("root"))
                .cteRecursive("tree");
        tree = tree.unionAll(Sql.select(NODE_ID, NODE_LABEL, NODE_PARENT_ID).from(NODE)
                .join(tree, NODE_PARENT_ID.eq(tree.column("id", Long.class))));
        try (Session session = sessions.open()) {
            List<Node> subtree = session.scalars(select(Node.class).from(tree).orderBy(NODE_LABEL)).all();
            assertThat(subtree).extracting(node -> node.label).containsExactly("a", "a1", "b", "root");
            assertThat(recorder.sql().get(0)).startsWith("WITH RECURSIVE tree").endsWith("SELECT tree.id, "
                    + "tree.label, tree.parent_id FROM tree ORDER BY tree.label");
            Node a1 = subtree.get(1);
            assertThat(a1.parent.label).isEqualTo("a");
            assertThat(a1.parent.parent).isSameAs(subtree.get(3));
            assertThat(session.scalars(select(Node.class).from(tree).where(tree.column("label", String.class)
                    .startsWith("a"))).all()).hasSize(2);
        }
    }

    /** A plain CTE over the entity's table, filtered on the CTE's own columns. */
    @Test
    void entitiesFromAPlainCte() {
        Cte named = Sql.select(OWNER_ID, OWNER_NAME).from(OWNER).where(OWNER_NAME.ne("bob")).cte("named");
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).from(named)
                    .where(named.column("name", String.class).ne("cy"))).all();
            assertThat(owners).extracting(owner -> owner.name).containsExactly("ann");
            assertThat(recorder.sql().get(0)).isEqualTo("WITH named(id, name) AS (SELECT owner.id, owner.name FROM owner "
                    + "WHERE owner.name <> ?) SELECT named.id, named.name FROM named WHERE named.name <> ?");
        }
    }

    /** Refusals name the fix: ORDER BY inside a part, a CTE without the entity's columns. */
    @Test
    void badSetOperationsAndSourcesRaise() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.scalars(select(Owner.class).orderBy(OWNER_NAME)
                    .union(select(Owner.class))).all()).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("Give them to the combined query");
            Cte names = Sql.select(OWNER_NAME).from(OWNER).cte("names");
            assertThatThrownBy(() -> session.scalars(select(Owner.class).from(names)).all())
                    .isInstanceOf(ArgumentException.class).hasMessageContaining("has no column 'id'");
        }
    }
}
