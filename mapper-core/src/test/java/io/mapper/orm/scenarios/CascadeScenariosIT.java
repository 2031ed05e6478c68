package io.mapper.orm.scenarios;

import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.MapperException;
import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/**
 * SQLAlchemy's test/orm/test_cascade.py, rewritten against mapper: save-update along collections and along
 * many-to-one / one-to-one references, delete, delete-orphan, passive deletes, expunge and merge cascades.
 */
class CascadeScenariosIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Parent.class, Child.class, Customer.class,
                PurchaseOrder.class, Folder.class, Document.class, TreeNode.class, Bundle.class, Part.class,
                Artist.class, Album.class, Citizen.class, Passport.class, Post.class, Tag.class, Person.class,
                Address.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    /** A number selected inside the session's own transaction. */
    private static long count(Session session, String sql) {
        return ((Number) Objects.requireNonNull(session.execute(Sql.text(sql)).scalar(), sql)).longValue();
    }

    private static long rows(Session session, String table) {
        return count(session, "SELECT COUNT(*) FROM " + table);
    }

    private List<String> childNames() {
        return Db.strings(engine(), "SELECT name FROM child ORDER BY id");
    }

    // ---- O2MCascadeDeleteOrphanTest ----

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_list_assignment_new */
    @Test
    void test_list_assignment_new() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            Child o1 = jack.add(new Child("order 1"));
            Child o2 = jack.add(new Child("order 2"));
            session.add(jack);
            atAdd.assertThat(session.state(o1)).isEqualTo(EntityState.PENDING);
            session.commit();
            assertThat(session.state(o2)).isEqualTo(EntityState.PERSISTENT);
            assertThat(jack.children).containsExactly(o1, o2);
        }
        try (Session session = sessions.open()) {
            Parent jack = session.query(Parent.class).one();
            assertThat(jack.children).extracting(child -> child.name).containsExactly("order 1", "order 2");
        }
        atAdd.assertAll();
    }

    /**
     * mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_list_assignment_replace (the first
     * children are flushed before the list is replaced, so the replaced ones are persistent orphans).
     */
    @Test
    void test_list_assignment_replace() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            Child o1 = jack.add(new Child("someorder"));
            Child o2 = jack.add(new Child("someotherorder"));
            session.add(jack);
            session.flush();

            Child o3 = new Child("order 3");
            Child o4 = new Child("order 4");
            o3.parent = jack;
            o4.parent = jack;
            jack.children = new ArrayList<>(List.of(o3, o4));
            session.commit();
            assertThat(jack.children).containsExactly(o3, o4);
            assertThat(session.contains(o1)).isFalse();
            assertThat(session.contains(o2)).isFalse();
        }
        assertThat(childNames()).containsExactly("order 3", "order 4");
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_standalone_orphan */
    @Test
    void test_standalone_orphan() {
        try (Session session = sessions.open()) {
            Child o5 = new Child("order 5");
            session.add(o5);
            assertThatThrownBy(session::flush).isInstanceOf(MapperException.class);
            session.rollback();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    /**
     * mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_save_update_sends_pending (mapper takes a
     * detached object back with merge(), which cascades along the collection: added children are inserted, removed
     * ones are orphans and deleted).
     */
    @Test
    void test_save_update_sends_pending() {
        Parent detached;
        try (Session session = sessions.open()) {
            detached = new Parent("jack");
            detached.add(new Child("o1"));
            detached.add(new Child("o2"));
            session.add(detached);
            session.commit();
        }
        Child o1 = detached.children.get(0);
        Child o3 = new Child("o3");
        o3.parent = detached;
        detached.children.add(o3);
        detached.children.remove(o1);
        try (Session session = sessions.open()) {
            Parent merged = session.merge(detached);
            assertThat(merged.children).hasSize(2).allSatisfy(child -> {
                assertThat(child.parent).isSameAs(merged);
                assertThat(session.contains(child)).isTrue();
            });
            session.commit();
        }
        assertThat(childNames()).containsExactly("o2", "o3");
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM child WHERE parent_id IS NULL")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_remove_pending_from_collection */
    @Test
    void test_remove_pending_from_collection() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            session.add(jack);
            session.commit();

            Child o1 = new Child("o1");
            jack.children.add(o1);
            assertThat(o1.parent).isSameAs(jack);
            jack.children.remove(o1);
            session.commit();
            assertThat(session.state(o1)).isEqualTo(EntityState.TRANSIENT);
            assertThat(o1.id).isNull();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_delete */
    @Test
    void test_delete() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            Child a = jack.add(new Child("someorder"));
            jack.add(new Child("someotherorder"));
            session.add(jack);
            session.flush();
            session.delete(jack);
            session.flush();
            assertThat(rows(session, "parent")).isZero();
            assertThat(rows(session, "child")).isZero();
            assertThat(session.contains(a)).isFalse();
            session.commit();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_delete_unloaded_collections */
    @Test
    void test_delete_unloaded_collections() {
        Long id;
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            jack.add(new Child("address1"));
            jack.add(new Child("address2"));
            session.add(jack);
            session.commit();
            id = jack.id;
        }
        try (Session session = sessions.open()) {
            Parent jack = session.scalars(select(Parent.class).options(lazyLoad("children"))).one();
            assertThat(jack.id).isEqualTo(id);
            session.delete(jack);
            session.flush();
            assertThat(rows(session, "child")).isZero();
            assertThat(rows(session, "parent")).isZero();
            session.commit();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_cascades_onlycollection */
    @Test
    void test_cascades_onlycollection() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Parent jack = new Parent("jack");
            jack.add(new Child("someorder"));
            jack.add(new Child("someotherorder"));
            session.add(jack);
            session.flush();

            Child o = jack.children.remove(0);
            session.delete(jack);
            assertThat(session.state(jack)).isEqualTo(EntityState.DELETED);
            assertThat(session.state(o)).isEqualTo(EntityState.PERSISTENT);

            Parent newuser = new Parent("newuser");
            newuser.add(o);
            session.add(newuser);
            session.flush();
            assertThat(rows(session, "parent")).isEqualTo(1);
            assertThat(rows(session, "child")).isEqualTo(1);
            session.commit();
        }
        try (Session session = sessions.open()) {
            List<Parent> all = session.query(Parent.class).all();
            assertThat(all).extracting(parent -> parent.name).containsExactly("newuser");
            assertThat(all.get(0).children).extracting(child -> child.name).containsExactly("someorder");
        }
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_cascade_delete_plusorphans */
    @Test
    void test_cascade_delete_plusorphans() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            jack.add(new Child("someorder"));
            jack.add(new Child("someotherorder"));
            session.add(jack);
            session.flush();
            assertThat(rows(session, "parent")).isEqualTo(1);
            assertThat(rows(session, "child")).isEqualTo(2);

            jack.children.remove(0);
            session.delete(jack);
            session.flush();
            assertThat(rows(session, "parent")).isZero();
            assertThat(rows(session, "child")).isZero();
            session.commit();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteOrphanTest::test_collection_orphans */
    @Test
    void test_collection_orphans() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            jack.add(new Child("someorder"));
            jack.add(new Child("someotherorder"));
            session.add(jack);
            session.flush();
            jack.children.clear();
            session.flush();
            assertThat(rows(session, "parent")).isEqualTo(1);
            assertThat(rows(session, "child")).isZero();
            session.commit();
        }
        assertThat(Db.rows(engine(), "parent")).isEqualTo(1);
        assertThat(Db.rows(engine(), "child")).isZero();
    }

    // ---- O2MCascadeDeleteNoOrphanTest / PendingOrphanTestSingleLevel ----

    /** mirrors test/orm/test_cascade.py::O2MCascadeDeleteNoOrphanTest::test_cascade_delete_noorphans */
    @Test
    void test_cascade_delete_noorphans() {
        try (Session session = sessions.open()) {
            Customer jack = new Customer("jack");
            PurchaseOrder removed = jack.add(new PurchaseOrder("someorder"));
            jack.add(new PurchaseOrder("someotherorder"));
            session.add(jack);
            session.flush();
            assertThat(rows(session, "customer")).isEqualTo(1);
            assertThat(rows(session, "purchase_order")).isEqualTo(2);

            jack.orders.remove(0);
            session.delete(jack);
            session.flush();
            assertThat(rows(session, "customer")).isZero();
            assertThat(rows(session, "purchase_order")).isEqualTo(1);
            assertThat(session.state(removed)).isEqualTo(EntityState.PERSISTENT);
            assertThat(removed.customer).isNull();
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT description FROM purchase_order WHERE customer_id IS NULL"))
                .containsExactly("someorder");
    }

    /**
     * mirrors test/orm/test_cascade.py::PendingOrphanTestSingleLevel::test_nonorphans_ok (the collection is flushed
     * once first: removing an element without delete-orphan keeps the row and sets its key to NULL).
     */
    @Test
    void test_nonorphans_ok() {
        try (Session session = sessions.open()) {
            Customer u = new Customer("u1");
            PurchaseOrder a1 = u.add(new PurchaseOrder("ad1"));
            session.add(u);
            session.flush();
            u.orders.remove(a1);
            session.flush();
            assertThat(session.state(a1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(a1.customer).isNull();
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT description FROM purchase_order")).containsExactly("ad1");
        assertThat(Db.count(engine(), "SELECT COUNT(*) FROM purchase_order WHERE customer_id IS NULL")).isEqualTo(1);
    }

    /** mirrors test/orm/test_cascade.py::PendingOrphanTestSingleLevel::test_pending_collection_expunge */
    @Test
    void test_pending_collection_expunge() {
        try (Session session = sessions.open()) {
            Parent u = new Parent("u");
            session.add(u);
            session.flush();
            Child a = new Child("a");
            u.children.add(a);
            u.children.remove(a);
            session.delete(u);
            session.flush();
            assertThat(a.id).as("the removed pending child is not persisted").isNull();
            assertThat(session.state(a)).isEqualTo(EntityState.TRANSIENT);
            session.commit();
        }
        assertThat(Db.rows(engine(), "child")).isZero();
        assertThat(Db.rows(engine(), "parent")).isZero();
    }

    // ---- NoSaveCascadeFlushTest: save-update along collections and references ----

    /** mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_o2m_only_child_pending */
    @Test
    void test_o2m_only_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Artist u1 = new Artist("u1");
            Album a1 = u1.add(new Album("a1"));
            session.add(u1);
            atAdd.assertThat(session.contains(u1)).isTrue();
            atAdd.assertThat(session.contains(a1)).isTrue();
            session.commit();
        }
        assertThat(Db.count(engine(),
                "SELECT COUNT(*) FROM album a JOIN artist r ON r.id = a.artist_id WHERE r.name = 'u1'")).isEqualTo(1);
        atAdd.assertAll();
    }

    /** mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_m2o_only_child_pending */
    @Test
    void test_m2o_only_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Artist u1 = new Artist("u1");
            Album a1 = new Album("a1");
            a1.artist = u1;
            session.add(a1);
            atAdd.assertThat(session.contains(a1)).isTrue();
            atAdd.assertThat(session.contains(u1)).as("reachable only through the many-to-one").isTrue();
            session.commit();
            assertThat(session.state(u1)).isEqualTo(EntityState.PERSISTENT);
            assertThat(u1.id).isNotNull();
        }
        assertThat(Db.strings(engine(), "SELECT name FROM artist")).containsExactly("u1");
        assertThat(Db.count(engine(),
                "SELECT COUNT(*) FROM album a JOIN artist r ON r.id = a.artist_id WHERE r.name = 'u1'")).isEqualTo(1);
        atAdd.assertAll();
    }

    /**
     * mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_m2o_backref_child_pending (the one-to-one form:
     * a citizen reachable only through the passport's owning reference is saved).
     */
    @Test
    void test_m2o_backref_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Citizen u1 = new Citizen("u1");
            Passport a1 = new Passport("P-1");
            a1.citizen = u1;
            session.add(a1);
            atAdd.assertThat(session.contains(u1)).isTrue();
            session.commit();
            assertThat(u1.id).isNotNull();
        }
        assertThat(Db.count(engine(),
                "SELECT COUNT(*) FROM passport p JOIN citizen c ON c.id = p.citizen_id WHERE c.name = 'u1'"))
                .isEqualTo(1);
        atAdd.assertAll();
    }

    /**
     * mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_o2m_backref_child_pending (the one-to-one
     * form: a passport reachable only through the citizen's inverse reference is saved, with its key set).
     */
    @Test
    void test_o2m_backref_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Citizen u1 = new Citizen("u1");
            Passport a1 = new Passport("P-1");
            u1.passport = a1;
            session.add(u1);
            atAdd.assertThat(session.contains(a1)).isTrue();
            session.commit();
            assertThat(a1.citizen).isSameAs(u1);
        }
        assertThat(Db.count(engine(),
                "SELECT COUNT(*) FROM passport p JOIN citizen c ON c.id = p.citizen_id WHERE c.name = 'u1'"))
                .isEqualTo(1);
        atAdd.assertAll();
    }

    /** mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_m2m_only_child_pending */
    @Test
    void test_m2m_only_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Post i1 = new Post("i1");
            Tag k1 = new Tag("k1");
            i1.tags.add(k1);
            session.add(i1);
            atAdd.assertThat(session.contains(k1)).isTrue();
            session.commit();
        }
        assertThat(Db.rows(engine(), "tag")).isEqualTo(1);
        assertThat(Db.rows(engine(), "post_tag")).isEqualTo(1);
        atAdd.assertAll();
    }

    /** mirrors test/orm/test_cascade.py::NoSaveCascadeFlushTest::test_m2m_backref_child_pending */
    @Test
    void test_m2m_backref_child_pending() {
        SoftAssertions atAdd = new SoftAssertions(); // SQLAlchemy cascades at add() time
        try (Session session = sessions.open()) {
            Tag k1 = new Tag("k1");
            Post i1 = new Post("i1");
            k1.posts.add(i1);
            session.add(k1);
            atAdd.assertThat(session.contains(i1)).isTrue();
            session.commit();
            assertThat(i1.tags).containsExactly(k1);
        }
        assertThat(Db.rows(engine(), "post")).isEqualTo(1);
        assertThat(Db.rows(engine(), "post_tag")).as("the inverse side's addition writes the link").isEqualTo(1);
        atAdd.assertAll();
    }

    /**
     * mirrors test/orm/test_cascade.py::M2OCascadeDeleteOrphanTestOne::test_save_update_sends_pending (a new object
     * assigned to a persistent object's many-to-one is inserted at the flush and referenced).
     */
    @Test
    void test_save_update_sends_pending_m2o() {
        Long albumId;
        try (Session session = sessions.open()) {
            Album album = new Album("a1");
            album.artist = new Artist("p1");
            session.add(album);
            session.commit();
            albumId = album.id;
        }
        try (Session session = sessions.open()) {
            Album album = session.get(Album.class, albumId);
            Artist p2 = new Artist("p2");
            album.artist = p2;
            session.commit();
            assertThat(session.state(p2)).isEqualTo(EntityState.PERSISTENT);
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("p2");
        assertThat(Db.rows(engine(), "artist")).isEqualTo(2);
    }

    // ---- M2MCascadeTest ----

    /** mirrors test/orm/test_cascade.py::M2MCascadeTest::test_delete_orphan */
    @Test
    void test_delete_orphan_m2m() {
        try (Session session = sessions.open()) {
            Part b1 = new Part("b1");
            Bundle a1 = new Bundle("a1");
            a1.parts.add(b1);
            session.add(a1);
            session.flush();
            a1.parts.remove(b1);
            session.flush();
            assertThat(rows(session, "bundle_part")).isZero();
            assertThat(rows(session, "part")).isZero();
            assertThat(rows(session, "bundle")).isEqualTo(1);
            session.commit();
        }
        assertThat(Db.rows(engine(), "part")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::M2MCascadeTest::test_cascade_delete */
    @Test
    void test_cascade_delete_m2m() {
        try (Session session = sessions.open()) {
            Bundle a1 = new Bundle("a1");
            a1.parts.add(new Part("b1"));
            session.add(a1);
            session.flush();
            session.delete(a1);
            session.flush();
            assertThat(rows(session, "bundle_part")).isZero();
            assertThat(rows(session, "part")).isZero();
            assertThat(rows(session, "bundle")).isZero();
            session.commit();
        }
        assertThat(Db.rows(engine(), "bundle")).isZero();
    }

    // ---- O2MSelfReferentialDetelOrphanTest ----

    /** mirrors test/orm/test_cascade.py::O2MSelfReferentialDetelOrphanTest::test_self_referential_delete */
    @Test
    void test_self_referential_delete() {
        try (Session session = sessions.open()) {
            TreeNode n1 = new TreeNode("n1");
            n1.add(new TreeNode("n2"));
            TreeNode n3 = n1.add(new TreeNode("n3"));
            n3.add(new TreeNode("n4"));
            session.add(n1);
            session.commit();
            assertThat(session.query(TreeNode.class).count()).isEqualTo(4);

            n1.children.remove(n3);
            session.commit();
            assertThat(session.query(TreeNode.class).count()).isEqualTo(2);
        }
        assertThat(Db.strings(engine(), "SELECT label FROM tree_node ORDER BY id")).containsExactly("n1", "n2");
    }

    // ---- passive deletes, expunge and merge ----

    /**
     * mirrors test/orm/test_cascade.py::CascadeArgTest::test_delete_with_passive_deletes_all (the behaviour behind
     * the flag: the unloaded children are left to ON DELETE CASCADE, without a SELECT).
     */
    @Test
    void test_delete_with_passive_deletes_all() {
        try (Session session = sessions.open()) {
            Folder folder = new Folder("f");
            folder.add(new Document("d1"));
            folder.add(new Document("d2"));
            session.add(folder);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Folder folder = session.scalars(select(Folder.class).options(lazyLoad("documents"))).one();
            recorder.clear();
            session.delete(folder);
            session.commit();
        }
        assertThat(recorder.sql()).noneMatch(sql -> sql.contains("document"));
        assertThat(Db.rows(engine(), "document")).isZero();
        assertThat(Db.rows(engine(), "folder")).isZero();
    }

    /**
     * mirrors test/orm/test_cascade.py::CascadeArgTest::test_delete_with_passive_deletes_all (children already loaded:
     * they are deleted with the parent and leave the session).
     */
    @Test
    void test_delete_with_passive_deletes_loaded_children() {
        try (Session session = sessions.open()) {
            Folder folder = new Folder("f");
            folder.add(new Document("d1"));
            session.add(folder);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Folder folder = session.query(Folder.class).one();
            Document d1 = folder.documents.get(0);
            session.delete(folder);
            session.commit();
            assertThat(session.contains(d1)).isFalse();
        }
        assertThat(Db.rows(engine(), "document")).isZero();
    }

    /** mirrors test/orm/test_cascade.py::ViewonlyCascadeUpdate::test_expunge_cascade (the writable relationship) */
    @Test
    void test_expunge_cascade() {
        try (Session session = sessions.open()) {
            Parent jack = new Parent("jack");
            Child c1 = jack.add(new Child("c1"));
            session.add(jack);
            session.commit();
            Parent loaded = session.query(Parent.class).one();
            assertThat(loaded).isSameAs(jack);
            session.expunge(jack);
            assertThat(session.state(jack)).isEqualTo(EntityState.DETACHED);
            assertThat(session.state(c1)).isEqualTo(EntityState.DETACHED);

            Parent pending = new Parent("pending");
            Child c2 = pending.add(new Child("c2"));
            session.add(pending);
            session.expunge(pending);
            assertThat(session.state(pending)).isEqualTo(EntityState.TRANSIENT);
            assertThat(session.state(c2)).isEqualTo(EntityState.TRANSIENT);
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT name FROM parent")).containsExactly("jack");
        assertThat(childNames()).containsExactly("c1");
    }

    /** mirrors test/orm/test_cascade.py::ViewonlyCascadeUpdate::test_default_merge_cascade (the writable one) */
    @Test
    void test_default_merge_cascade() {
        Person detached;
        try (Session session = sessions.open()) {
            detached = new Person("ed");
            detached.add(new Address("foo"));
            session.add(detached);
            session.commit();
        }
        detached.addresses.get(0).email = "foober";
        Address added = new Address("bar");
        added.person = detached;
        detached.addresses.add(added);
        try (Session session = sessions.open()) {
            Person merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.addresses).extracting(address -> address.email).containsExactly("foober", "bar");
            assertThat(merged.addresses).allSatisfy(address -> {
                assertThat(address).isNotSameAs(added);
                assertThat(address.person).isSameAs(merged);
            });
            assertThat(session.contains(added)).isFalse();
            session.commit();
        }
        assertThat(Db.strings(engine(), "SELECT email FROM address ORDER BY id")).containsExactly("foober", "bar");
    }

    // ---- O2MConflictTest: a child moved to a new parent while the old one is deleted (or not) ----

    private void moveAlbum(boolean deleteOld) {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Artist p1 = new Artist("p1");
            Artist p2 = new Artist("p2");
            Album c1 = p1.add(new Album("c1"));
            session.addAll(List.of(p1, c1));
            session.flush();
            if (deleteOld) {
                session.delete(p1);
            }
            p2.add(c1);
            session.add(p2);
            session.flush();
            assertThat(count(session, "SELECT COUNT(*) FROM album WHERE artist_id = " + p2.id)).isEqualTo(1);
            assertThat(c1.artist).isSameAs(p2);
            assertThat(p1.albums).doesNotContain(c1);
            assertThat(rows(session, "artist")).isEqualTo(deleteOld ? 1 : 2);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT r.name FROM album a JOIN artist r ON r.id = a.artist_id"))
                .isEqualTo("p2");
    }

    /** mirrors test/orm/test_cascade.py::O2MConflictTest::test_o2m_delete_old */
    @Test
    void test_o2m_delete_old() {
        moveAlbum(true);
    }

    /** mirrors test/orm/test_cascade.py::O2MConflictTest::test_o2m_delete_old (the old parent kept) */
    @Test
    void test_o2m_keep_old() {
        moveAlbum(false);
    }

    /** mirrors test/orm/test_cascade.py::O2MConflictTest::test_o2o_backref_delete_old */
    @Test
    void test_o2o_backref_delete_old() {
        try (Session session = sessions.open()) {
            session.autoflush(false);
            Citizen p1 = new Citizen("p1");
            Citizen p2 = new Citizen("p2");
            Passport c1 = new Passport("c1");
            p1.passport = c1;
            c1.citizen = p1;
            session.addAll(List.of(p1, c1));
            session.flush();
            session.delete(p1);
            p2.passport = c1;
            c1.citizen = p2;
            session.add(p2);
            session.flush();
            assertThat(count(session, "SELECT COUNT(*) FROM passport WHERE citizen_id = " + p2.id)).isEqualTo(1);
            session.commit();
        }
        assertThat(Db.string(engine(), "SELECT c.name FROM passport p JOIN citizen c ON c.id = p.citizen_id"))
                .isEqualTo("p2");
        assertThat(Db.rows(engine(), "citizen")).isEqualTo(1);
    }
}
