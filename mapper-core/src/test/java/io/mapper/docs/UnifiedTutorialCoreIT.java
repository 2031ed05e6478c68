package io.mapper.docs;

import static io.mapper.sql.Sql.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.engine.Connection;
import io.mapper.engine.Row;
import io.mapper.schema.Column;
import io.mapper.schema.MetaData;
import io.mapper.schema.Table;
import io.mapper.sql.Expression;
import io.mapper.sql.Label;
import io.mapper.sql.Operation;
import io.mapper.types.Types;
import io.mapper.testing.BackendTest;

/**
 * The Core examples of SQLAlchemy's unified tutorial (doc/build/tutorial: data_insert, data_select, data_update),
 * written with mapper's expression language and run on every backend: the tutorial's data, its statements and the
 * rows it prints. Issue 14 added {@code literal_column}, {@code text} in SELECT and WHERE, and
 * {@code count().filter(...)}.
 */
class UnifiedTutorialCoreIT extends BackendTest {

    private final MetaData metadata = new MetaData();
    private final Table userTable = metadata.table("user_account",
            Column.of("id", Types.INTEGER).primaryKey().autoincrement(), Column.of("name", Types.string(30)),
            Column.of("fullname", Types.TEXT));
    private final Table addressTable = metadata.table("address",
            Column.of("id", Types.INTEGER).primaryKey().autoincrement(),
            Column.of("user_id", Types.INTEGER).notNull().references("user_account.id"),
            Column.of("email_address", Types.string(100)).notNull());
    private final Column<Integer> userId = userTable.column("id", Integer.class);
    private final Column<String> name = userTable.column("name", String.class);
    private final Column<String> fullname = userTable.column("fullname", String.class);
    private final Column<Integer> addressUserId = addressTable.column("user_id", Integer.class);
    private final Column<String> email = addressTable.column("email_address", String.class);

    @BeforeEach
    void tutorialData() {
        metadata.createAll(engine());
        engine().begin(conn -> {
            // data_insert: insert(user_table).values(name="spongebob", fullname="Spongebob Squarepants")
            conn.execute(insert(userTable).values(Map.of("name", "spongebob", "fullname", "Spongebob Squarepants")));
            // data_insert: conn.execute(insert(user_table), [{"name": "sandy", ...}, {"name": "patrick", ...}])
            conn.executeMany(insert(userTable), List.of(Map.of("name", "sandy", "fullname", "Sandy Cheeks"),
                    Map.of("name", "patrick", "fullname", "Patrick Star")));
            // data_insert's scalar subquery: the user_id looked up by the row's username
            Map<String, Integer> ids = Map.of("spongebob", 1, "sandy", 2, "patrick", 3);
            conn.executeMany(insert(addressTable), List.of(
                    Map.of("user_id", ids.get("spongebob"), "email_address", "spongebob@sqlalchemy.org"),
                    Map.of("user_id", ids.get("sandy"), "email_address", "sandy@sqlalchemy.org"),
                    Map.of("user_id", ids.get("sandy"), "email_address", "sandy@squirrelpower.org")));
        });
    }

    @Test
    void selectWithTextAndLiteralColumn() {
        try (Connection conn = engine().connect()) {
            // select(text("'some phrase'"), user_table.c.name).order_by(user_table.c.name)
            assertThat(conn.execute(select(text("'some phrase'"), name).from(userTable).orderBy(name)).all())
                    .extracting(Row::values).containsExactly(List.of("some phrase", "patrick"),
                            List.of("some phrase", "sandy"), List.of("some phrase", "spongebob"));
            // select(literal_column("'some phrase'").label("p"), user_table.c.name).order_by(user_table.c.name)
            assertThat(conn.execute(select(literalColumn("'some phrase'").label("p"), name).from(userTable)
                    .orderBy(name)).all()).extracting(row -> row.get("p") + ", " + row.get(name))
                    .containsExactly("some phrase, patrick", "some phrase, sandy", "some phrase, spongebob");
        }
    }

