package io.mapper.dialect.mysql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashSet;
import java.util.Set;

import io.mapper.compiler.DdlCompiler;
import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.Operation;
import io.mapper.compiler.TypeCompiler;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DatabaseTarget;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.dialect.SchemaReader;
import io.mapper.schema.DdlCapabilities;
import io.mapper.types.BuiltInType;
import io.mapper.types.SqlType;

/** MySQL: backtick quoting, {@code ON DUPLICATE KEY UPDATE}, vendor-code error classification. */
public class MySqlDialect extends DefaultDialect {

    // MariaDB's reserved words (generated from INFORMATION_SCHEMA.KEYWORDS by ReservedWordsGenerator), MySQL 8.0's
    // additions, and words quoted since the first version. Both databases allow names of up to 64 characters.
    // Unquoted names keep their case (backquotes do not change how tables and columns are matched).
    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer("`", "`", reservedWords(), 64,
            "MariaDB/MySQL").preservingCase();
    private static final ErrorTranslator ERRORS = new MySqlErrorTranslator();
    private static final SchemaReader SCHEMA_READER = new MySqlSchemaReader();

    private static Set<String> reservedWords() {
        Set<String> words = new HashSet<>(IdentifierPreparer.wordList(MySqlDialect.class, "reserved-words.txt"));
        words.addAll(IdentifierPreparer.wordList(MySqlDialect.class, "mysql8-reserved-words.txt"));
        words.addAll(Set.of("accessible", "database", "databases", "div", "dual", "interval", "keys", "lock", "long",
                "match", "mod", "read", "regexp", "rlike", "schema", "show", "sql", "status", "write", "xor"));
        return Set.copyOf(words);
    }

    public MySqlDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "mysql";
    }

    /** {@code jdbc:mariadb://host:port/database} and {@code jdbc:mysql://...}: namespace {@code database}. */
    @Override
    protected DatabaseTarget readTarget(String url) {
        return DatabaseTarget.ofServerUrl(url, 3306);
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    @Override
    public SqlCompiler newSqlCompiler() {
        return new MySqlCompiler(identifierPreparer(), name(), supportsReturning(Operation.INSERT),
                supportsReturning(Operation.DELETE), false);
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }

    // ---- Schema: DDL and types (issue 3, schema half) ----

    @Override
    public DdlCompiler newDdlCompiler() {
        return new MySqlDdlCompiler(identifierPreparer(), typeCompiler());
    }

    @Override
    public TypeCompiler typeCompiler() {
        return new MySqlTypeCompiler(false);
    }

    @Override
    public DdlCapabilities ddlCapabilities() {
        // Comments go inside CREATE TABLE; MySQL has no sequences.
        return new DdlCapabilities(false, true, false);
    }

    @Override
    protected <T> SqlType<T> resolveBuiltIn(BuiltInType<T> type) {
        return MySqlTypes.resolve(type);
    }

    @Override
    public boolean hasSequence(Connection connection, String name) throws SQLException {
        // The family lists sequences as tables of type SEQUENCE.
        try (PreparedStatement statement = connection.prepareStatement("SELECT 1 FROM information_schema.tables "
                + "WHERE table_schema = DATABASE() AND table_type = 'SEQUENCE' AND table_name = ?")) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }
}
