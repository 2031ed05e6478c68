package io.mapper.types;

import static io.mapper.sql.Sql.insert;
import static io.mapper.sql.Sql.max;
import static io.mapper.sql.Sql.min;
import static io.mapper.sql.Sql.select;
import static io.mapper.sql.Sql.sum;
import static io.mapper.sql.Sql.text;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.mapper.engine.Connection;
import io.mapper.exception.UnstorableValueException;
import io.mapper.orm.Attribute;
import io.mapper.orm.Orm;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.annotation.Entity;
import io.mapper.orm.annotation.Id;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.ColumnClause;
import io.mapper.sql.Condition;
import io.mapper.testing.BackendTest;

/**
 * Issue 14: decimals wider than 15 digits, including the ORM's default {@code NUMERIC(19, 2)}, compare and aggregate
 * numerically and read back exactly on every database. SQLite used to store them as text ({@code amount > 50} missed
 * 100.00, MAX was wrong); now they have NUMERIC affinity and a value SQLite would round is refused. A table of
 * comparisons, each answered by the database, checked against the answer worked out in Java.
 */
class WideDecimalIT extends BackendTest {

    static final List<BigDecimal> AMOUNTS = Stream.of("100.00", "50.00", "9.99", "1234567890123.45",
            "99999999999999999.00", "-0.01", "0.00", "7").map(BigDecimal::new).toList();

    private Table ledger;
    private ColumnClause<BigDecimal> amount;

    @BeforeEach
    void fill() {
        MetaData metadata = new MetaData();
        ledger = metadata.table("ledger", Column.of("id", Types.INTEGER).primaryKey(),
                Column.of("amount", Types.numeric(19, 2)));
        amount = ledger.column("amount", BigDecimal.class);
        metadata.createAll(engine());
        engine().begin(conn -> {
            for (int i = 0; i < AMOUNTS.size(); i++) {
                conn.execute(insert(ledger).values(Map.of("id", i, "amount", AMOUNTS.get(i))));
            }
        });
    }

    record Case(String sql, Function<ColumnClause<BigDecimal>, Condition> condition,
            java.util.function.Predicate<BigDecimal> expected) {
        @Override
        public String toString() {
            return sql;
        }
    }

