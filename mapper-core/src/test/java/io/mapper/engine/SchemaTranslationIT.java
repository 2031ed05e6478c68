package io.mapper.engine;

import static io.mapper.sql.Sql.delete;
import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.update;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Orm;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.GeneratedValue;
import io.mapper.orm.annotation.Id;
import io.mapper.orm.annotation.ManyToOne;
import io.mapper.orm.annotation.Table;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.sql.ColumnClause;
import io.mapper.testing.BackendTest;
import io.mapper.testing.NamedSchemas;
import io.mapper.types.Types;

/**
 * Issue 14: {@code engine.withSchemaTranslation(map)}, SQLAlchemy's {@code schema_translate_map}, on four databases.
 * Mirrors test/engine/test_execute.py::SchemaTranslateTest (test_create_table, test_ddl_hastable, test_crud,
 * test_via_engine), ::CompiledCacheTest::test_schema_translate_in_key and test/orm/test_session.py
 * ::test_schema_translate_map_flush.
 */
class SchemaTranslationIT extends BackendTest {

    private NamedSchemas schemas;

    @BeforeEach
    void createSchemas() {
        schemas = NamedSchemas.create(backend, database(), recorder, 2);
    }

    @AfterEach
    void dropSchemas() {
        schemas.close();
    }

    private Map<String, String> map(Object... pairs) {
        Map<String, String> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], (String) pairs[i + 1]);
        }
        return map;
    }

    // mirrors SchemaTranslateTest::test_create_table, ::test_ddl_hastable and ::test_crud
    @Test
    void tablesAreCreatedCheckedWrittenAndDroppedInTheTranslatedSchemas() {
        String target = schemas.name(0);
        MetaData metadata = new MetaData();
        var t1 = metadata.table("t1", Column.of("x", Types.INTEGER));
        var t2 = metadata.table("foo", "t2", Column.of("x", Types.INTEGER));
        var t3 = metadata.table("bar", "t3", Column.of("x", Types.INTEGER));
        Engine translated = schemas.engine().withSchemaTranslation(map(null, target, "foo", target, "bar", null));

        recorder.clear();
        metadata.createAll(translated);
        assertThat(recorder.sql()).contains("CREATE TABLE " + target + ".t1 (x INTEGER)",
                "CREATE TABLE " + target + ".t2 (x INTEGER)", "CREATE TABLE t3 (x INTEGER)");
        Inspector inspector = Inspector.of(schemas.engine());
        assertThat(inspector.schema(target).tableNames()).containsExactlyInAnyOrder("t1", "t2");
        assertThat(inspector.tableNames()).contains("t3").doesNotContain("t1", "t2");
        recorder.clear();
        metadata.createAll(translated);                      // the check looks in the translated schemas
        assertThat(recorder.sql()).noneMatch(sql -> sql.startsWith("CREATE"));

        recorder.clear();
        ColumnClause<Integer> x1 = t1.column("x", Integer.class);
        ColumnClause<Integer> x2 = t2.column("x", Integer.class);
        ColumnClause<Integer> x3 = t3.column("x", Integer.class);
        translated.begin(conn -> {
            conn.execute(insert(t1).values(Map.of("x", 1)));
            conn.execute(insert(t2).values(Map.of("x", 1)));
            conn.execute(insert(t3).values(Map.of("x", 1)));
            conn.execute(update(t1).set(x1, 1).where(x1.eq(1)));
            conn.execute(update(t2).set(x2, 2).where(x2.eq(1)));
            conn.execute(update(t3).set(x3, 3).where(x3.eq(1)));
        });
        try (Connection conn = translated.connect()) {
            assertThat(conn.execute(select(x1)).scalar()).isEqualTo(1);
            assertThat(conn.execute(select(x2)).scalar()).isEqualTo(2);
            assertThat(conn.execute(select(x3)).scalar()).isEqualTo(3);
        }
        translated.begin(conn -> {
            conn.execute(delete(t1));
            conn.execute(delete(t2));
            conn.execute(delete(t3));
        });
        assertThat(recorder.sql()).containsSubsequence("INSERT INTO " + target + ".t1 (x) VALUES (?)",
                "INSERT INTO " + target + ".t2 (x) VALUES (?)", "INSERT INTO t3 (x) VALUES (?)",
                "UPDATE " + target + ".t1 SET x = ? WHERE t1.x = ?",
                "SELECT t1.x FROM " + target + ".t1", "SELECT t2.x FROM " + target + ".t2", "SELECT t3.x FROM t3",
                "DELETE FROM " + target + ".t1", "DELETE FROM " + target + ".t2", "DELETE FROM t3");

        metadata.dropAll(translated);
        assertThat(inspector.schema(target).tableNames()).isEmpty();
        assertThat(inspector.tableNames()).doesNotContain("t3");
    }

    // mirrors CompiledCacheTest::test_schema_translate_in_key and SchemaTranslateTest::test_via_engine
    @Test
    void oneStatementReadsEachTenantsSchemaAndTheCacheKeepsOneFormPerTranslation() {
        MetaData metadata = new MetaData();
        var orders = metadata.table("tenant", "orders", Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("label", Types.string(10)));
        Engine tenantA = schemas.engine().withSchemaTranslation(Map.of("tenant", schemas.name(0)));
        Engine tenantB = schemas.engine().withSchemaTranslation(Map.of("tenant", schemas.name(1)));
        metadata.createAll(tenantA);
        metadata.createAll(tenantB);
        tenantA.begin(conn -> conn.execute(insert(orders).values(Map.of("id", 1, "label", "a-new"))));
        tenantB.begin(conn -> conn.execute(insert(orders).values(Map.of("id", 1, "label", "b-new"))));

        var label = orders.column("label", String.class);
        var query = select(label).where(orders.column("id", Integer.class).eq(1));
        CompiledCacheStats before = schemas.engine().compiledCacheStats();
        recorder.clear();
        try (Connection a = tenantA.connect(); Connection b = tenantB.connect()) {
            assertThat(a.execute(query).scalar()).isEqualTo("a-new");
            assertThat(b.execute(query).scalar()).isEqualTo("b-new");
        }
        // An engine derived again with an equal map shares the first one's compiled form: a cache hit.
        try (Connection again = schemas.engine().withSchemaTranslation(Map.of("tenant", schemas.name(0))).connect()) {
            assertThat(again.execute(query).scalar()).isEqualTo("a-new");
        }
        assertThat(recorder.sql()).containsExactly(
                "SELECT orders.label FROM " + schemas.name(0) + ".orders WHERE orders.id = ?",
                "SELECT orders.label FROM " + schemas.name(1) + ".orders WHERE orders.id = ?",
                "SELECT orders.label FROM " + schemas.name(0) + ".orders WHERE orders.id = ?");
        CompiledCacheStats after = schemas.engine().compiledCacheStats();
        assertThat(after.misses() - before.misses()).isEqualTo(2);
        assertThat(after.hits() - before.hits()).isEqualTo(1);
        assertThat(tenantA.compiledCacheStats()).isEqualTo(after);        // one cache, shared
    }

    @Entity
    @Table(name = "customer", schema = "tenant")
    public static class Customer {
        @Id @GeneratedValue public Long id;
        public String name;

        Customer() {
        }

        Customer(String name) {
            this.name = name;
        }
    }

    @Entity
    @Table(name = "purchase", schema = "tenant")
    public static class Purchase {
        @Id @GeneratedValue public Long id;
        public String item;
        @ManyToOne public Customer customer;

        Purchase() {
        }

        Purchase(String item, Customer customer) {
            this.item = item;
            this.customer = customer;
        }
    }

    // mirrors test/orm/test_session.py::test_schema_translate_map_flush: the flush, loads and lazy loads of a session
    // over a translated engine all go to the tenant's schema
    @Test
    void sessionsOfEachTenantFlushAndLoadInTheirOwnSchema() {
        SessionFactory shared = SessionFactory.builder(schemas.engine()).entities(Customer.class, Purchase.class)
                .build();
        SessionFactory tenantA = shared.withEngine(
                schemas.engine().withSchemaTranslation(Map.of("tenant", schemas.name(0))));
        SessionFactory tenantB = shared.withEngine(
                schemas.engine().withSchemaTranslation(Map.of("tenant", schemas.name(1))));
        shared.metadata().createAll(tenantA.engine());
        shared.metadata().createAll(tenantB.engine());

        recorder.clear();
        try (Session session = tenantA.open()) {
            session.add(new Purchase("tea", new Customer("ann")));
            session.commit();
        }
        try (Session session = tenantB.open()) {
            session.add(new Purchase("coffee", new Customer("bob")));
            session.add(new Purchase("cake", new Customer("cid")));
            session.commit();
        }
        // (H2 reads generated keys with SELECT ... FROM FINAL TABLE (INSERT ...).)
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql)
                .contains("INSERT INTO " + schemas.name(0) + ".customer (name)"));
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql)
                .contains("INSERT INTO " + schemas.name(1) + ".purchase (item, customer_id)"));

        try (Session session = tenantA.open()) {
            List<Purchase> purchases = session.scalars(Orm.select(Purchase.class)).all();
            assertThat(purchases).extracting(p -> p.item).containsExactly("tea");
            assertThat(purchases.get(0).customer.name).isEqualTo("ann");          // a lazy load, in tenant A
        }
        try (Session session = tenantB.open()) {
            assertThat(session.scalars(Orm.select(Customer.class)).all()).extracting(c -> c.name)
                    .containsExactlyInAnyOrder("bob", "cid");
            Customer bob = session.scalars(Orm.select(Customer.class)).all().stream()
                    .filter(c -> c.name.equals("bob")).findFirst().orElseThrow();
            bob.name = "bobby";
            session.commit();
        }
        try (Connection conn = tenantB.engine().connect()) {
            var customer = shared.metadata().table("tenant.customer");
            assertThat(conn.execute(select(customer.column("name", String.class))
                    .orderBy(customer.column("name"))).scalars().all()).containsExactly("bobby", "cid");
        }
        assertThat(recorder.sql()).anySatisfy(sql -> assertThat(sql)
                .startsWith("UPDATE " + schemas.name(1) + ".customer SET name = ?"));
        assertThat(recorder.sql()).noneMatch(sql -> sql.contains(" tenant."));
    }
}
