package io.mapper.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.mapper.compiler.CompiledStatement;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.exception.ArgumentException;

class TextClauseTest {

    private static CompiledStatement compile(TextClause text) {
        return new SqlCompiler(new IdentifierPreparer()).compile(text);
    }

    @Test
    void namedParametersBecomePlaceholdersInOrder() {
        CompiledStatement compiled = compile(Sql.text("SELECT * FROM t WHERE a = :a AND b IN (:b, :a)"));
        assertThat(compiled.sql()).isEqualTo("SELECT * FROM t WHERE a = ? AND b IN (?, ?)");
        assertThat(compiled.parameterKeys()).containsExactly("a", "b", "a");
    }

    @Test
    void colonsInLiteralsCommentsCastsAndEscapesAreLeftAlone() {
        TextClause text = Sql.text("SELECT ':not', \"col:x\", x::text, '12:30' -- :comment\n"
                + "/* :block */ FROM t WHERE y = :y AND z = '\\:' AND t = \\:literal AND w = 'it''s :q'");
        assertThat(text.parameterNames()).containsExactly("y");
        assertThat(compile(text).sql()).isEqualTo("SELECT ':not', \"col:x\", x::text, '12:30' -- :comment\n"
                + "/* :block */ FROM t WHERE y = ? AND z = '\\:' AND t = :literal AND w = 'it''s :q'");
    }

    @Test
    void boundValuesMergeWithExecutionValuesWhichWin() {
        TextClause text = Sql.text("SELECT :a, :b").bind("a", 1).bind("b", 2);
        assertThat(compile(text).bindValues(text.boundValues(), Map.of("b", 20))).containsExactly(1, 20);
    }

    @Test
    void nullIsABindableValue() {
        TextClause text = Sql.text("SELECT :a").bind("a", null);
        assertThat(compile(text).bindValues(text.boundValues(), Map.of())).containsExactly((Object) null);
    }

    @Test
    void badInputIsCaughtWhereItIsMade() {
        assertThatThrownBy(() -> Sql.text("  ")).isInstanceOf(ArgumentException.class);
        assertThatThrownBy(() -> Sql.text(null)).isInstanceOf(NullPointerException.class)
                .hasMessageContaining("Sql.text");
        assertThatThrownBy(() -> Sql.text("SELECT :a").bind("b", 1)).isInstanceOf(ArgumentException.class)
                .hasMessageContaining(":b").hasMessageContaining("[:a]");
        assertThatThrownBy(() -> Sql.text("SELECT 1").returningGeneratedKeys())
                .isInstanceOf(ArgumentException.class);
    }

    @Test
    void toStringShowsTheStatementButNeverItsValues() {
        assertThat(Sql.text("SELECT :a").bind("a", "secret").toString()).isEqualTo("SELECT :a");
    }

    @Test
    void operationIsClassifiedByTheLeadingKeyword() {
        assertThat(Sql.text("  /* hint */ select 1").operation()).isEqualTo(Operation.SELECT);
        assertThat(Sql.text("(SELECT 1) UNION (SELECT 2)").operation()).isEqualTo(Operation.SELECT);
        assertThat(Sql.text("insert into t values (1)").operation()).isEqualTo(Operation.INSERT);
        assertThat(Sql.text("UPDATE t SET a = 1").operation()).isEqualTo(Operation.UPDATE);
        assertThat(Sql.text("-- c\nDELETE FROM t").operation()).isEqualTo(Operation.DELETE);
        assertThat(Sql.text("CREATE TABLE t (a INT)").operation()).isEqualTo(Operation.DDL);
        assertThat(Sql.text("PRAGMA foreign_keys").operation()).isEqualTo(Operation.OTHER);
        assertThat(Sql.text("WITH x AS (SELECT 1) SELECT * FROM x").operation()).isEqualTo(Operation.SELECT);
        assertThat(Sql.text("WITH x AS (SELECT 1) DELETE FROM t WHERE a IN (SELECT * FROM x)").operation())
                .isEqualTo(Operation.DELETE);
        assertThat(Sql.text("SELECT 1").statementKind()).isEqualTo(StatementKind.TEXT);
    }
}