    @Test
    void whereClausesIncludingText() {
        try (Connection conn = engine().connect()) {
            // select(user_table).where(user_table.c.name == "squidward"): no rows
            assertThat(conn.execute(select(userTable).where(name.eq("squidward"))).all()).isEmpty();
            // select(address_table.c.email_address).where(user_table.c.name == "squidward", ...id == ...user_id)
            assertThat(conn.execute(select(email).from(addressTable).join(userTable)
                    .where(name.eq("sandy")).orderBy(email)).scalars(String.class).all())
                    .containsExactly("sandy@sqlalchemy.org", "sandy@squirrelpower.org");
            // text() in WHERE with a bound parameter (text("y > :y") in the tutorial's "Working with Transactions")
            assertThat(conn.execute(select(name).from(userTable).where(text("id > :y").bind("y", 1)).orderBy(name))
                    .scalars(String.class).all()).containsExactly("patrick", "sandy");
            // or_ / and_: (name == "squidward" OR name == "sandy") AND address.user_id == user_account.id
            assertThat(conn.execute(select(fullname).from(userTable).where(name.eq("squidward").or(name.eq("sandy")))
                    .where(userId.eq(addressUserId)).from(addressTable)).scalars(String.class).all())
                    .containsExactly("Sandy Cheeks", "Sandy Cheeks");
        }
    }

    @Test
    void aggregatesWithGroupByHavingOrderByLabelAndFilter() {
        try (Connection conn = engine().connect()) {
            // select(User.name, func.count(Address.id).label("count")).join(Address).group_by(User.name)
            //     .having(func.count(Address.id) > 1)
            Label<Long> count = count(addressTable.column("id")).label("count");
            assertThat(conn.execute(select(name, count).from(userTable).join(addressTable).groupBy(name)
                    .having(count(addressTable.column("id")).gt(1L))).all())
                    .extracting(row -> row.get(name) + " " + row.get(count)).containsExactly("sandy 2");
            // func.count(address_table.c.email_address).filter(user_table.c.name == "sandy"), ... "spongebob"
            Row row = conn.execute(select(count(email).filter(name.eq("sandy")).label("anon_1"),
                    count(email).filter(name.eq("spongebob")).label("anon_2")).from(userTable).join(addressTable))
                    .one();
            assertThat(List.of(((Number) row.get("anon_1")).intValue(), ((Number) row.get("anon_2")).intValue()))
                    .containsExactly(2, 1);
        }
    }

    @Test
    void subqueriesAndUpdates() {
        try (Connection conn = engine().begin()) {
            // scalar subquery: select(func.count(address_table.c.id)).where(user_id == user_table.c.id)
            Expression<?> addressCount = select(count(addressTable.column("id")))
                    .where(addressUserId.eq(userId)).scalarSubquery();
            assertThat(conn.execute(select(name, addressCount.label("address_count")).from(userTable).orderBy(name))
                    .all()).extracting(r -> r.get("name") + "=" + ((Number) r.get("address_count")).intValue())
                    .containsExactly("patrick=0", "sandy=2", "spongebob=1");
            // update(user_table).where(user_table.c.name == "patrick").values(fullname="Patrick the Star")
            assertThat(conn.execute(update(userTable).where(name.eq("patrick"))
                    .values(Map.of("fullname", "Patrick the Star"))).rowCount()).isEqualTo(1);
            // executemany UPDATE with per-row values, as the tutorial's bindparam() example
            conn.executeMany(update(userTable).set(fullname, "").where(name.eq("")), List.of(
                    Map.of("fullname", "Spongebob the Sponge", "name_1", "spongebob"),
                    Map.of("fullname", "Sandy the Squirrel", "name_1", "sandy")));
            assertThat(conn.execute(select(fullname).from(userTable).orderBy(userId)).scalars(String.class).all())
                    .containsExactly("Spongebob the Sponge", "Sandy the Squirrel", "Patrick the Star");
            // delete(user_table).where(user_table.c.name == "patrick"), RETURNING where the database has it
            if (conn.dialect().supportsReturning(Operation.DELETE)) {
                assertThat(conn.execute(delete(userTable).where(name.eq("patrick")).returning(userId, name)).all())
                        .extracting(r -> r.get(name)).containsExactly("patrick");
            } else {
                assertThat(conn.execute(delete(userTable).where(name.eq("patrick"))).rowCount()).isEqualTo(1);
            }
            conn.commit();
        }
    }
}
