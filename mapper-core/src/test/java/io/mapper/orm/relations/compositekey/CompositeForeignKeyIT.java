package io.mapper.orm.relations.compositekey;

import static io.mapper.orm.Orm.containsEager;
import static io.mapper.orm.Orm.joinedLoad;
import static io.mapper.orm.Orm.lazyLoad;
import static io.mapper.orm.Orm.select;
import static io.mapper.orm.Orm.selectInLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.mapper.orm.Attribute;
import io.mapper.orm.Ref;
import io.mapper.orm.Relation;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.loading.PersistentCollection;
import io.mapper.schema.ForeignKeyConstraint;
import io.mapper.schema.Table;
import io.mapper.sql.Sql;
import io.mapper.testing.BackendTest;
import io.mapper.types.Types;

/**
 * Relationships over composite keys on every backend: one foreign-key column per key part, a composite FOREIGN KEY,
 * every loading strategy, the flush and queries along the relationship.
 */
class CompositeForeignKeyIT extends BackendTest {

    static final Relation<Cell, Grid> CELL_GRID = Relation.of(Cell.class, "grid", Grid.class);
    static final Relation<Grid, Cell> GRID_CELLS = Relation.of(Grid.class, "cells", Cell.class);
    static final Relation<StaffMember, StaffMember> REPORTS_TO = Relation.of(StaffMember.class, "reportsTo",
            StaffMember.class);
    static final Relation<Board, Tag> BOARD_TAGS = Relation.of(Board.class, "tags", Tag.class);
    static final Relation<Tag, Board> TAG_BOARDS = Relation.of(Tag.class, "boards", Board.class);
    static final Attribute<Tag, String> TAG_NAME = Attribute.of(Tag.class, "name", Attribute.table("tag"), "name",
            Types.string(20));
    static final Attribute<Board, String> BOARD_TITLE = Attribute.of(Board.class, "title", Attribute.table("board"),
            "title", Types.string(30));
    static final Attribute<Grid, String> GRID_NAME = Attribute.of(Grid.class, "name", Attribute.table("grid"),
            "name", Types.string(30));
    static final Attribute<Cell, String> CELL_DATA = Attribute.of(Cell.class, "data", Attribute.table("cell"),
            "data", Types.string(30));
    static final Attribute<StaffMember, String> STAFF_NAME = Attribute.of(StaffMember.class, "name",
            Attribute.table("staff_member"), "name", Types.string(30));

    private SessionFactory sessions;
    private List<String> ddl;

    @BeforeEach
    void createTables() {
        sessions = SessionFactory.builder(engine())
                .entities(StaffMember.class, Grid.class, Cell.class, Marker.class, Tag.class, Board.class).build();
        recorder.clear();
        sessions.metadata().createAll(engine());
        ddl = lower(recorder.sql());
        recorder.clear();
    }

    private static List<String> lower(List<String> sql) {
        return sql.stream().map(statement -> statement.toLowerCase(Locale.ROOT).replace("\"", "").replace("`", ""))
                .toList();
    }

    private String sql(int index) {
        return lower(recorder.sql()).get(index);
    }

    /** SQLAlchemy's CompositeSelfRefFKTest._setup_data: two companies, seven employees. */
    private void staff() {
        try (Session session = sessions.open()) {
            StaffMember e1 = new StaffMember("emp1", 1, 1, null);
            new StaffMember("emp2", 1, 2, e1);
            StaffMember e3 = new StaffMember("emp3", 1, 3, e1);
            new StaffMember("emp4", 1, 4, e3);
            StaffMember e5 = new StaffMember("emp5", 2, 1, null);
            new StaffMember("emp6", 2, 2, e5);
            new StaffMember("emp7", 2, 3, e5);
            session.add(e1);
            session.add(e5);
            session.commit();
        }
        recorder.clear();
    }

