package io.mapper.orm.relations;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.raiseLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.DetachedInstanceException;
import io.mapper.orm.EntityState;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;

/** Relationship kinds, loading strategies and cascades, asserted by counting statements on every backend. */
class RelationshipIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine())
                .entities(Owner.class, Mail.class, Node.class, Item.class, Label.class, Basket.class, Line.class)
                .build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private void hundredOwnersWithMails() {
        try (Session session = sessions.open()) {
            for (int i = 0; i < 100; i++) {
                Owner owner = new Owner("owner" + String.format("%03d", i));
                owner.mails.add(new Mail("a" + i + "@example.com"));
                owner.mails.add(new Mail("b" + i + "@example.com"));
                session.add(owner);          // the mails follow through the save-update cascade
            }
            session.commit();
        }
        recorder.clear();
    }

    @Test
    void cascadeSavesChildrenWithForeignKeysFromTheirParent() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            assertThat(session.execute(Sql.text("SELECT COUNT(*) FROM mail WHERE owner_id IS NOT NULL"))
                    .scalar(Long.class)).isEqualTo(200);
        }
    }

    @Test
    void selectInLoadsAHundredParentsAndTheirChildrenInTwoStatements() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class)).all();
            assertThat(owners).hasSize(100);
            assertThat(owners).allSatisfy(owner -> assertThat(owner.mails).hasSize(2)
                    .allSatisfy(mail -> assertThat(mail.owner).isSameAs(owner)));
            assertThat(owners.get(0).mails).extracting(mail -> mail.email)
                    .containsExactly("a0@example.com", "b0@example.com");
        }
        recorder.assertCount(2);
    }

    @Test
    void joinedLoadsThemInOneStatement() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).options(joinedLoad("mails"))).all();
            assertThat(owners).hasSize(100).allSatisfy(owner -> assertThat(owner.mails).hasSize(2));
        }
        recorder.assertCount(1);
        assertThat(recorder.sql().get(0)).contains("LEFT OUTER JOIN mail");
    }

    @Test
    void lazyLoadsEachCollectionOnFirstUseAndCountsIt() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            List<Owner> owners = session.scalars(select(Owner.class).options(lazyLoad("mails"))).all();
            assertThat(recorder.count()).isEqualTo(1);
            assertThat(owners.get(0).mails).isInstanceOf(PersistentCollection.class);
            assertThat(((PersistentCollection) owners.get(0).mails).isLoaded()).isFalse();
            int total = 0;
            for (Owner owner : owners) {
                total += owner.mails.size();
            }
            assertThat(total).isEqualTo(200);
            assertThat(session.lazyLoadCounts()).containsEntry("Owner.mails", 100);
        }
        recorder.assertCount(101);
    }

    @Test
    void raiseRefusesToLoadAndNamesTheRelationship() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            Owner owner = session.scalars(select(Owner.class).options(raiseLoad("mails")).limit(1)).one();
            assertThatThrownBy(() -> owner.mails.size()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Owner.mails").hasMessageContaining("RAISE")
                    .hasMessageContaining("selectInLoad");
        }
        SessionFactory strict = SessionFactory.builder(engine()).entities(Owner.class, Mail.class, Node.class,
                Item.class, Label.class, Basket.class, Line.class).raiseOnLazyLoad(true).build();
        try (Session session = strict.open()) {
            Owner owner = session.scalars(select(Owner.class).options(lazyLoad("mails")).limit(1)).one();
            assertThatThrownBy(() -> owner.mails.isEmpty()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("raises on lazy loads");
        }
    }

    @Test
    void detachedAccessToAnUnloadedCollectionSaysWhatToDo() {
        hundredOwnersWithMails();
        Owner owner;
        try (Session session = sessions.open()) {
            owner = session.scalars(select(Owner.class).options(lazyLoad("mails")).limit(1)).one();
        }
        assertThatThrownBy(() -> owner.mails.size()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Owner.mails").hasMessageContaining("detached")
                .hasMessageContaining("selectInLoad(\"mails\")");
    }

    @Test
    void pagingWithAJoinedCollectionReturnsCompleteParents() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            List<Owner> page = session.scalars(select(Owner.class).options(joinedLoad("mails"))
                    .orderBy(Sql.column("name", io.mapper.types.Types.string(30))).limit(10).offset(20)).all();
            assertThat(page).hasSize(10).extracting(owner -> owner.name).startsWith("owner020").endsWith("owner029");
            assertThat(page).allSatisfy(owner -> assertThat(owner.mails).hasSize(2));
        }
        // Under LIMIT/OFFSET the collection falls back to SELECT ... IN: the page, then its children.
        recorder.assertCount(2);
    }

    @Test
    void threeLevelTreeLoadsOneStatementPerLevel() {
        try (Session session = sessions.open()) {
            Node root = new Node("root");
            for (int i = 0; i < 3; i++) {
                Node child = root.add(new Node("child" + i));
                for (int j = 0; j < 2; j++) {
                    child.add(new Node("leaf" + i + j));
                }
            }
            session.add(root);
            session.commit();
        }
        // Parents before children: one INSERT wave per level of the new tree.
        assertThat(recorder.sql().stream().filter(sql -> sql.contains("INSERT INTO node"))).hasSize(3);
        recorder.clear();
        try (Session session = sessions.open()) {
            Node root = session.scalars(select(Node.class).where(
                    Sql.column("parent_id", io.mapper.types.Types.BIGINT).isNull())).one();
            assertThat(root.children).extracting(node -> node.label).containsExactly("child0", "child1", "child2");
            assertThat(root.children.get(1).children).extracting(node -> node.label)
                    .containsExactly("leaf10", "leaf11");
            assertThat(root.children.get(1).children.get(0).parent).isSameAs(root.children.get(1));
            assertThat(root.children.get(2).children.get(1).children).isEmpty();
        }
        // root, its children, their children, and the (empty) level below.
        recorder.assertCount(4);
    }

    @Test
    void manyToManyLinksAreWrittenInBatches() {
        List<Label> labels = new ArrayList<>();
        try (Session session = sessions.open()) {
            Item item = new Item("kettle");
            for (int i = 0; i < 50; i++) {
                Label label = new Label("tag" + i);
                labels.add(label);
                session.add(label);
            }
            session.add(item);
            session.flush();
            recorder.clear();
            item.labels.addAll(labels);
            session.commit();
            List<String> associationInserts = recorder.sql().stream()
                    .filter(sql -> sql.startsWith("INSERT INTO item_label")).toList();
            assertThat(associationInserts).hasSize(1);
            assertThat(recorder.statements().stream().filter(r -> r.sql().startsWith("INSERT INTO item_label"))
                    .findFirst().orElseThrow().batchSize()).isEqualTo(50);
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            Item item = session.query(Item.class).filterBy("name", "kettle").one();
            assertThat(item.labels).hasSize(50);
            Label first = item.labels.iterator().next();
            assertThat(first.items).containsExactly(item);
            item.labels.removeIf(label -> !label.text.equals("tag7"));
            recorder.clear();
            session.commit();
            assertThat(recorder.statements()).singleElement().satisfies(recorded -> {
                assertThat(recorded.sql()).startsWith("DELETE FROM item_label");
                assertThat(recorded.batchSize()).isEqualTo(49);
            });
        }
        try (Session session = sessions.open()) {
            Item item = session.query(Item.class).filterBy("name", "kettle").one();
            assertThat(item.labels).extracting(label -> label.text).containsExactly("tag7");
        }
    }

    @Test
    void deleteOrphanRemovesAChildTakenOutOfItsCollection() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            Owner owner = session.query(Owner.class).filterBy("name", "owner007").one();
            Mail removed = owner.mails.remove(0);
            session.commit();
            assertThat(session.state(removed)).isEqualTo(EntityState.DETACHED);
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Owner.class).filterBy("name", "owner007").one().mails)
                    .extracting(mail -> mail.email).containsExactly("b7@example.com");
            assertThat(session.query(Mail.class).count()).isEqualTo(199);
        }
    }

    @Test
    void deleteCascadeRemovesChildrenBeforeTheirParent() {
        hundredOwnersWithMails();
        try (Session session = sessions.open()) {
            Owner owner = session.query(Owner.class).filterBy("name", "owner042").one();
            recorder.clear();
            session.delete(owner);
            session.commit();
        }
        List<String> deletes = recorder.sql().stream().filter(sql -> sql.startsWith("DELETE")).toList();
        assertThat(deletes).hasSize(2);
        assertThat(deletes.get(0)).startsWith("DELETE FROM mail");
        assertThat(deletes.get(1)).startsWith("DELETE FROM owner");
        try (Session session = sessions.open()) {
            assertThat(session.query(Mail.class).count()).isEqualTo(198);
        }
    }

    @Test
    void passiveDeletesLeaveTheChildrenToTheDatabase() {
        try (Session session = sessions.open()) {
            Item kettle = new Item("kettle");
            Basket basket = new Basket("B-1");
            basket.lines.add(new Line(kettle, 2));
            basket.lines.add(new Line(kettle, 3));
            session.add(basket);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Basket basket = session.scalars(select(Basket.class).options(lazyLoad("lines"))).one();
            recorder.clear();
            session.delete(basket);
            session.commit();
        }
        // No SELECT of the lines: ON DELETE CASCADE removes them.
        assertThat(recorder.sql()).singleElement().asString().startsWith("DELETE FROM basket");
        try (Session session = sessions.open()) {
            assertThat(session.query(Line.class).count()).isZero();
            assertThat(session.query(Item.class).count()).isEqualTo(1);
        }
    }

    @Test
    void associationEntityCarriesItsOwnColumns() {
        try (Session session = sessions.open()) {
            Item kettle = new Item("kettle");
            Item mug = new Item("mug");
            Basket basket = new Basket("B-2");
            basket.lines.add(new Line(kettle, 1));
            basket.lines.add(new Line(mug, 4));
            session.add(basket);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Basket basket = session.scalars(select(Basket.class).options(selectInLoad("lines"))).one();
            assertThat(basket.lines).extracting(line -> line.item.name + " x" + line.quantity)
                    .containsExactly("kettle x1", "mug x4");
        }
    }

    @Test
    void bidirectionalSyncSetsTheBackReference() {
        try (Session session = sessions.open()) {
            Owner owner = new Owner("sync");
            session.add(owner);
            session.commit();
            Owner loaded = session.query(Owner.class).filterBy("name", "sync").one();
            Mail mail = new Mail("sync@example.com");
            loaded.mails.add(mail);
            assertThat(mail.owner).isSameAs(loaded);
            session.commit();
            assertThat(session.state(mail)).isEqualTo(EntityState.PERSISTENT);
        }
    }
}
