package io.mapper.orm.inheritance;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static io.mapper.orm.Orm.update;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.DiscriminatorColumn;
import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.orm.annotation.Version;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Single-table inheritance: one {@code person} table for the Person / Engineer / Manager / Boss hierarchy, told apart
 * by its {@code type} column. Mirrors SQLAlchemy's test/orm/inheritance/test_single.py (SingleInheritanceTest:
 * test_single_inheritance, test_multi_qualification, test_count, test_type_filtering; RelationshipToSingleTest) and
 * the Company/Person fixture of test_polymorphic_rel.py (test_loads_at_once, test_get_one, test_get_two,
 * test_primary_eager_aliasing_joinedload, test_primary_eager_aliasing_selectinload).
 */
class SingleTableInheritanceIT extends BackendTest {

    /** A company with its people of every class. */
    @Entity
    static class Company {
        @Id @GeneratedValue Long id;
        @Column(length = 50) String name;
        @OneToMany(mappedBy = "company", cascade = Cascade.ALL, orderBy = "name", fetch = FetchStrategy.LAZY)
        List<Person> employees = new ArrayList<>();

        Company() {
        }

        Company(String name) {
            this.name = name;
        }
    }

    /** The base class. */
    @Entity
    @Inheritance(strategy = InheritanceType.SINGLE_TABLE)
    @DiscriminatorColumn(name = "type", length = 20)
    @DiscriminatorValue("person")
    static class Person {
        @Id @GeneratedValue Long id;
        @Column(length = 50) String name;
        @Version long version;
        @ManyToOne Company company;

        Person() {
        }

        Person(String name) {
            this.name = name;
        }
    }

    @Entity
    @DiscriminatorValue("engineer")
    static class Engineer extends Person {
        @Column(length = 50) String primaryLanguage;
        @Column(length = 30) String title;

        Engineer() {
        }

        Engineer(String name, String primaryLanguage) {
            super(name);
            this.primaryLanguage = primaryLanguage;
            this.title = "regular engineer";
        }
    }

    @Entity
    @DiscriminatorValue("manager")
    static class Manager extends Person {
        @Column(length = 50) String managerName;
        @Column(length = 30) String title;

        Manager() {
        }

        Manager(String name, String managerName) {
            super(name);
            this.managerName = managerName;
            this.title = "regular manager";
        }
    }

    @Entity
    @DiscriminatorValue("boss")
    static class Boss extends Manager {
        @Column(length = 30) String golfSwing;

        Boss() {
        }

        Boss(String name, String golfSwing) {
            super(name, "pointy haired");
            this.golfSwing = golfSwing;
        }
    }

    private static final TableClause PERSON = Attribute.table("person");
    private static final Attribute<Person, Long> PERSON_ID = Attribute.of(Person.class, "id", PERSON, "id",
            Types.BIGINT);
    private static final Attribute<Person, String> PERSON_NAME = Attribute.of(Person.class, "name", PERSON, "name",
            Types.string(50));
    private static final String COLUMNS = "person.id, person.name, person.version, person.company_id, person.type, "
            + "person.primary_language, person.title, person.manager_name, person.golf_swing";

    private SessionFactory sessions;
    private long dilbert;
    private long wally;
    private long pointy;

    @BeforeEach
    void createCompany() {
        sessions = SessionFactory.builder(engine())
                .entities(Company.class, Person.class, Engineer.class, Manager.class, Boss.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Company elbonia = new Company("Elbonia, Inc.");
            Engineer d = new Engineer("dilbert", "java");
            Engineer w = new Engineer("wally", "c++");
            Boss p = new Boss("pointy", "fore");
            Person c = new Person("catbert");
            for (Person person : List.of(d, w, p, c)) {
                person.company = elbonia;
                elbonia.employees.add(person);
            }
            session.add(elbonia);
            session.commit();
            dilbert = d.id;
            wally = w.id;
            pointy = p.id;
        }
        recorder.clear();
    }

