package io.mapper.orm.inheritance;

import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.annotation.Cascade;
import io.mapper.orm.annotation.Column;
import io.mapper.orm.annotation.DiscriminatorValue;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.FetchStrategy;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.Inheritance;
import io.mapper.orm.annotation.InheritanceType;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.OneToMany;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Concrete-table inheritance: {@code employee}, {@code manager}, {@code engineer} and {@code hacker} each hold every
 * column of their class; a query of a class reads a UNION ALL of its tables with the class as a literal. Mirrors
 * SQLAlchemy's test/orm/inheritance/test_concrete.py (ConcreteTest: test_basic, test_multi_level_with_base,
 * test_relationship; PropertyInheritanceTest::test_polymorphic_backref).
 */
class ConcreteInheritanceIT extends BackendTest {

    @Entity
    static class Company {
        @Id Long id;
        @Column(length = 50) String name;
        @OneToMany(mappedBy = "company", cascade = Cascade.ALL, orderBy = "name", fetch = FetchStrategy.LAZY)
        List<Employee> employees = new ArrayList<>();

        Company() {
        }

        Company(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    @Inheritance(strategy = InheritanceType.TABLE_PER_CLASS)
    @DiscriminatorValue("employee")
    static class Employee {
        @Id Long id;
        @Column(length = 50) String name;
        @ManyToOne Company company;

        Employee() {
        }

        Employee(long id, String name) {
            this.id = id;
            this.name = name;
        }
    }

    @Entity
    @DiscriminatorValue("manager")
    static class Manager extends Employee {
        @Column(length = 50) String managerData;

        Manager() {
        }

        Manager(long id, String name, String managerData) {
            super(id, name);
            this.managerData = managerData;
        }
    }

    @Entity
    @DiscriminatorValue("engineer")
    static class Engineer extends Employee {
        @Column(length = 50) String engineerInfo;

        Engineer() {
        }

        Engineer(long id, String name, String engineerInfo) {
            super(id, name);
            this.engineerInfo = engineerInfo;
        }
    }

    @Entity
    @DiscriminatorValue("hacker")
    static class Hacker extends Engineer {
        @Column(length = 50) String nickname;

        Hacker() {
        }

        Hacker(long id, String name, String engineerInfo, String nickname) {
            super(id, name, engineerInfo);
            this.nickname = nickname;
        }
    }

    private static final TableClause EMPLOYEE = Attribute.table("employee");
    private static final Attribute<Employee, Long> EMPLOYEE_ID = Attribute.of(Employee.class, "id", EMPLOYEE, "id",
            Types.BIGINT);
    private static final Attribute<Employee, String> EMPLOYEE_NAME = Attribute.of(Employee.class, "name", EMPLOYEE,
            "name", Types.string(50));
    private static final String UNION = "(SELECT employee.id, employee.name, employee.company_id, "
            + "NULL AS manager_data, NULL AS engineer_info, NULL AS nickname, 'employee' AS row_type FROM employee "
            + "UNION ALL SELECT manager.id, manager.name, manager.company_id, manager.manager_data, "
            + "NULL AS engineer_info, NULL AS nickname, 'manager' AS row_type FROM manager "
            + "UNION ALL SELECT engineer.id, engineer.name, engineer.company_id, NULL AS manager_data, "
            + "engineer.engineer_info, NULL AS nickname, 'engineer' AS row_type FROM engineer "
            + "UNION ALL SELECT hacker.id, hacker.name, hacker.company_id, NULL AS manager_data, "
            + "hacker.engineer_info, hacker.nickname, 'hacker' AS row_type FROM hacker) AS employee";
    private static final String COLUMNS = "employee.id, employee.name, employee.company_id, employee.manager_data, "
            + "employee.engineer_info, employee.nickname, employee.row_type";

    private SessionFactory sessions;

    @BeforeEach
    void createCompany() {
        sessions = SessionFactory.builder(engine())
                .entities(Company.class, Employee.class, Manager.class, Engineer.class, Hacker.class).build();
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            Company company = new Company(1, "acme");
            for (Employee employee : List.of(new Manager(1, "pointy", "pointy haired"),
                    new Engineer(2, "dilbert", "java"), new Hacker(3, "wally", "c++", "Badass"),
                    new Employee(4, "catbert"))) {
                employee.company = company;
                company.employees.add(employee);
            }
            session.add(company);
            session.commit();
        }
        recorder.clear();
    }

    /** The model: one complete table per class, no discriminator column. */
    @Test
    void eachClassHasACompleteTable() {
        assertThat(sessions.metadata().table("hacker").columns()).extracting(column -> column.name())
                .containsExactly("id", "name", "company_id", "engineer_info", "nickname");
        assertThat(sessions.metadata().table("employee").columns()).extracting(column -> column.name())
                .containsExactly("id", "name", "company_id");
    }