    /** Grids (2,3) "a" with cells a1, a2 and (2,4) "b" with b1. */
    private void grids() {
        try (Session session = sessions.open()) {
            Grid a = new Grid(2, 3, "a");
            a.add("a1");
            a.add("a2");
            Grid b = new Grid(2, 4, "b");
            b.add("b1");
            session.add(a);
            session.add(b);
            session.commit();
        }
        recorder.clear();
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_test_relationships (the column pairs)
    @Test
    void aReferenceHasAColumnPerKeyPartUnderOneCompositeForeignKey() {
        Table staff = sessions.metadata().table("staff_member");
        ForeignKeyConstraint key = staff.foreignKeyConstraints().get(0);
        assertThat(staff.foreignKeyConstraints()).hasSize(1);
        assertThat(key.columnNames()).containsExactly("reports_to_company", "reports_to_emp");
        assertThat(key.referredColumnNames()).containsExactly("company_id", "emp_id");
        Table cell = sessions.metadata().table("cell");
        assertThat(cell.foreignKeyConstraints().get(0).columnNames()).containsExactly("grid_x", "grid_y");
        assertThat(cell.column("grid_x").isNullable()).isTrue();
        Table marker = sessions.metadata().table("marker");
        assertThat(marker.uniqueConstraints()).anySatisfy(unique -> assertThat(unique.columnNames())
                .containsExactly("pin_x", "pin_y"));
        assertThat(ddl).anySatisfy(statement -> assertThat(statement).contains("create table cell")
                .contains("foreign key (grid_x, grid_y) references grid (x, y)"));
        assertThat(ddl).anySatisfy(statement -> assertThat(statement).contains("create table staff_member")
                .contains("foreign key (reports_to_company, reports_to_emp) references staff_member (company_id, "
                        + "emp_id)"));
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_setup_data (the flush of a composite self-reference)
    @Test
    void theFlushCopiesEveryKeyPartIntoTheForeignKeyColumns() {
        staff();
        try (Session session = sessions.open()) {
            List<Object[]> rows = new ArrayList<>();
            session.execute(Sql.text("SELECT name, reports_to_company, reports_to_emp FROM staff_member ORDER BY name"))
                    .forEach(row -> rows.add(new Object[] {row.get(0), row.get(1), row.get(2)}));
            assertThat(rows).extracting(row -> row[0] + ":" + row[1] + "/" + row[2]).containsExactly(
                    "emp1:null/null", "emp2:1/1", "emp3:1/1", "emp4:1/3", "emp5:null/null", "emp6:2/1", "emp7:2/1");
        }
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_test_lazy_relations
    @Test
    void lazyAndSelectInLoadsFollowTheCompositeKey() {
        staff();
        try (Session session = sessions.open()) {
            StaffMember e1 = session.get(StaffMember.class, List.of(1, 1));
            assertThat(e1.name).isEqualTo("emp1");
            assertThat(e1.reports).extracting(member -> member.name).containsExactly("emp2", "emp3");
            assertThat(e1.reports).allSatisfy(member -> assertThat(member.reportsTo).isSameAs(e1));
            assertThat(session.get(StaffMember.class, List.of(1, 3)).reportsTo).isSameAs(e1);
            assertThat(session.get(StaffMember.class, List.of(2, 3)).reportsTo.name).isEqualTo("emp5");
        }
        assertThat(lower(recorder.sql())).anySatisfy(statement -> assertThat(statement)
                .contains("(staff_member.reports_to_company, staff_member.reports_to_emp) in ("));
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_test_lazy_relations, selectin of all parents
    @Test
    void selectInLoadsTheReferencesOfAllRowsWithOneRowValueIn() {
        staff();
        try (Session session = sessions.open()) {
            List<StaffMember> all = session.scalars(select(StaffMember.class).where(STAFF_NAME.in("emp2", "emp4",
                    "emp6")).orderBy(STAFF_NAME).options(selectInLoad(REPORTS_TO))).all();
            assertThat(all).extracting(member -> member.reportsTo.name).containsExactly("emp1", "emp3", "emp5");
        }
        String references = sql(1);
        boolean values = backend.name().equals("sqlite");
        assertThat(references).contains("where (staff_member.company_id, staff_member.emp_id) in ("
                + (values ? "values " : "") + "(?, ?), (?, ?), (?, ?))");
    }

    // mirrors test/orm/test_relationships.py::CompositeJoinPartialFK::test_joins_fully (ON one equality per part)
    @Test
    void joinedLoadJoinsOnEveryKeyPart() {
        grids();
        try (Session session = sessions.open()) {
            List<Grid> grids = session.scalars(select(Grid.class).orderBy(GRID_NAME).options(joinedLoad(GRID_CELLS)))
                    .all();
            assertThat(grids).extracting(grid -> grid.name).containsExactly("a", "b");
            assertThat(grids.get(0).cells).extracting(cell -> cell.data).containsExactly("a1", "a2");
            assertThat(grids.get(1).cells).extracting(cell -> cell.data).containsExactly("b1");
            List<Cell> cells = session.scalars(select(Cell.class).orderBy(CELL_DATA).options(joinedLoad(CELL_GRID)))
                    .all();
            assertThat(cells).extracting(cell -> cell.grid).containsExactly(grids.get(0), grids.get(0),
                    grids.get(1));
        }
        recorder.assertCount(2);
        assertThat(sql(0)).contains("left outer join cell as cell_1 on cell_1.grid_x = grid.x and cell_1.grid_y = "
                + "grid.y");
        assertThat(sql(1)).contains("on grid_1.x = cell.grid_x and grid_1.y = cell.grid_y");
    }

    // mirrors test/orm/test_relationships.py::CompositeJoinPartialFK::test_joins_fully (the lazy clause per part)
    @Test
    void aLazyCollectionLoadsWithAConditionPerKeyPart() {
        grids();
        try (Session session = sessions.open()) {
            Grid a = session.scalars(select(Grid.class).where(GRID_NAME.eq("a")).options(lazyLoad(GRID_CELLS))).one();
            assertThat(((PersistentCollection) a.cells).isLoaded()).isFalse();
            assertThat(a.cells).extracting(cell -> cell.data).containsExactly("a1", "a2");
            assertThat(session.lazyLoadCounts()).containsEntry("Grid.cells", 1);
        }
        assertThat(sql(1)).contains("where (cell.grid_x, cell.grid_y) in (");
    }

    // the Ref holder side of test/orm/test_lazy_relations.py::LazyTest::test_many_to_one over a composite key
    @Test
    void aRefHolderLoadsItsCompositeKeyTargetOnFirstGet() {
        grids();
        try (Session session = sessions.open()) {
            Grid b = session.get(Grid.class, List.of(2, 4));
            session.add(new Marker("m", b));
            session.commit();
        }
        recorder.clear();
        try (Session session = sessions.open()) {
            Marker marker = session.scalars(select(Marker.class)).one();
            assertThat(marker.grid.isLoaded()).isFalse();
            assertThat(marker.grid.id()).isEqualTo(List.of(2, 4));
            assertThat(recorder.count()).isEqualTo(1);
            assertThat(marker.grid.get().name).isEqualTo("b");
            // The grid by its key, then its cells (select-in by default).
            assertThat(recorder.count()).isEqualTo(3);
            assertThat(sql(1)).contains("where grid.x = ? and grid.y = ?");
            // An unloaded holder keeps its key through a flush of another change.
            marker.label = "moved";
            session.commit();
        }
        try (Session session = sessions.open()) {
            assertThat(session.execute(Sql.text("SELECT grid_x, grid_y, label FROM marker")).one().get(1, Integer.class))
                    .isEqualTo(4);
        }
    }

    // mirrors test/orm/test_cascade.py::CascadeToFKPKTest::test_o2m_move_nonpassive and orphan deletes
    @Test
    void movingAChildRewritesBothColumnsAndAnOrphanIsDeleted() {
        grids();
        try (Session session = sessions.open()) {
            Grid a = session.get(Grid.class, List.of(2, 3));
            Grid b = session.get(Grid.class, List.of(2, 4));
            Cell a1 = a.cells.get(0);
            Cell a2 = a.cells.get(1);
            a.cells.remove(a1);
            b.cells.add(a1);
            a.cells.remove(a2);    // an orphan: DELETE_ORPHAN deletes it
            session.commit();
        }
        try (Session session = sessions.open()) {
            List<String> rows = new ArrayList<>();
            session.execute(Sql.text("SELECT data, grid_x, grid_y FROM cell ORDER BY data"))
                    .forEach(row -> rows.add(row.get(0) + ":" + row.get(1) + "/" + row.get(2)));
            assertThat(rows).containsExactly("a1:2/4", "b1:2/4");
            Grid b = session.get(Grid.class, List.of(2, 4));
            assertThat(b.cells).extracting(cell -> cell.data).containsExactly("a1", "b1");
            session.delete(b);    // the delete cascade takes the cells
            session.commit();
            assertThat(session.execute(Sql.text("SELECT COUNT(*) FROM cell")).scalar(Long.class)).isZero();
        }
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_test_no_overwrite
    @Test
    void clearingAReferenceNullsEveryForeignKeyColumnButNotTheKey() {
        staff();
        try (Session session = sessions.open()) {
            StaffMember e3 = session.query(StaffMember.class).filterBy("name", "emp3").one();
            StaffMember e1 = e3.reportsTo;
            e3.reportsTo = null;
            session.flush();
            assertThat(e1.reports).extracting(member -> member.name).containsExactly("emp2");
            assertThat(e3.companyId).isEqualTo(1);
            session.commit();
        }
        try (Session session = sessions.open()) {
            var row = session.execute(Sql.text("SELECT company_id, reports_to_company, reports_to_emp FROM "
                    + "staff_member WHERE name = 'emp3'")).one();
            assertThat(row.get(0, Integer.class)).isEqualTo(1);
            assertThat(row.get(1)).isNull();
            assertThat(row.get(2)).isNull();
        }
    }

    // mirrors test/orm/test_relationships.py::CompositeSelfRefFKTest::_test_join_aliasing (join along the reference)
    @Test
    void queriesAlongTheRelationshipCompareEveryKeyPart() {
        staff();
        grids();
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Cell.class).join(CELL_GRID).where(GRID_NAME.eq("a"))
                    .orderBy(CELL_DATA)).all()).extracting(cell -> cell.data).containsExactly("a1", "a2");
            assertThat(sql(0)).contains("join grid on grid.x = cell.grid_x and grid.y = cell.grid_y");
            assertThat(session.scalars(select(Cell.class).where(CELL_GRID.has(GRID_NAME.eq("b")))).all())
                    .extracting(cell -> cell.data).containsExactly("b1");
            assertThat(session.scalars(select(Grid.class).where(GRID_CELLS.any(CELL_DATA.eq("a2")))).all())
                    .extracting(grid -> grid.name).containsExactly("a");
            assertThat(session.scalars(select(Cell.class).where(CELL_GRID.is(List.of(2, 4)))).all())
                    .extracting(cell -> cell.data).containsExactly("b1");
            Grid a = session.get(Grid.class, List.of(2, 3));
            assertThat(session.query(Cell.class).filterBy("grid", a).orderBy(CELL_DATA).all())
                    .extracting(cell -> cell.data).containsExactly("a1", "a2");
            assertThat(session.query(Grid.class).filterBy("cells", a.cells.get(1)).all()).containsExactly(a);
            assertThat(session.query(StaffMember.class).filterBy("reportsTo", null).orderBy(STAFF_NAME).all())
                    .extracting(member -> member.name).containsExactly("emp1", "emp5");
            assertThat(session.query(Cell.class).filterBy("grid.name", "b").all()).extracting(cell -> cell.data)
                    .containsExactly("b1");
        }
    }

    // the contains-eager side of test/orm/test_froms.py::InstancesTest::test_contains_eager_one over a composite key
    @Test
    void containsEagerFillsTheReferenceFromTheQuerysJoin() {
        grids();
        try (Session session = sessions.open()) {
            List<Cell> cells = session.scalars(select(Cell.class).join(CELL_GRID).where(GRID_NAME.eq("a"))
                    .orderBy(CELL_DATA).options(containsEager(CELL_GRID))).all();
            assertThat(cells).extracting(cell -> cell.grid.name).containsExactly("a", "a");
            assertThat(cells.get(1).grid).isSameAs(cells.get(0).grid);
        }
        // The cells and their grid in one statement; the grid's own collection (select-in by default) in a second.
        recorder.assertCount(2);
        assertThat(sql(0)).contains("join grid on grid.x = cell.grid_x and grid.y = cell.grid_y")
                .contains("grid.name").doesNotContain("outer");
    }

    // an owning one-to-one over a composite key
    @Test
    void anOwningOneToOneOverACompositeKey() {
        grids();
        try (Session session = sessions.open()) {
            Marker marker = new Marker("pin", session.get(Grid.class, List.of(2, 3)));
            marker.pin = session.get(Grid.class, List.of(2, 4));
            session.add(marker);
            session.commit();
        }
        try (Session session = sessions.open()) {
            Marker marker = session.scalars(select(Marker.class).options(joinedLoad("pin"))).one();
            assertThat(marker.pin.name).isEqualTo("b");
            assertThat(marker.grid).isInstanceOf(Ref.class);
            assertThat(marker.grid.get().name).isEqualTo("a");
        }
    }

    /** Boards 1 "one" tagged (x, red), (x, blue), (y, red) and on grid (2, 3); board 2 "two" tagged (y, red). */
    private void boards() {
        grids();
        try (Session session = sessions.open()) {
            Tag xRed = new Tag("x", "red");
            Tag xBlue = new Tag("x", "blue");
            Tag yRed = new Tag("y", "red");
            Board one = new Board(1, "one");
            one.tags.add(xRed);
            one.tags.add(xBlue);
            one.tags.add(yRed);
            one.grids.add(session.get(Grid.class, List.of(2, 3)));
            Board two = new Board(2, "two");
            two.tags.add(yRed);
            session.add(one);
            session.add(two);
            session.commit();
        }
        recorder.clear();
    }

    // mirrors test/orm/test_manytomany.py::M2MTest::test_bidirectional over a composite key
    @Test
    void aManyToManyHasAColumnPerKeyPartOfEachSide() {
        Table boardTag = sessions.metadata().table("board_tag");
        assertThat(boardTag.columns()).extracting(column -> column.name())
                .containsExactly("board_id", "tag_ns", "tag_name");
        assertThat(boardTag.primaryKey().orElseThrow().columnNames()).hasSize(3);
        assertThat(boardTag.foreignKeyConstraints()).anySatisfy(key -> {
            assertThat(key.columnNames()).containsExactly("tag_ns", "tag_name");
            assertThat(key.referredColumnNames()).containsExactly("namespace", "name");
        });
        assertThat(sessions.metadata().table("board_grid").columns()).extracting(column -> column.name())
                .containsExactly("board_id", "grid_x", "grid_y");
        boards();
        try (Session session = sessions.open()) {
            List<Board> boards = session.scalars(select(Board.class).orderBy(BOARD_TITLE)).all();
            assertThat(boards.get(0).tags).extracting(tag -> tag.namespace + "." + tag.name)
                    .containsExactly("x.blue", "x.red", "y.red");
            assertThat(boards.get(0).grids).extracting(grid -> grid.name).containsExactly("a");
            Tag yRed = session.get(Tag.class, List.of("y", "red"));
            assertThat(yRed.boards).extracting(board -> board.title).containsExactlyInAnyOrder("one", "two");
            assertThat(lower(recorder.sql())).anySatisfy(statement -> assertThat(statement)
                    .contains("join board_tag on board_tag.tag_ns = tag.namespace and board_tag.tag_name = tag.name")
                    .contains("where board_tag.board_id in ("));
            assertThat(lower(recorder.sql())).anySatisfy(statement -> assertThat(statement)
                    .contains("where (board_tag.tag_ns, board_tag.tag_name) in ("));
        }
    }

    // mirrors test/orm/test_manytomany.py::AssortedPersistenceTests::test_session_delete over a composite key
    @Test
    void associationRowsFollowTheCollectionsAndDeletes() {
        boards();
        try (Session session = sessions.open()) {
            Board one = session.get(Board.class, 1L);
            one.tags.removeIf(tag -> tag.name.equals("blue"));
            session.commit();
            assertThat(session.execute(Sql.text("SELECT COUNT(*) FROM board_tag WHERE board_id = 1")).scalar(Long.class))
                    .isEqualTo(2);
            Tag yRed = session.get(Tag.class, List.of("y", "red"));
            session.delete(yRed);    // its association rows go first, by a row-value IN of its key
            recorder.clear();
            session.commit();
            assertThat(lower(recorder.sql())).anySatisfy(statement -> assertThat(statement).contains(
                    "delete from board_tag where (board_tag.tag_ns, board_tag.tag_name) in ("));
            assertThat(session.execute(Sql.text("SELECT tag_ns, tag_name FROM board_tag")).all())
                    .extracting(row -> row.get(0) + "." + row.get(1)).containsExactly("x.red");
        }
    }

    // the many-to-many side of test/orm/test_query.py::JoinTest over a composite key
    @Test
    void queriesAlongAManyToManyCompareEveryKeyPart() {
        boards();
        try (Session session = sessions.open()) {
            assertThat(session.scalars(select(Board.class).join(BOARD_TAGS).where(TAG_NAME.eq("blue"))).all())
                    .extracting(board -> board.title).containsExactly("one");
            assertThat(sql(0)).contains("join board_tag on board_tag.board_id = board.id join tag on tag.namespace = "
                    + "board_tag.tag_ns and tag.name = board_tag.tag_name");
            assertThat(session.scalars(select(Tag.class).where(TAG_BOARDS.any(BOARD_TITLE.eq("two")))).all())
                    .extracting(tag -> tag.namespace + "." + tag.name).containsExactly("y.red");
        }
    }
}
