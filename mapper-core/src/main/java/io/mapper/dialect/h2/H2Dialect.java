package io.mapper.dialect.h2;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;

import io.mapper.compiler.SqlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.TypeCompiler;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DatabaseTarget;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.dialect.SchemaReader;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;
import io.mapper.sql.Operation;

/**
 * H2 2.x in its native mode: standard SQL with {@code MERGE} and data-change delta tables instead of RETURNING.
 * Results stream (lazy query execution) rather than being built in memory, and upper-case labels of unquoted
 * names read back in lower case, as the other databases report them.
 */
public class H2Dialect extends DefaultDialect {

    private static final ErrorTranslator ERRORS = new H2ErrorTranslator();
    private static final SchemaReader SCHEMA_READER = new H2SchemaReader();
    // H2's keywords (H2 manual, "Keywords / Reserved Words", checked against H2 by ReservedWordsGenerator): a column
    // named "day" or "value" must be quoted. H2 allows names of up to 256 characters.
    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer("\"", "\"",
            IdentifierPreparer.wordList(H2Dialect.class, "reserved-words.txt"), 256, "H2");

    // Physical connections already set up; pooled connections come back many times and need it only once.
    private final Set<Connection> initialized = Collections.synchronizedSet(
            Collections.newSetFromMap(new WeakHashMap<>()));

    public H2Dialect(DatabaseInfo database) {
        super(database);
    }

    /** H2 forgets the session's parsed statements on ROLLBACK, so a read-only transaction ends with COMMIT. */
    @Override
    public boolean endsReadOnlyWorkWithCommit() {
        return true;
    }

    @Override
    public String name() {
        return "h2";
    }

    /**
     * {@code jdbc:h2:mem:name}, {@code jdbc:h2:file:path} or {@code jdbc:h2:path} (embedded: namespace only), and
     * {@code jdbc:h2:tcp://host:port/path} (a server, default port 9092).
     */
    @Override
    protected DatabaseTarget readTarget(String url) {
        String rest = url.startsWith("jdbc:h2:") ? url.substring("jdbc:h2:".length()) : url;
        int options = rest.indexOf(';');
        rest = options < 0 ? rest : rest.substring(0, options);
        if (rest.startsWith("tcp:") || rest.startsWith("ssl:")) {
            return DatabaseTarget.ofServerUrl(rest, 9092);
        }
        for (String prefix : new String[] {"mem:", "file:"}) {
            if (rest.startsWith(prefix)) {
                rest = rest.substring(prefix.length());
            }
        }
        return new DatabaseTarget(rest.isEmpty() ? null : rest, null, 0, 0);
    }

    @Override
    public SqlCompiler newSqlCompiler() {
        return new H2Compiler(identifierPreparer(), false);
    }

    @Override
    public boolean supportsReturning(Operation operation) {
        // H2 has no RETURNING clause; its compiler selects from FINAL TABLE / OLD TABLE (data-change delta tables).
        return true;
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    @Override
    public void initializeConnection(Connection connection) throws SQLException {
        Connection physical = connection.unwrap(Connection.class);
        if (initialized.contains(physical)) {
            return;
        }
        // Without lazy execution H2 builds a whole result in memory before the first row is read.
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET LAZY_QUERY_EXECUTION TRUE");
        }
        initialized.add(physical);
    }

    @Override
    public String normalizeLabel(String label) {
        // H2 folds unquoted names to upper case; a name with no lower-case letter was most likely unquoted.
        return label.equals(label.toUpperCase(Locale.ROOT)) ? label.toLowerCase(Locale.ROOT) : label;
    }

    @Override
    public boolean supportsReadOnlyTransactions() {
        return false;
    }

    // ---- Schema: DDL and types (issue 3, schema half) ----

    private static final TypeCompiler TYPES = new H2TypeCompiler();

    @Override
    public TypeCompiler typeCompiler() {
        return TYPES;
    }

    @Override
    protected <T> SqlType<T> resolveBuiltIn(BuiltInType<T> type) {
        return H2Types.resolve(type);
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }
}
