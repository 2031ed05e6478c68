package io.mapper.dialect.mysql;

import java.util.Set;

import io.mapper.compiler.IdentifierPreparer;
import io.mapper.compiler.SqlCompiler;
import io.mapper.sql.Operation;
import io.mapper.dialect.DatabaseInfo;
import io.mapper.dialect.DefaultDialect;
import io.mapper.dialect.ErrorTranslator;

/** MySQL: backtick quoting, {@code ON DUPLICATE KEY UPDATE}, vendor-code error classification. */
public class MySqlDialect extends DefaultDialect {

    private static final IdentifierPreparer IDENTIFIERS = new IdentifierPreparer("`", "`",
            Set.of("accessible", "database", "databases", "div", "dual", "interval", "keys", "lock", "long",
                    "match", "mod", "read", "regexp", "rlike", "schema", "show", "sql", "status", "write", "xor"));
    private static final ErrorTranslator ERRORS = new MySqlErrorTranslator();

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
    public SqlCompiler newSqlCompiler() {
        return new MySqlCompiler(identifierPreparer(), name(), supportsReturning(Operation.INSERT),
                supportsReturning(Operation.DELETE), false);
    }

    @Override
    public ErrorTranslator errorTranslator() {
        return ERRORS;
    }
}