    /** Mirrors test_concrete.py::test_basic and test_multi_level_with_base: the UNION ALL of every class's table. */
    @Test
    void queryOfTheBaseReadsTheUnionOfTheTables() {
        try (Session session = sessions.open()) {
            List<Employee> employees = session.scalars(select(Employee.class).orderBy(EMPLOYEE_ID)).all();
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT " + COLUMNS + " FROM " + UNION
                    + " ORDER BY employee.id");
            assertThat(employees).extracting(employee -> employee.getClass().getSimpleName())
                    .containsExactly("Manager", "Engineer", "Hacker", "Employee");
            assertThat(((Manager) employees.get(0)).managerData).isEqualTo("pointy haired");
            Hacker hacker = (Hacker) employees.get(2);
            assertThat(hacker.nickname).isEqualTo("Badass");
            assertThat(hacker.engineerInfo).isEqualTo("c++");
            assertThat(hacker.company.name).isEqualTo("acme");
        }
    }

    /** Mirrors test_multi_level_with_base: criteria on the base's columns apply to the union; a subclass's union. */
    @Test
    void criteriaAndSubclassQueriesReadTheirTables() {
        try (Session session = sessions.open()) {
            Employee found = session.scalars(select(Employee.class).where(EMPLOYEE_NAME.eq("wally"))).one();
            assertThat(found).isInstanceOf(Hacker.class);
            List<Engineer> engineers = session.scalars(select(Engineer.class)).all();
            assertThat(engineers).extracting(engineer -> engineer.name).containsExactlyInAnyOrder("dilbert", "wally");
            assertThat(recorder.sql()).contains("SELECT engineer.id, engineer.name, engineer.company_id, "
                    + "engineer.engineer_info, engineer.nickname, engineer.row_type FROM (SELECT engineer.id, "
                    + "engineer.name, engineer.company_id, engineer.engineer_info, NULL AS nickname, "
                    + "'engineer' AS row_type FROM engineer UNION ALL SELECT hacker.id, hacker.name, "
                    + "hacker.company_id, hacker.engineer_info, hacker.nickname, 'hacker' AS row_type FROM hacker) "
                    + "AS engineer");
            List<Manager> managers = session.scalars(select(Manager.class)).all();
            assertThat(managers).singleElement().extracting(manager -> manager.name).isEqualTo("pointy");
            assertThat(recorder.sql()).contains("SELECT manager.id, manager.name, manager.company_id, "
                    + "manager.manager_data FROM manager");
        }
    }

    /** get of the base finds the row in its class's table; identity by the base; another class's get is null. */
    @Test
    void getFindsTheRowInItsClassTable() {
        try (Session session = sessions.open()) {
            Employee employee = session.get(Employee.class, 3L);
            assertThat(employee).isInstanceOf(Hacker.class);
            assertThat(recorder.sql().get(0)).isEqualTo("SELECT " + COLUMNS + " FROM " + UNION
                    + " WHERE employee.id = ?");
            recorder.clear();
            assertThat(session.get(Engineer.class, 3L)).isSameAs(employee);
            assertThat(session.get(Manager.class, 3L)).isNull();
            recorder.assertCount(0);
        }
    }

    /** Mirrors test_concrete.py::test_relationship: a one-to-many to the base reads the union by the foreign key. */
    @Test
    void collectionOfTheBaseReadsTheUnion() {
        try (Session session = sessions.open()) {
            Company company = session.scalars(select(Company.class).options(selectInLoad("employees"))).one();
            assertThat(recorder.sql().get(1)).isEqualTo("SELECT " + COLUMNS + " FROM " + UNION
                    + " WHERE employee.company_id IN (?) ORDER BY employee.name, employee.id");
            assertThat(company.employees).extracting(employee -> employee.getClass().getSimpleName())
                    .containsExactly("Employee", "Engineer", "Manager", "Hacker");
        }
    }

    /** One flush writes each object into its own class's table; a delete removes it there. */
    @Test
    void flushWritesEachObjectToItsClassTable() {
        try (Session session = sessions.open()) {
            Company company = session.get(Company.class, 1L);
            Manager manager = (Manager) session.get(Employee.class, 1L);
            Hacker hacker = new Hacker(5, "asok", "intern", "the intern");
            hacker.company = company;
            session.add(hacker);
            manager.managerData = "still pointy";
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).containsExactlyInAnyOrder(
                    "UPDATE manager SET manager_data = ? WHERE manager.id = ?",
                    "INSERT INTO hacker (id, name, company_id, engineer_info, nickname) VALUES (?, ?, ?, ?, ?)");
        }
        try (Session session = sessions.open()) {
            Employee asok = session.get(Employee.class, 5L);
            assertThat(((Hacker) asok).nickname).isEqualTo("the intern");
            session.delete(asok);
            recorder.clear();
            session.commit();
            recorder.assertStatements("DELETE FROM hacker WHERE hacker.id = ?");
        }
    }
}
