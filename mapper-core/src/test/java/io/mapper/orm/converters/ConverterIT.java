package io.mapper.orm.converters;

import static io.mapper.orm.Orm.select;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Sql;
import io.mapper.sql.TableClause;
import io.mapper.testing.BackendTest;
import io.mapper.types.TypeConverter;
import io.mapper.types.Types;

/**
 * Attribute converters on every backend: values stored as their storage type and read back (SQLAlchemy's
 * {@code test/sql/test_types.py::UserDefinedRoundTripTest::test_processing}), values bound in queries through the
 * converter ({@code test_plain_in_typedec}), and JSON documents changed in place, replaced or cleared written at the
 * flush ({@code test/ext/test_mutable.py::_MutableDictTestBase} / {@code _MutableListTestBase}).
 */
class ConverterIT extends BackendTest {

    private SessionFactory sessions;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine()).entities(Product.class)
                .converter(Celsius.class, Types.DOUBLE, TypeConverter.of(Celsius::new, Celsius::degrees))
                .build();
        sessions.metadata().createAll(engine());
        recorder.clear();
    }

    private Product lamp() {
        Product lamp = new Product("lamp");
        lamp.price = Money.of("12.50");
        lamp.contact = new EmailAddress("Ann@Example.COM");
        lamp.priority = Priority.HIGH;
        lamp.size = Size.LARGE;
        lamp.storedAt = new Celsius(18.5);
        lamp.settings = new Settings("dark", List.of("ctrl-s"));
        lamp.tags = new ArrayList<>(List.of("light", "desk"));
        lamp.attributes = new LinkedHashMap<>(Map.of("watts", 40));
        return lamp;
    }

    private long save(Product product) {
        try (Session session = sessions.open()) {
            session.add(product);
            session.commit();
            return product.id;
        }
    }

    /** The row as stored: each column read as its storage type, JSON as text. */
    private Row stored(long id) {
        ColumnClause<Long> key = Sql.column("id", Types.BIGINT);
        TableClause product = TableClause.of("product", key, Sql.column("price", Types.numeric(12, 2)),
                Sql.column("contact", Types.string(255)), Sql.column("priority", Types.string(1)),
                Sql.column("size", Types.INTEGER), Sql.column("stored_at", Types.DOUBLE),
                Sql.column("settings", Types.JSON), Sql.column("tags", Types.JSON),
                Sql.column("attributes", Types.JSON));
        try (Connection conn = engine().connect()) {
            return conn.execute(Sql.select(product.columns().subList(1, 9).toArray()).from(product)
                    .where(key.eq(id))).one();
        }
    }

    @Test
    void convertedValuesAreStoredAsTheirStorageTypeAndReadBack() {
        long id = save(lamp());
        Row row = stored(id);
        assertThat(new BigDecimal(row.get(0).toString())).isEqualByComparingTo("12.50");
        assertThat(row.get(1)).isEqualTo("ann@example.com");
        assertThat(row.get(2)).isEqualTo("H");
        assertThat(((Number) row.get(3)).intValue()).isEqualTo(3);
        assertThat(((Number) row.get(4)).doubleValue()).isEqualTo(18.5);
        // PostgreSQL's JSONB orders keys its own way; the document is the same.
        assertThat(row.get(5).toString().replace(" ", "")).contains("\"theme\":\"dark\"", "\"shortcuts\":[\"ctrl-s\"]");
        assertThat(row.get(6).toString().replace(" ", "")).isEqualTo("[\"light\",\"desk\"]");
        assertThat(row.get(7).toString().replace(" ", "")).isEqualTo("{\"watts\":40}");

        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            assertThat(loaded.price.amount()).isEqualByComparingTo("12.50");
            assertThat(loaded.contact).isEqualTo(new EmailAddress("ann@example.com"));
            assertThat(loaded.priority).isEqualTo(Priority.HIGH);
            assertThat(loaded.size).isEqualTo(Size.LARGE);
            assertThat(loaded.storedAt).isEqualTo(new Celsius(18.5));
            assertThat(loaded.settings.theme).isEqualTo("dark");
            assertThat(loaded.settings.shortcuts).containsExactly("ctrl-s");
            assertThat(loaded.tags).containsExactly("light", "desk");
            assertThat(loaded.attributes).containsExactly(Map.entry("watts", 40));
        }
    }

    @Test
    void nullValuesNeverReachTheConverter() {
        long id = save(new Product("empty"));
        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            assertThat(loaded.price).isNull();
            assertThat(loaded.contact).isNull();
            assertThat(loaded.priority).isNull();
            assertThat(loaded.settings).isNull();
            assertThat(loaded.tags).isNull();
        }
    }

    @Test
    void valuesComparedWithAConvertedAttributeAreBoundThroughTheConverter() {
        Product cheap = lamp();
        cheap.name = "pen";
        cheap.price = Money.of("2.00");
        cheap.priority = Priority.LOW;
        cheap.size = Size.SMALL;
        cheap.contact = new EmailAddress("bob@example.com");
        save(lamp());
        save(cheap);
        Attribute<Product, Money> price = sessions.attribute(Product.class, "price", Money.class);
        Attribute<Product, Priority> priority = sessions.attribute(Product.class, "priority", Priority.class);
        Attribute<Product, EmailAddress> contact = sessions.attribute(Product.class, "contact", EmailAddress.class);
        Attribute<Product, Celsius> storedAt = sessions.attribute(Product.class, "storedAt", Celsius.class);
        try (Session session = sessions.open()) {
            recorder.clear();
            assertThat(session.scalars(select(Product.class).where(price.gt(Money.of("10")))).all())
                    .extracting(product -> product.name).containsExactly("lamp");
            assertThat(recorder.sql().get(0)).contains("WHERE product.price > ?");
            // An IN list of enums binds their codes ('L', 'N'; the rows hold codes, so 'LOW' would match nothing);
            // an address is bound lower-cased, as it is stored.
            assertThat(session.scalars(select(Product.class).where(priority.in(Priority.LOW, Priority.NORMAL)))
                    .all()).extracting(product -> product.name).containsExactly("pen");
            assertThat(session.scalars(select(Product.class).where(contact.eq(new EmailAddress("ANN@example.com"))))
                    .all()).extracting(product -> product.name).containsExactly("lamp");
            assertThat(session.scalars(select(Product.class).where(storedAt.lt(new Celsius(20)))).all()).hasSize(2);
        }
        assertThatThrownBy(() -> sessions.attribute(Product.class, "price", BigDecimal.class))
                .isInstanceOf(ArgumentException.class).hasMessageContaining("ask for Money.class");
    }

    @Test
    void unchangedConvertedValuesAreNotWrittenAgain() {
        long id = save(lamp());
        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            // Money has no equals and the JSON bean neither: they are compared by what they store.
            assertThat(session.isModified(loaded)).isFalse();
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).isEmpty();
        }
    }

    @Test
    void aDocumentChangedInPlaceIsWritten() {
        // mirrors test_mutable.py::_MutableDictTestBase::test_in_place_mutation and _MutableListTestBase::test_append
        long id = save(lamp());
        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            loaded.settings.shortcuts.add("ctrl-q");
            loaded.tags.add("office");
            loaded.attributes.put("watts", 60);
            assertThat(session.isModified(loaded)).isTrue();
            recorder.clear();
            session.commit();
            assertThat(recorder.sql()).filteredOn(sql -> sql.startsWith("UPDATE")).singleElement().asString()
                    .startsWith("UPDATE product SET settings = ?, tags = ?, attributes = ? WHERE");
        }
        Row row = stored(id);
        assertThat(row.get(5).toString().replace(" ", "")).contains("[\"ctrl-s\",\"ctrl-q\"]");
        assertThat(row.get(6).toString().replace(" ", "")).isEqualTo("[\"light\",\"desk\",\"office\"]");
        assertThat(row.get(7).toString().replace(" ", "")).isEqualTo("{\"watts\":60}");
    }

    @Test
    void aReplacedOrClearedDocumentIsWritten() {
        // mirrors test_mutable.py::_MutableDictTestBase::test_replace, test_clear and test_coerce_none
        long id = save(lamp());
        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            loaded.tags = List.of("replaced");
            loaded.attributes.clear();
            loaded.settings = null;
            session.commit();
        }
        Row row = stored(id);
        assertThat(row.get(5)).isNull();
        assertThat(row.get(6).toString().replace(" ", "")).isEqualTo("[\"replaced\"]");
        assertThat(row.get(7).toString().replace(" ", "")).isEqualTo("{}");
    }

    @Test
    void aDocumentChangedAfterAnUnrelatedFlushIsStillWritten() {
        // mirrors test_mutable.py::_MutableDictTestBase::test_unrelated_flush
        Product lamp = lamp();
        try (Session session = sessions.open()) {
            session.add(lamp);
            session.flush();
            lamp.name = "lamp 2";
            recorder.clear();
            session.flush();
            assertThat(recorder.sql()).singleElement().asString().startsWith("UPDATE product SET name = ? WHERE");
            lamp.attributes.put("watts", 75);
            session.commit();
        }
        assertThat(stored(lamp.id).get(7).toString().replace(" ", "")).isEqualTo("{\"watts\":75}");
    }

    @Test
    void aRollbackRestoresADocumentChangedInPlace() {
        long id = save(lamp());
        try (Session session = sessions.open()) {
            Product loaded = session.get(Product.class, id);
            loaded.tags.add("lost");
            session.flush();
            session.rollback();
            assertThat(loaded.tags).containsExactly("light", "desk");
            // The restored list is the object's own: changing it is seen again.
            loaded.tags.add("kept");
            session.commit();
        }
        assertThat(stored(id).get(6).toString().replace(" ", "")).isEqualTo("[\"light\",\"desk\",\"kept\"]");
    }

    @Test
    void anUnknownCodeInTheDatabaseIsReported() {
        long id = save(lamp());
        try (Connection conn = engine().begin()) {
            conn.execute(text("UPDATE product SET priority = 'X' WHERE id = :id").bind("id", id));
            conn.commit();
        }
        try (Session session = sessions.open()) {
            assertThatThrownBy(() -> session.get(Product.class, id)).isInstanceOf(ArgumentException.class)
                    .hasMessageContaining("'X'").hasMessageContaining(Priority.class.getName());
        }
    }
}
