package io.mapper.orm.elements;

import static io.mapper.orm.Orm.raiseLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.DetachedInstanceException;
import io.mapper.orm.Elements;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.converters.Money;
import io.mapper.orm.converters.Priority;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.testing.SqlRecorder;

/**
 * Element collections ({@code @ElementCollection}) of simple values, embeddables and converted values on every
 * backend: the collection tables, loading (lazy, select-in, raise, detached), the rows a flush writes for a set, an
 * ordered list and a bag, deleting the owner, rollback, null elements. Mirrors SQLAlchemy's association proxy over a
 * value table ({@code test/ext/test_associationproxy.py}) and Hibernate's element-collection semantics.
 */
class ElementCollectionIT extends BackendTest {

    private static final String NICKNAMES = "SELECT person_nickname.person_id, person_nickname.nickname "
            + "FROM person_nickname WHERE person_nickname.person_id IN (?) "
            + "ORDER BY person_nickname.person_id, person_nickname.nickname";
    private static final String INSERT_NICKNAME = "INSERT INTO person_nickname (person_id, nickname) VALUES (?, ?)";

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Person.class, Wallet.class).build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private long personWith(String name, Set<String> nicknames, List<String> tags, List<String> aliases,
            List<Address> addresses) {
        try (Session session = sessions.open()) {
            Person person = new Person(name);
            person.nicknames.addAll(nicknames);
            person.tags.addAll(tags);
            person.aliases.addAll(aliases);
            person.addresses.addAll(addresses);
            session.add(person);
            session.commit();
            recorder.clear();
            return person.id;
        }
    }

    private long ann() {
        return personWith("ann", new LinkedHashSet<>(List.of("annie", "nan")), List.of("a", "b", "c"),
                List.of("zed", "amy"), List.of(new Address("1 Main St", "Springfield")));
    }

    private List<String> rows(String sql) {
        try (Session session = sessions.open()) {
            List<String> rows = new ArrayList<>();
            session.execute(Sql.text(sql)).all().forEach(row -> {
                StringBuilder text = new StringBuilder();
                for (int i = 0; i < row.size(); i++) {
                    text.append(i == 0 ? "" : "|").append(row.get(i));
                }
                rows.add(text.toString());
            });
            return rows;
        }
    }

    /** The recorded SQL with identifier quotes removed (MariaDB quotes the order column `position`). */
    private List<String> sql() {
        return recorder.sql().stream().map(sql -> sql.replace("`", "").replace("\"", "")).toList();
    }

    /** The statements on one collection table, for assertions that leave the owner's dialect-specific SQL aside. */
    private List<String> statementsOn(String table) {
        return sql().stream().filter(sql -> sql.contains(" " + table + " ") || sql.contains(" " + table
                + ".") || sql.endsWith(" " + table)).toList();
    }

    // mirrors test/ext/test_associationproxy.py::SetTest::test_set_operations (a new parent's values round trip)
    @Test
    void anOwnerWithAGeneratedKeyInsertsItsElementsAfterItsRowInOneBatch() {
        try (Session session = sessions.open()) {
            Person ann = new Person("ann");
            ann.nicknames.addAll(List.of("annie", "nan", "a."));
            Person bob = new Person("bob");
            bob.nicknames.add("bobby");
            session.addAll(List.of(ann, bob));
            session.commit();
            List<SqlRecorder.Recorded> statements = recorder.statements().stream()
                    .filter(recorded -> recorded.sql().contains("person_nickname")).toList();
            assertThat(statements).hasSize(1);
            assertThat(SqlRecorderText.of(statements.get(0))).isEqualTo(INSERT_NICKNAME);
            assertThat(statements.get(0).batchSize()).isEqualTo(4);
            assertThat(recorder.sql().indexOf(INSERT_NICKNAME)).isGreaterThan(0);    // after the owners' INSERT
            assertThat(ann.nicknames).isInstanceOf(PersistentCollection.class);
        }
        assertThat(rows("SELECT p.name, n.nickname FROM person p JOIN person_nickname n ON n.person_id = p.id "
                + "ORDER BY p.name, n.nickname")).containsExactly("ann|a.", "ann|annie", "ann|nan", "bob|bobby");
    }

    // mirrors test/ext/test_associationproxy.py::LazyLoadTest::test_lazy_list
    @Test
    void aCollectionIsLazyByDefaultAndLoadsOnFirstUse() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            recorder.clear();
            assertThat(ann.nicknames).isInstanceOf(PersistentCollection.class);
            assertThat(((PersistentCollection) ann.nicknames).isLoaded()).isFalse();
            assertThat(ann.nicknames).containsExactly("annie", "nan");
            assertThat(sql()).containsExactly(NICKNAMES);
            assertThat(ann.tags).containsExactly("a", "b", "c");
            assertThat(ann.addresses).containsExactly(new Address("1 Main St", "Springfield"));
            assertThat(session.lazyLoadCounts()).containsEntry("Person.nicknames", 1)
                    .containsEntry("Person.tags", 1);
        }
        assertThat(sql()).contains("SELECT person_tags.person_id, person_tags.tag FROM person_tags "
                + "WHERE person_tags.person_id IN (?) ORDER BY person_tags.person_id, person_tags.position");
    }

    // mirrors test/ext/test_associationproxy.py::LazyLoadTest::test_eager_list
    @Test
    void selectInLoadsTheCollectionsOfAllParentsInOneStatement() {
        ann();
        personWith("bob", Set.of("bobby"), List.of(), List.of(), List.of());
        personWith("cy", Set.of(), List.of(), List.of(), List.of());
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(Person.class).options(selectInLoad("nicknames"))
                    .orderBy(Sql.column("name", io.mapper.types.Types.string(40)))).all();
            assertThat(people).extracting(person -> List.copyOf(person.nicknames))
                    .containsExactly(List.of("annie", "nan"), List.of("bobby"), List.of());
            assertThat(recorder.count()).isEqualTo(2);
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT person_nickname.person_id, person_nickname.nickname "
                    + "FROM person_nickname WHERE person_nickname.person_id IN (?, ?, ?) "
                    + "ORDER BY person_nickname.person_id, person_nickname.nickname");
            assertThat(session.lazyLoadCounts()).isEmpty();
        }
    }

    @Test
    void aMappingsSelectInLoadsWithTheOwnerAndConvertsEachValue() {
        long id;
        try (Session session = sessions.open()) {
            Wallet wallet = new Wallet();
            wallet.payments.addAll(List.of(Money.of("12.50"), Money.of("3.00")));
            session.add(wallet);
            session.commit();
            id = wallet.id;
        }
        assertThat(rows("SELECT amount FROM wallet_payments ORDER BY amount"))
                .extracting(value -> new BigDecimal(value).stripTrailingZeros().toPlainString())
                .containsExactly("3", "12.5");
        recorder.clear();
        try (Session session = sessions.open()) {
            Wallet wallet = session.get(Wallet.class, id);
            assertThat(recorder.sql()).hasSize(2);
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT wallet_payments.wallet_id, wallet_payments.amount "
                    + "FROM wallet_payments WHERE wallet_payments.wallet_id IN (?) "
                    + "ORDER BY wallet_payments.wallet_id, wallet_payments.amount");
            assertThat(wallet.payments).extracting(money -> money.amount().stripTrailingZeros().toPlainString())
                    .containsExactly("3", "12.5");
            // Dirty checking by value: equal amounts in new Money objects (which have no equals) are no change.
            wallet.payments.clear();
            wallet.payments.addAll(List.of(Money.of("3.00"), Money.of("12.5")));
            assertThat(session.isModified(wallet)).isFalse();
            recorder.clear();
            session.flush();
            recorder.assertCount(0);
        }
    }

    @Test
    void raiseLoadRefusesToLoadAndNamesTheCollection() {
        ann();
        try (Session session = sessions.open()) {
            Person ann = session.scalars(select(Person.class).options(raiseLoad("nicknames"))).one();
            assertThatThrownBy(() -> ann.nicknames.size()).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Person.nicknames").hasMessageContaining("RAISE")
                    .hasMessageContaining("selectInLoad(\"nicknames\")");
        }
    }

    // mirrors test/orm/test_lazy_relations.py-style detached access: Hibernate's LazyInitializationException
    @Test
    void detachedAccessToAnUnloadedCollectionRaisesDetachedInstanceException() {
        long id = ann();
        Person ann;
        try (Session session = sessions.open()) {
            ann = session.get(Person.class, id);
        }
        Person detached = ann;
        assertThatThrownBy(() -> detached.nicknames.size()).isInstanceOf(DetachedInstanceException.class)
                .hasMessageContaining("Person.nicknames").hasMessageContaining("detached")
                .hasMessageContaining("selectInLoad(\"nicknames\")");
    }

    // mirrors test/ext/test_associationproxy.py::SetTest::test_set_mutation and ::test_bulk_replace
    @Test
    void aSetWritesOnlyTheRowsOfRemovedAndAddedValues() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames.remove("nan");
            ann.nicknames.add("anna");
            ann.nicknames.add("annie");    // already there: no change
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly(
                    "DELETE FROM person_nickname WHERE person_nickname.person_id = ? AND person_nickname.nickname = ?",
                    INSERT_NICKNAME);
            // A replaced set is compared by value too: only "x" is new, "anna" goes.
            ann.nicknames = new LinkedHashSet<>(List.of("annie", "x"));
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly(
                    "DELETE FROM person_nickname WHERE person_nickname.person_id = ? AND person_nickname.nickname = ?",
                    INSERT_NICKNAME);
            assertThat(ann.nicknames).isInstanceOf(PersistentCollection.class);
            // An equal set is no change.
            ann.nicknames = new LinkedHashSet<>(List.of("x", "annie"));
            assertThat(session.isModified(ann)).isFalse();
            session.commit();
        }
        assertThat(rows("SELECT nickname FROM person_nickname ORDER BY nickname")).containsExactly("annie", "x");
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames.clear();
            recorder.clear();
            session.commit();
            assertThat(statementsOn("person_nickname")).containsExactly("DELETE FROM person_nickname WHERE "
                    + "person_nickname.person_id = ? AND person_nickname.nickname = ?");
            assertThat(recorder.statements().stream().filter(s -> s.sql().startsWith("DELETE")).findFirst()
                    .orElseThrow().batchSize()).isEqualTo(2);
        }
        assertThat(rows("SELECT nickname FROM person_nickname")).isEmpty();
    }

    @Test
    void replacingAnUnloadedCollectionRecreatesItsRows() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames = new LinkedHashSet<>(List.of("new"));    // the old rows were never loaded
            recorder.clear();
            session.commit();
            assertThat(statementsOn("person_nickname")).containsExactly(
                    "DELETE FROM person_nickname WHERE person_nickname.person_id IN (?)", INSERT_NICKNAME);
        }
        assertThat(rows("SELECT nickname FROM person_nickname")).containsExactly("new");
    }

    // mirrors test/ext/test_associationproxy.py::ListTest::test_sequence_ops (append, insert, setitem, del, roundtrip)
    @Test
    void anOrderedListRewritesItsChangedTailAndKeepsItsOrder() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.tags.add("d");                 // appended: one INSERT, position 3
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly("INSERT INTO person_tags (person_id, position, tag) VALUES (?, ?, ?)");
            ann.tags.set(1, "B");              // a, B, c, d: positions 1.. rewritten
            ann.tags.remove("d");              // a, B, c
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly(
                    "DELETE FROM person_tags WHERE person_tags.person_id = ? AND person_tags.position >= ?",
                    "INSERT INTO person_tags (person_id, position, tag) VALUES (?, ?, ?)");
            assertThat(recorder.statements().get(1).batchSize()).isEqualTo(2);
            ann.tags.add(0, "first");
            ann.tags.remove("c");
            session.commit();
        }
        assertThat(rows("SELECT position, tag FROM person_tags ORDER BY position"))
                .containsExactly("0|first", "1|a", "2|B");
        try (Session session = sessions.open()) {
            assertThat(session.get(Person.class, id).tags).containsExactly("first", "a", "B");
        }
    }

    // mirrors test/ext/test_associationproxy.py::DefaultTest::test_sequence_ops on a list without an index: a bag
    @Test
    void aBagInsertsAppendedElementsAndRecreatesItsRowsOtherwise() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            assertThat(ann.aliases).containsExactly("amy", "zed");     // a bag comes back in value order
            ann.aliases.add("bo");
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly("INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)");
            ann.aliases.remove("zed");
            recorder.clear();
            session.flush();
            assertThat(sql()).containsExactly("DELETE FROM person_aliases WHERE person_aliases.person_id IN (?)",
                    "INSERT INTO person_aliases (person_id, alias) VALUES (?, ?)");
            assertThat(recorder.statements().get(1).batchSize()).isEqualTo(2);
            session.commit();
        }
        assertThat(rows("SELECT alias FROM person_aliases ORDER BY alias")).containsExactly("amy", "bo");
    }

    @Test
    void embeddableElementsMapTheirComponentsToColumnsAndChangeByValue() {
        long id = personWith("ann", Set.of(), List.of(), List.of(), List.of(new Address("1 Main St", "Springfield"),
                new Address("2 Elm St", "Shelbyville")));
        assertThat(rows("SELECT idx, street, city FROM person_address ORDER BY idx"))
                .containsExactly("0|1 Main St|Springfield", "1|2 Elm St|Shelbyville");
        recorder.clear();
        try (Session session = sessions.open()) {
            Person ann = session.scalars(select(Person.class).options(selectInLoad("addresses"))).one();
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT person_address.person_id, person_address.street, "
                    + "person_address.city FROM person_address WHERE person_address.person_id IN (?) "
                    + "ORDER BY person_address.person_id, person_address.idx");
            assertThat(ann.addresses).containsExactly(new Address("1 Main St", "Springfield"),
                    new Address("2 Elm St", "Shelbyville"));
            ann.addresses.set(0, new Address("1 Main St", "Springfield"));    // an equal value: no change
            assertThat(session.isModified(ann)).isFalse();
            ann.addresses.set(1, new Address("3 Oak St", "Shelbyville"));
            recorder.clear();
            session.commit();
            assertThat(sql()).containsExactly(
                    "DELETE FROM person_address WHERE person_address.person_id = ? AND person_address.idx >= ?",
                    "INSERT INTO person_address (person_id, idx, street, city) VALUES (?, ?, ?, ?)");
        }
        assertThat(rows("SELECT idx, street FROM person_address ORDER BY idx"))
                .containsExactly("0|1 Main St", "1|3 Oak St");
    }

    @Test
    void codedEnumValuesAreStoredByTheirCodes() {
        long id;
        try (Session session = sessions.open()) {
            Person ann = new Person("ann");
            ann.priorities.addAll(List.of(Priority.HIGH, Priority.LOW));
            session.add(ann);
            session.commit();
            id = ann.id;
        }
        assertThat(rows("SELECT priority FROM person_priorities ORDER BY priority")).containsExactly("H", "L");
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            assertThat(ann.priorities).containsExactlyInAnyOrder(Priority.HIGH, Priority.LOW);
            ann.priorities.remove(Priority.LOW);
            session.commit();
        }
        assertThat(rows("SELECT priority FROM person_priorities")).containsExactly("H");
    }

    // Hibernate deletes a collection's rows before its owner's row
    @Test
    void deletingTheOwnerDeletesItsRowsFirst() {
        long id = ann();
        personWith("bob", Set.of("bobby"), List.of(), List.of(), List.of());
        try (Session session = sessions.open()) {
            session.delete(session.get(Person.class, id));
            recorder.clear();
            session.commit();
            List<String> sql = recorder.sql();
            int owner = sql.indexOf("DELETE FROM person WHERE person.id = ?");
            assertThat(owner).isGreaterThan(0);
            assertThat(sql.subList(0, owner)).contains(
                    "DELETE FROM person_nickname WHERE person_nickname.person_id IN (?)",
                    "DELETE FROM person_tags WHERE person_tags.person_id IN (?)",
                    "DELETE FROM person_aliases WHERE person_aliases.person_id IN (?)",
                    "DELETE FROM person_address WHERE person_address.person_id IN (?)");
        }
        assertThat(rows("SELECT nickname FROM person_nickname")).containsExactly("bobby");
        assertThat(rows("SELECT COUNT(*) FROM person_tags")).containsExactly("0");
    }

    // SQLAlchemy's rollback puts the loaded attributes back (test/orm/test_transaction.py::RollbackRecoverTest)
    @Test
    void rollbackRestoresTheLoadedContent() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames.add("flushed");
            ann.tags.remove(0);
            session.flush();
            ann.nicknames.add("unflushed");
            session.rollback();
            assertThat(ann.nicknames).containsExactlyInAnyOrder("annie", "nan");
            assertThat(ann.tags).containsExactly("a", "b", "c");
            assertThat(session.isModified(ann)).isFalse();
        }
        assertThat(rows("SELECT nickname FROM person_nickname ORDER BY nickname")).containsExactly("annie", "nan");
    }

    // mirrors test/orm/test_merge.py::MergeTest::test_transient_to_persistent_collection (values are copied over)
    @Test
    void mergeCopiesALoadedCollectionAndTheFlushWritesTheDifference() {
        long id = ann();
        Person detached;
        try (Session session = sessions.open()) {
            detached = session.scalars(select(Person.class).options(selectInLoad("nicknames"))).one();
        }
        detached.nicknames.remove("nan");
        detached.nicknames.add("anya");
        try (Session session = sessions.open()) {
            Person merged = session.merge(detached);
            assertThat(merged).isNotSameAs(detached);
            assertThat(merged.nicknames).containsExactly("annie", "anya");
            recorder.clear();
            session.commit();
            // The session's collection was never loaded: its rows are replaced.
            assertThat(statementsOn("person_nickname")).containsExactly(
                    "DELETE FROM person_nickname WHERE person_nickname.person_id IN (?)", INSERT_NICKNAME);
        }
        assertThat(rows("SELECT nickname FROM person_nickname ORDER BY nickname")).containsExactly("annie", "anya");
        try (Session session = sessions.open()) {
            Person loaded = session.get(Person.class, id);
            loaded.nicknames.size();    // loaded: the next merge is compared by value
            detached.nicknames.add("zz");
            session.merge(detached);
            recorder.clear();
            session.commit();
            assertThat(statementsOn("person_nickname")).containsExactly(INSERT_NICKNAME);
        }
    }

    // SQLAlchemy's savepoint rollback restores the objects changed inside it (test/orm/test_transaction.py::
    // SavepointTest::test_savepoint_rollback_collections)
    @Test
    void aSavepointRollbackRestoresTheCollectionAsItWasAtTheSavepoint() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames.add("outer");
            var nested = session.beginNested();           // flushes "outer"
            ann.nicknames.add("inner");
            ann.nicknames.remove("annie");
            session.flush();
            nested.rollback();
            assertThat(ann.nicknames).containsExactlyInAnyOrder("annie", "nan", "outer");
            session.commit();
        }
        assertThat(rows("SELECT nickname FROM person_nickname ORDER BY nickname"))
                .containsExactly("annie", "nan", "outer");
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.nicknames.add("unflushed");
            session.refresh(ann);                          // a new load: the collection is unloaded again
            assertThat(((PersistentCollection) ann.nicknames).isLoaded()).isFalse();
            assertThat(ann.nicknames).containsExactlyInAnyOrder("annie", "nan", "outer");
        }
    }

    @Test
    void aNullElementIsRefusedAtTheFlushNamingTheOwnerAndProperty() {
        long id = ann();
        try (Session session = sessions.open()) {
            Person ann = session.get(Person.class, id);
            ann.tags.add(null);
            recorder.clear();
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("Person(" + id + ").tags").hasMessageContaining("null element");
            recorder.assertCount(0);
        }
        try (Session session = sessions.open()) {
            Person bob = new Person("bob");
            bob.nicknames.add(null);
            session.add(bob);
            assertThatThrownBy(session::flush).isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("A new Person.nicknames");
        }
    }

    // What mapper-processor generates into Person_, written by hand here.
    private static final Elements<Person, String> NICKNAMES_OF = Elements.of(Person.class, "nicknames", String.class);
    private static final Elements<Person, Address> ADDRESSES_OF = Elements.of(Person.class, "addresses",
            Address.class);
    private static final Elements<Person, Priority> PRIORITIES_OF = Elements.of(Person.class, "priorities",
            Priority.class);

    // mirrors test/ext/test_associationproxy.py::ComparatorTest::test_filter_contains_ul_nul and
    // ::test_filter_any_criterion_ul_scalar (contains / any over a proxied value as a correlated EXISTS)
    @Test
    void containsAndAnyQueryTheCollectionTableWithACorrelatedExists() {
        ann();
        personWith("bob", Set.of("bobby"), List.of(), List.of(), List.of(new Address("2 Elm St", "Shelbyville")));
        personWith("cy", Set.of(), List.of(), List.of(), List.of());
        try (Session session = sessions.open()) {
            Person bob = session.scalars(select(Person.class).where(NICKNAMES_OF.contains("bobby"))).one();
            assertThat(bob.name).isEqualTo("bob");
            assertThat(sql().get(sql().size() - 1)).isEqualTo("SELECT person.id, person.name FROM person WHERE "
                    + "EXISTS (SELECT ? FROM person_nickname WHERE person_nickname.person_id = person.id "
                    + "AND person_nickname.nickname = ?)");
            assertThat(session.scalars(select(Person.class).where(NICKNAMES_OF.any(NICKNAMES_OF.value()
                    .startsWith("ann")))).all()).extracting(person -> person.name).containsExactly("ann");
            assertThat(session.scalars(select(Person.class).where(ADDRESSES_OF.contains(
                    new Address("1 Main St", "Springfield")))).all()).extracting(person -> person.name)
                    .containsExactly("ann");
            assertThat(session.scalars(select(Person.class).where(ADDRESSES_OF.any(ADDRESSES_OF.column("city",
                    String.class).eq("Shelbyville")))).all()).extracting(person -> person.name)
                    .containsExactly("bob");
            assertThat(session.scalars(select(Person.class).where(NICKNAMES_OF.isEmpty())).all())
                    .extracting(person -> person.name).containsExactly("cy");
        }
        try (Session session = sessions.open()) {
            Person dee = new Person("dee");
            dee.priorities.add(Priority.HIGH);
            session.add(dee);
            session.flush();
            // A converted value is bound through the column's converter: the row holds 'H', and it matches.
            assertThat(session.scalars(select(Person.class).where(PRIORITIES_OF.contains(Priority.HIGH))).all())
                    .extracting(person -> person.name).containsExactly("dee");
            assertThat(recorder.statements().get(recorder.count() - 1).parameters()).contains(Priority.HIGH);
            assertThat(session.scalars(select(Person.class).where(PRIORITIES_OF.contains(Priority.LOW))).all())
                    .isEmpty();
        }
    }

    /** The SQL text of one recorded statement, white space normalised. */
    private static final class SqlRecorderText {
        static String of(SqlRecorder.Recorded recorded) {
            return recorded.sql().strip().replaceAll("\\s+", " ");
        }
    }
}
