package io.mapper.dialect.mysql;

import java.util.Set;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.ErrorTranslator;
import io.mapper.dialect.SchemaReader;

/** MySQL: backtick quoting, {@code ON DUPLICATE KEY UPDATE}, vendor-code error classification. */
public class MySqlDialect extends DefaultDialect {

    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer("`", "`",
            Set.of("accessible", "database", "databases", "div", "dual", "interval", "keys", "lock", "long",
                    "match", "mod", "read", "regexp", "rlike", "schema", "show", "sql", "status", "write", "xor"));
    private static final ErrorTranslator ERRORS = new MySqlErrorTranslator();
    private static final SchemaReader SCHEMA_READER = new MySqlSchemaReader();

    public MySqlDialect(DatabaseInfo database) {
        super(database);
    }

    @Override
    public String name() {
        return "mysql";
    }

    @Override
    public IdentifierPreparer identifierPreparer() {
        return IDENTIFIERS;
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }

    // Reflection ------------------------------------------------------------------------------------------------

    @Override
    public SchemaReader schemaReader() {
        return SCHEMA_READER;
    }
}