    /** Mirrors test_polymorphic_rel.py::test_loads_at_once: one SELECT returns every class, each complete. */
    @Test
    void queryOfTheBaseReturnsEachRowAsItsOwnClass() {
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(Person.class).orderBy(PERSON_ID)).all();
            // The plain many-to-one is loaded with its objects (SELECT ... IN), one statement for all of them.
            recorder.assertStatements("SELECT " + COLUMNS + " FROM person ORDER BY person.id",
                    "SELECT company.id, company.name FROM company WHERE company.id IN (?)");
            assertThat(people).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Engineer", "Boss");
            Engineer first = (Engineer) people.get(1);
            assertThat(first.primaryLanguage).isEqualTo("java");
            assertThat(first.title).isEqualTo("regular engineer");
            Boss boss = (Boss) people.get(3);
            assertThat(boss.golfSwing).isEqualTo("fore");
            assertThat(boss.managerName).isEqualTo("pointy haired");
            assertThat(boss.title).isEqualTo("regular manager");
        }
    }

    /** Mirrors test_single.py::test_single_inheritance and test_multi_qualification: the discriminator IN criterion. */
    @Test
    void queryOfASubclassAddsItsDiscriminatorValues() {
        try (Session session = sessions.open()) {
            List<Engineer> engineers = session.scalars(select(Engineer.class).orderBy(PERSON_ID)).all();
            assertThat(engineers).extracting(engineer -> engineer.name).containsExactly("dilbert", "wally");
            List<Manager> managers = session.scalars(select(Manager.class).where(PERSON_NAME.eq("pointy"))).all();
            assertThat(managers).singleElement().isInstanceOf(Boss.class);
            recorder.assertStatements(
                    "SELECT person.id, person.name, person.version, person.company_id, person.type, "
                            + "person.primary_language, person.title FROM person WHERE person.type IN (?) "
                            + "ORDER BY person.id",
                    "SELECT company.id, company.name FROM company WHERE company.id IN (?)",
                    "SELECT person.id, person.name, person.version, person.company_id, person.type, "
                            + "person.manager_name, person.title, person.golf_swing FROM person "
                            + "WHERE person.type IN (?, ?) AND person.name = ?");
        }
    }

    /** Mirrors test_single.py::test_count: a subclass's count is restricted to its rows. */
    @Test
    void countOfASubclassCountsItsRowsOnly() {
        try (Session session = sessions.open()) {
            assertThat(session.query(Engineer.class).count()).isEqualTo(2);
            assertThat(session.query(Manager.class).count()).isEqualTo(1);
            assertThat(session.query(Person.class).count()).isEqualTo(4);
        }
    }

    /**
     * Mirrors test_polymorphic_rel.py::test_get_one/test_get_two: get of the base returns the subclass; the identity
     * map is keyed by the base, so get of the subclass is the same object without SQL; get of another subclass is
     * null.
     */
    @Test
    void getReturnsTheRowsClassAndSharesTheBaseIdentity() {
        try (Session session = sessions.open()) {
            Person person = session.get(Person.class, dilbert);
            assertThat(person).isInstanceOf(Engineer.class);
            recorder.assertStatements("SELECT " + COLUMNS + " FROM person WHERE person.id = ?",
                    "SELECT company.id, company.name FROM company WHERE company.id IN (?)");
            recorder.clear();
            assertThat(session.get(Engineer.class, dilbert)).isSameAs(person);
            assertThat(session.get(Manager.class, dilbert)).isNull();
            recorder.assertCount(0);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Manager.class, dilbert)).isNull();
            assertThat(session.get(Manager.class, pointy)).isInstanceOf(Boss.class);
        }
    }

    /** Mirrors test_polymorphic_rel.py::test_primary_eager_aliasing_selectinload: a one-to-many to the base. */
    @Test
    void collectionOfTheBaseLoadsEachClassBySelectIn() {
        try (Session session = sessions.open()) {
            Company company = session.scalars(select(Company.class).options(selectInLoad("employees"))).one();
            assertThat(company.employees).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Boss", "Engineer");
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT " + COLUMNS + " FROM person "
                    + "WHERE person.company_id IN (?) ORDER BY person.name, person.id");
            assertThat(company.employees.get(1).company).isSameAs(company);
        }
    }

    /** Mirrors test_polymorphic_rel.py::test_primary_eager_aliasing_joinedload: the same in the company's rows. */
    @Test
    void collectionOfTheBaseLoadsEachClassJoined() {
        try (Session session = sessions.open()) {
            Company company = session.scalars(select(Company.class).options(joinedLoad("employees")))
                    .one();
            recorder.assertStatements("SELECT company.id, company.name, person_1.id, person_1.name, "
                    + "person_1.version, person_1.company_id, person_1.type, person_1.primary_language, "
                    + "person_1.title, person_1.manager_name, person_1.golf_swing FROM company "
                    + "LEFT OUTER JOIN person AS person_1 ON person_1.company_id = company.id "
                    + "ORDER BY company.id, person_1.name, person_1.id");
            assertThat(company.employees).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Boss", "Engineer");
            assertThat(((Boss) company.employees.get(2)).golfSwing).isEqualTo("fore");
        }
    }

    /** A many-to-one to the base: the company of a person, and a person's class through a reference. */
    @Test
    void referenceFromASubclassLoadsItsTarget() {
        try (Session session = sessions.open()) {
            Engineer engineer = session.get(Engineer.class, wally);
            assertThat(engineer.company.name).isEqualTo("Elbonia, Inc.");
        }
    }

    /** ORM bulk writes of a hierarchy's class are refused: a plain UPDATE of the table would write sibling classes. */
    @Test
    void bulkWritesOfAHierarchyClassAreRefused() {
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.execute(update(Engineer.class).set(PERSON_NAME, "x")))
                    .isInstanceOf(InvalidRequestException.class)
                    .hasMessageContaining("ORM bulk UPDATE of Engineer is not supported")
                    .hasMessageContaining("SINGLE_TABLE");
            recorder.assertCount(0);
        }
    }

    /** One flush writes every class into the shared table, each row with its discriminator value. */
    @Test
    void flushWritesTheDiscriminatorAndOnlyChangedColumns() {
        try (Session session = sessions.open()) {
            Company company = session.get(Company.class, session.get(Person.class, dilbert).company.id);
            Engineer engineer = session.get(Engineer.class, wally);
            Manager manager = new Manager("dogbert", "consultant");
            manager.company = company;
            session.add(manager);
            engineer.primaryLanguage = "cobol";
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql).contains(
                    "INSERT INTO person (name, version, company_id, type, title, manager_name)"));
            assertThat(recorder.sql()).contains(
                    "UPDATE person SET primary_language = ?, version = ? WHERE person.id = ? AND person.version = ?");
            assertThat(recorder.statements().stream().filter(s -> s.sql().contains("INSERT INTO person")).findFirst()
                    .orElseThrow().parameters()).contains("manager");
        }
        try (Session session = sessions.open()) {
            List<Manager> managers = session.scalars(select(Manager.class).orderBy(PERSON_ID)).all();
            assertThat(managers).extracting(manager -> manager.name).containsExactly("pointy", "dogbert");
            Engineer engineer = session.get(Engineer.class, wally);
            assertThat(engineer.primaryLanguage).isEqualTo("cobol");
            assertThat(engineer.version).isEqualTo(2L);
            session.delete(engineer);
            recorder.clear();
            session.commit();
            recorder.assertStatements("DELETE FROM person WHERE person.id = ? AND person.version = ?");
        }
    }
}
