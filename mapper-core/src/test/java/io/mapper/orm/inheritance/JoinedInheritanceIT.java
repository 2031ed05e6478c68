package io.mapper.orm.inheritance;

import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.migration.MigrationGenerator;
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
 * Joined-table inheritance: a {@code person} table with the inherited columns and the {@code type} discriminator, and
 * {@code engineer}, {@code manager} and {@code boss} tables keyed by the person's key. Mirrors SQLAlchemy's
 * test/orm/inheritance/test_polymorphic_rel.py with its joined fixture (test_loads_at_once, test_get_one, test_get_two,
 * test_filter_on_subclass_one, test_primary_eager_aliasing_joinedload, test_primary_eager_aliasing_selectinload) and
 * test_basic.py (O2MTest::test_basic, a one-to-many to the base; PolymorphicResolutionMultiLevel, a three-level
 * hierarchy; the flush of test_basic.py's VersioningTest with the version on the base table).
 */
class JoinedInheritanceIT extends BackendTest {

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
    @Inheritance(strategy = InheritanceType.JOINED)
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

    /** A reference to the base class. */
    @Entity
    static class Badge {
        @Id @GeneratedValue Long id;
        @Column(length = 20) String code;
        @ManyToOne Person holder;

        Badge() {
        }

        Badge(String code, Person holder) {
            this.code = code;
            this.holder = holder;
        }
    }

    private static final TableClause PERSON = Attribute.table("person");
    private static final TableClause ENGINEER = Attribute.table("engineer");
    private static final Attribute<Person, Long> PERSON_ID = Attribute.of(Person.class, "id", PERSON, "id",
            Types.BIGINT);
    private static final Attribute<Engineer, String> PRIMARY_LANGUAGE = Attribute.of(Engineer.class,
            "primaryLanguage", ENGINEER, "primary_language", Types.string(50));
    private static final String PERSON_COLUMNS = "person.id, person.name, person.version, person.company_id, "
            + "person.type";
    private static final String COLUMNS = PERSON_COLUMNS + ", engineer.primary_language, engineer.title, "
            + "manager.manager_name, manager.title, boss.golf_swing";
    private static final String FROM = "person LEFT OUTER JOIN engineer ON engineer.id = person.id "
            + "LEFT OUTER JOIN manager ON manager.id = person.id LEFT OUTER JOIN boss ON boss.id = person.id";
    private static final String COMPANY_IN = "SELECT company.id, company.name FROM company WHERE company.id IN (?)";

    private SessionFactory sessions;
    private long dilbert;
    private long wally;
    private long pointy;

    @BeforeEach
    void createCompany() {
        sessions = SessionFactory.builder(engine())
                .entities(Company.class, Person.class, Engineer.class, Manager.class, Boss.class, Badge.class)
                .build();
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
            session.add(new Badge("B-1", p));
            session.add(new Badge("B-2", d));
            session.commit();
            dilbert = d.id;
            wally = w.id;
            pointy = p.id;
        }
        recorder.clear();
    }

    /** The model's tables: each subclass table's key is a foreign key to its superclass's table. */
    @Test
    void subclassTablesReferToTheirSuperclassTables() {
        assertThat(sessions.metadata().table("engineer").column("id").references()).contains("person.id");
        assertThat(sessions.metadata().table("manager").column("id").references()).contains("person.id");
        assertThat(sessions.metadata().table("boss").column("id").references()).contains("manager.id");
        assertThat(sessions.metadata().table("person").columns()).extracting(column -> column.name())
                .containsExactly("id", "name", "version", "company_id", "type");
        assertThat(sessions.metadata().table("boss").columns()).extracting(column -> column.name())
                .containsExactly("id", "golf_swing");
    }

    /** Migrations see the hierarchy: nothing to do after createAll; every table and its key's FK for a new database. */
    @Test
    void migrationsSeeTheHierarchysTables() {
        assertThat(MigrationGenerator.builder(engine(), sessions.metadata()).build().compare().isEmpty()).isTrue();
        SessionFactory other = SessionFactory.builder(engine())
                .entities(Company.class, Person.class, Engineer.class, Manager.class, Boss.class, Badge.class)
                .build();
        sessions.metadata().dropAll(engine());
        String script = MigrationGenerator.builder(engine(), other.metadata()).build().script("hierarchy");
        assertThat(script).contains("CREATE TABLE person", "CREATE TABLE engineer", "CREATE TABLE manager",
                "CREATE TABLE boss");
        assertThat(script.indexOf("CREATE TABLE boss")).isGreaterThan(script.indexOf("CREATE TABLE manager"));
        assertThat(script).containsPattern("(?s)CREATE TABLE boss.*REFERENCES manager \\(id\\)");
        sessions.metadata().createAll(engine());
    }

    /**
     * Mirrors test_polymorphic_rel.py::test_loads_at_once: one SELECT LEFT OUTER JOINs every subclass table (the
     * default, SQLAlchemy's with_polymorphic("*")) and returns each row complete as its own class.
     */
    @Test
    void queryOfTheBaseOuterJoinsEverySubclassTable() {
        try (Session session = sessions.open()) {
            List<Person> people = session.scalars(select(Person.class).orderBy(PERSON_ID)).all();
            recorder.assertStatements("SELECT " + COLUMNS + " FROM " + FROM + " ORDER BY person.id", COMPANY_IN);
            assertThat(people).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Engineer", "Boss");
            Engineer engineer = (Engineer) people.get(1);
            assertThat(engineer.primaryLanguage).isEqualTo("java");
            assertThat(engineer.title).isEqualTo("regular engineer");
            Boss boss = (Boss) people.get(3);
            assertThat(boss.golfSwing).isEqualTo("fore");
            assertThat(boss.managerName).isEqualTo("pointy haired");
            assertThat(boss.title).isEqualTo("regular manager");
        }
    }

    /**
     * Mirrors test_polymorphic_rel.py::test_filter_on_subclass_one and test_basic.py's PolymorphicResolutionMultiLevel:
     * a subclass query inner-joins its own tables and outer-joins those below it; criteria on its columns work.
     */
    @Test
    void queryOfASubclassInnerJoinsItsTable() {
        try (Session session = sessions.open()) {
            List<Engineer> engineers = session.scalars(select(Engineer.class)
                    .where(PRIMARY_LANGUAGE.eq("c++"))).all();
            assertThat(engineers).extracting(engineer -> engineer.name).containsExactly("wally");
            List<Manager> managers = session.scalars(select(Manager.class)).all();
            assertThat(managers).singleElement().isInstanceOf(Boss.class);
            recorder.assertStatements(
                    "SELECT " + PERSON_COLUMNS + ", engineer.primary_language, engineer.title FROM person "
                            + "JOIN engineer ON engineer.id = person.id WHERE engineer.primary_language = ?",
                    COMPANY_IN,
                    "SELECT " + PERSON_COLUMNS + ", manager.manager_name, manager.title, boss.golf_swing "
                            + "FROM person JOIN manager ON manager.id = person.id "
                            + "LEFT OUTER JOIN boss ON boss.id = person.id");
            assertThat(session.query(Manager.class).count()).isEqualTo(1);
            assertThat(session.query(Person.class).count()).isEqualTo(4);
        }
    }

    /** Mirrors test_polymorphic_rel.py::test_get_one/test_get_two: identity by the base, wrong subclass is null. */
    @Test
    void getReturnsTheRowsClassAndSharesTheBaseIdentity() {
        try (Session session = sessions.open()) {
            Person person = session.get(Person.class, pointy);
            assertThat(person).isInstanceOf(Boss.class);
            recorder.assertStatements("SELECT " + COLUMNS + " FROM " + FROM + " WHERE person.id = ?", COMPANY_IN);
            recorder.clear();
            assertThat(session.get(Manager.class, pointy)).isSameAs(person);
            assertThat(session.get(Boss.class, pointy)).isSameAs(person);
            assertThat(session.get(Engineer.class, pointy)).isNull();
            recorder.assertCount(0);
        }
        try (Session session = sessions.open()) {
            assertThat(session.get(Engineer.class, pointy)).isNull();
            assertThat(session.get(Engineer.class, dilbert).primaryLanguage).isEqualTo("java");
        }
    }

    /** Mirrors test_polymorphic_rel.py::test_primary_eager_aliasing_selectinload and test_basic.py::O2MTest. */
    @Test
    void collectionOfTheBaseLoadsEachClassBySelectIn() {
        try (Session session = sessions.open()) {
            Company company = session.scalars(select(Company.class).options(selectInLoad("employees"))).one();
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT " + COLUMNS + " FROM " + FROM
                    + " WHERE person.company_id IN (?) ORDER BY person.name, person.id");
            assertThat(company.employees).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Boss", "Engineer");
            assertThat(((Engineer) company.employees.get(1)).primaryLanguage).isEqualTo("java");
        }
    }

    /**
     * Mirrors test_polymorphic_rel.py::test_primary_eager_aliasing_joinedload: the base table's alias and its
     * subclass tables' aliases are outer-joined into the company's statement.
     */
    @Test
    void collectionOfTheBaseLoadsEachClassJoined() {
        try (Session session = sessions.open()) {
            Company company = session.scalars(select(Company.class).options(joinedLoad("employees"))).one();
            recorder.assertStatements("SELECT company.id, company.name, person_1.id, person_1.name, "
                    + "person_1.version, person_1.company_id, person_1.type, person_1_engineer.primary_language, "
                    + "person_1_engineer.title, person_1_manager.manager_name, person_1_manager.title, "
                    + "person_1_boss.golf_swing FROM company "
                    + "LEFT OUTER JOIN person AS person_1 ON person_1.company_id = company.id "
                    + "LEFT OUTER JOIN engineer AS person_1_engineer ON person_1_engineer.id = person_1.id "
                    + "LEFT OUTER JOIN manager AS person_1_manager ON person_1_manager.id = person_1.id "
                    + "LEFT OUTER JOIN boss AS person_1_boss ON person_1_boss.id = person_1.id "
                    + "ORDER BY company.id, person_1.name, person_1.id");
            assertThat(company.employees).extracting(person -> person.getClass().getSimpleName())
                    .containsExactly("Person", "Engineer", "Boss", "Engineer");
            assertThat(((Boss) company.employees.get(2)).golfSwing).isEqualTo("fore");
        }
    }

    /**
     * The joined load of a class in a hierarchy, run again in a new session, compiles nothing: the aliases of its
     * tables are made once per mapper and name, and columns compare by identity.
     */
    @Test
    void aJoinedLoadOfAHierarchyRunAgainHitsTheCompiledCache() {
        for (int run = 0; run < 2; run++) {
            try (Session session = sessions.open()) {
                session.scalars(select(Company.class).options(joinedLoad("employees"))).one();
            }
        }
        long misses = engine().compiledCacheStats().misses();
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Company.class).options(joinedLoad("employees"))).one().employees)
                    .hasSize(4);
        }
        assertThat(engine().compiledCacheStats().misses()).isEqualTo(misses);
    }

    /** A many-to-one to the base class loads the referenced row's class, by SELECT ... IN and joined. */
    @Test
    void referenceToTheBaseLoadsTheRowsClass() {
        TableClause badge = Attribute.table("badge");
        Attribute<Badge, Long> badgeId = Attribute.of(Badge.class, "id", badge, "id", Types.BIGINT);
        try (Session session = sessions.open()) {
            List<Badge> badges = session.scalars(select(Badge.class).orderBy(badgeId)).all();
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT " + COLUMNS + " FROM " + FROM
                    + " WHERE person.id IN (?, ?)");
            assertThat(badges.get(0).holder).isInstanceOf(Boss.class);
            assertThat(((Engineer) badges.get(1).holder).primaryLanguage).isEqualTo("java");
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            List<Badge> badges = session.scalars(select(Badge.class).orderBy(badgeId)
                    .options(joinedLoad("holder"))).all();
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT badge.id, badge.code, badge.holder_id, "
                    + "person_1.id, person_1.name, person_1.version, person_1.company_id, person_1.type, "
                    + "person_1_engineer.primary_language, person_1_engineer.title, person_1_manager.manager_name, "
                    + "person_1_manager.title, person_1_boss.golf_swing FROM badge "
                    + "LEFT OUTER JOIN person AS person_1 ON person_1.id = badge.holder_id "
                    + "LEFT OUTER JOIN engineer AS person_1_engineer ON person_1_engineer.id = person_1.id "
                    + "LEFT OUTER JOIN manager AS person_1_manager ON person_1_manager.id = person_1.id "
                    + "LEFT OUTER JOIN boss AS person_1_boss ON person_1_boss.id = person_1.id ORDER BY badge.id");
            assertThat(((Boss) badges.get(0).holder).golfSwing).isEqualTo("fore");
            assertThat(session.get(Person.class, dilbert)).isSameAs(badges.get(1).holder);
        }
    }

    /**
     * One flush across the hierarchy's tables: the base row first, then the subclass rows with the base row's key;
     * an UPDATE touches only the tables whose columns changed (and the base table for the version); a DELETE removes
     * the subclass rows before the base row.
     */
    @Test
    void flushWritesBaseRowsFirstAndDeletesThemLast() {
        try (Session session = sessions.open()) {
            Engineer engineer = session.get(Engineer.class, wally);
            Boss boss = new Boss("dogbert", "slice");
            boss.company = engineer.company;
            session.add(boss);
            engineer.primaryLanguage = "cobol";
            recorder.clear();
            session.commit();
            List<String> writes = recorder.sql();
            assertThat(writes.get(0))
                    .isEqualTo("UPDATE person SET version = ? WHERE person.id = ? AND person.version = ?");
            assertThat(writes.get(1)).isEqualTo("UPDATE engineer SET primary_language = ? WHERE engineer.id = ?");
            assertThat(writes.get(2)).contains("INSERT INTO person (name, version, company_id, type)");
            assertThat(writes.get(3)).isEqualTo("INSERT INTO manager (id, manager_name, title) VALUES (?, ?, ?)");
            assertThat(writes.get(4)).isEqualTo("INSERT INTO boss (id, golf_swing) VALUES (?, ?)");
            assertThat(recorder.statements().get(4).parameters()).containsExactly(boss.id, "slice");
        }
        try (Session session = sessions.open()) {
            Engineer engineer = session.get(Engineer.class, wally);
            assertThat(engineer.primaryLanguage).isEqualTo("cobol");
            assertThat(engineer.version).isEqualTo(2L);
            assertThat(session.scalars(select(Boss.class)).all()).extracting(boss -> boss.name)
                    .containsExactlyInAnyOrder("pointy", "dogbert");
            Boss boss = session.scalars(select(Boss.class).where(Attribute.of(Boss.class, "name", PERSON, "name",
                    Types.string(50)).eq("dogbert"))).one();
            engineer.name = "wally the great";
            session.delete(boss);
            recorder.clear();
            session.commit();
            recorder.assertStatements(
                    "UPDATE person SET name = ?, version = ? WHERE person.id = ? AND person.version = ?",
                    "DELETE FROM boss WHERE boss.id = ?",
                    "DELETE FROM manager WHERE manager.id = ?",
                    "DELETE FROM person WHERE person.id = ? AND person.version = ?");
        }
        try (Session session = sessions.open()) {
            assertThat(session.query(Person.class).count()).isEqualTo(4);
        }
    }
}