    static Stream<Arguments> comparisons() {
        BigDecimal fifty = new BigDecimal("50");
        return Stream.of(
                new Case("amount > 50", a -> a.gt(fifty), v -> v.compareTo(fifty) > 0),
                new Case("amount >= 50", a -> a.ge(fifty), v -> v.compareTo(fifty) >= 0),
                new Case("amount < 50", a -> a.lt(fifty), v -> v.compareTo(fifty) < 0),
                new Case("amount <= 9.99", a -> a.le(new BigDecimal("9.99")), v -> v.compareTo(new BigDecimal("9.99")) <= 0),
                new Case("amount = 100", a -> a.eq(new BigDecimal("100")), v -> v.compareTo(new BigDecimal("100")) == 0),
                new Case("amount <> 0", a -> a.ne(BigDecimal.ZERO), v -> v.signum() != 0),
                new Case("amount = 1234567890123.45", a -> a.eq(new BigDecimal("1234567890123.45")),
                        v -> v.compareTo(new BigDecimal("1234567890123.45")) == 0),
                new Case("amount > 1234567890123.44", a -> a.gt(new BigDecimal("1234567890123.44")),
                        v -> v.compareTo(new BigDecimal("1234567890123.44")) > 0),
                new Case("amount = 99999999999999999", a -> a.eq(new BigDecimal("99999999999999999")),
                        v -> v.compareTo(new BigDecimal("99999999999999999")) == 0),
                new Case("amount between 7 and 100", a -> a.between(new BigDecimal("7"), new BigDecimal("100")),
                        v -> v.compareTo(new BigDecimal("7")) >= 0 && v.compareTo(new BigDecimal("100")) <= 0),
                new Case("amount > -0.01", a -> a.gt(new BigDecimal("-0.01")), v -> v.compareTo(new BigDecimal("-0.01")) > 0))
                .map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("comparisons")
    void comparisonsAreNumeric(Case comparison) {
        List<BigDecimal> expected = AMOUNTS.stream().filter(comparison.expected()).sorted().toList();
        try (Connection conn = engine().connect()) {
            List<BigDecimal> found = conn.execute(select(amount).where(comparison.condition().apply(amount))
                    .orderBy(amount)).scalars(BigDecimal.class).all();
            assertThat(found).as(comparison.sql()).usingElementComparator(BigDecimal::compareTo)
                    .containsExactlyElementsOf(expected);
        }
    }

    @Test
    void valuesReadBackExactlyAndSortAndAggregateNumerically() {
        try (Connection conn = engine().connect()) {
            List<BigDecimal> all = conn.execute(select(amount).orderBy(ledger.column("id"))).scalars(BigDecimal.class)
                    .all();
            assertThat(all).containsExactlyElementsOf(AMOUNTS.stream().map(v -> v.setScale(2)).toList());
            assertThat(conn.execute(select(amount).orderBy(amount)).scalars(BigDecimal.class).all())
                    .containsExactlyElementsOf(AMOUNTS.stream().map(v -> v.setScale(2)).sorted().toList());
            assertThat(conn.execute(select(max(amount))).scalar(BigDecimal.class))
                    .isEqualByComparingTo("99999999999999999.00");
            assertThat(conn.execute(select(min(amount))).scalar(BigDecimal.class)).isEqualByComparingTo("-0.01");
            assertThat(conn.execute(select(sum(amount)).where(amount.lt(new BigDecimal("1000"))))
                    .scalar(BigDecimal.class)).isEqualByComparingTo("166.98");
            // The database's own answer to the same comparison written as SQL text.
            assertThat(conn.execute(text("SELECT COUNT(*) FROM ledger WHERE amount > 50")).scalar(Long.class))
                    .isEqualTo(3L);
        }
    }

    @Test
    void aDecimalTheDatabaseWouldRoundIsRefusedOnSqliteAndKeptElsewhere() {
        BigDecimal wide = new BigDecimal("12345678901234567.89");
        if (backend.is("sqlite")) {
            assertThatThrownBy(() -> engine().begin(conn -> conn.execute(insert(ledger)
                    .values(Map.of("id", 100, "amount", wide)))))
                    .isInstanceOf(UnstorableValueException.class)
                    .hasMessageContaining("has 19 significant digits (12345678901234567.89)")
                    .hasMessageContaining("SQLite keeps a decimal as a REAL");
            return;
        }
        engine().begin(conn -> conn.execute(insert(ledger).values(Map.of("id", 100, "amount", wide))));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(amount).where(ledger.column("id", Integer.class).eq(100)))
                    .scalar(BigDecimal.class)).isEqualTo(wide);
        }
    }

    @Entity
    @io.mapper.orm.annotation.Table(name = "payment")
    public static class Payment {
        @Id public Long id;
        public BigDecimal amount;                           // the ORM's default: NUMERIC(19, 2)

        Payment() {
        }

        Payment(long id, String amount) {
            this.id = id;
            this.amount = new BigDecimal(amount);
        }
    }

    static final Attribute<Payment, BigDecimal> PAYMENT_AMOUNT = Attribute.of(Payment.class, "amount",
            Attribute.table("payment"), "amount", Types.numeric(19, 2));

    @Test
    void theOrmsDefaultDecimalComparesNumerically() {
        SessionFactory sessions = SessionFactory.builder(engine()).entities(Payment.class).build();
        assertThat(sessions.metadata().table("payment").column("amount").type()).isEqualTo(Types.numeric(19, 2));
        sessions.metadata().createAll(engine());
        try (Session session = sessions.open()) {
            session.addAll(List.of(new Payment(1, "100.00"), new Payment(2, "50.00"), new Payment(3, "9.50")));
            session.commit();
        }
        try (Session session = sessions.open()) {
            List<Payment> large = session.scalars(Orm.select(Payment.class)
                    .where(PAYMENT_AMOUNT.gt(new BigDecimal("50")))).all();
            assertThat(large).extracting(p -> p.amount).containsExactly(new BigDecimal("100.00"));
        }
    }

    @Test
    void sqliteColumnsDeclaredAsTextBeforeStillRead() {
        requiresSqlite();
        engine().begin(conn -> {
            conn.execute(text("CREATE TABLE old_ledger (id INTEGER PRIMARY KEY, amount NUMERIC_TEXT(19, 2))"));
            conn.execute(text("INSERT INTO old_ledger VALUES (1, '100.00')"));
        });
        MetaData reflected = new MetaData();
        reflected.reflect(engine());
        Table old = reflected.table("old_ledger");
        assertThat(old.column("amount").type()).isEqualTo(Types.numeric(19, 2));
        try (Connection conn = engine().connect()) {
            assertThat(conn.execute(select(old.column("amount", BigDecimal.class))).scalar(BigDecimal.class))
                    .isEqualTo(new BigDecimal("100.00"));
        }
    }

    private void requiresSqlite() {
        org.junit.jupiter.api.Assumptions.assumeTrue(backend.is("sqlite"), "SQLite only");
    }
}
