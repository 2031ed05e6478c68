package io.mapper.engine;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;

import io.mapper.compiler.CompiledStatement;
import io.mapper.compiler.SchemaTranslation;
import io.mapper.dialect.Dialect;
import io.mapper.dialect.DialectResolver;
import io.mapper.exception.ArgumentException;
import io.mapper.exception.DatabaseException;
import io.mapper.exception.MapperException;
import io.mapper.exception.OperationalException;
import io.mapper.exception.ResourceClosedException;
import io.mapper.exception.TransientException;
import io.mapper.schema.DdlExecutor;
import io.mapper.schema.DdlSession;
import io.mapper.schema.reflection.Inspectable;
import io.mapper.sql.Executable;

/**
 * The starting point of mapper: a source of connections (usually a pool) and the dialect of its database.
 *
 * <pre>{@code
 * Engine engine = Engine.create("jdbc:sqlite:example.db");
 * engine.begin(conn -> conn.execute(text("INSERT INTO t (x) VALUES (:x)").bind("x", 1)));   // commits
 * }</pre>
 *
 * <p>Thread-safe: create one per database and share it. The dialect is resolved from the first connection.
 * {@link #dispose()} closes the pool when the engine created it.
 */
public final class Engine implements AutoCloseable, DdlExecutor, Inspectable {

    private final ConnectionProvider provider;
    private final DialectResolver resolver;
    private final List<StatementListener> listeners;
    private final boolean logParameters;
    private final @Nullable IsolationLevel isolationLevel;
    private final int fetchSize;
    private final int batchSize;
    private final CompiledCache compiledCache;
    private final SchemaTranslation schemaTranslation;
    /** The engine this one was derived from ({@link #withSchemaTranslation}); it owns the pool. */
    private final @Nullable Engine parent;
    private volatile @Nullable Dialect dialect;
    private volatile boolean disposed;

    private Engine(Builder builder, ConnectionProvider provider) {
        this.provider = provider;
        this.resolver = builder.resolver;
        this.dialect = builder.dialect;
        this.logParameters = builder.logParameters;
        this.isolationLevel = builder.isolationLevel;
        this.fetchSize = builder.fetchSize;
        this.batchSize = builder.batchSize;
        this.compiledCache = new CompiledCache(builder.compiledCacheSize);
        this.schemaTranslation = SchemaTranslation.NONE;
        this.parent = null;
        List<StatementListener> all = new ArrayList<>();
        if (builder.showSql) {
            all.add(new SqlLogListener(builder.logParameters));
        }
        all.addAll(builder.listeners);
        this.listeners = new CopyOnWriteArrayList<>(all);
    }

    /**
     * An engine sharing everything with {@code base} (pool, dialect, listeners, cache) but the schema translation and
     * the isolation level.
     */
    private Engine(Engine base, SchemaTranslation schemaTranslation, @Nullable IsolationLevel isolationLevel) {
        this.provider = base.provider;
        this.resolver = base.resolver;
        this.dialect = base.dialect;
        this.logParameters = base.logParameters;
        this.isolationLevel = isolationLevel;
        this.fetchSize = base.fetchSize;
        this.batchSize = base.batchSize;
        this.compiledCache = base.compiledCache;
        this.listeners = base.listeners;
        this.schemaTranslation = schemaTranslation;
        this.parent = base.root();
    }

    /**
     * An engine over the same pool whose statements and DDL render tables in translated schemas (SQLAlchemy's
     * {@code execution_options(schema_translate_map=...)}), for a schema per tenant:
     *
     * <pre>{@code
     * Engine tenant42 = engine.withSchemaTranslation(Map.of("tenant", "tenant_42"));
     * tenant42.begin(conn -> conn.execute(select(orders)));   // SELECT ... FROM tenant_42.orders
     * }</pre>
     *
     * The {@code null} key stands for tables declared without a schema, a {@code null} value for the connection's
     * default schema (use a {@code HashMap} for those). The translation replaces this engine's own, applies when
     * statements are compiled (the shared compiled-statement cache keeps one entry per translation), to
     * {@code createAll}'s checks and DDL, and to ORM sessions of a factory over the new engine
     * ({@code sessionFactory.withEngine(tenant42)}). The new engine shares this one's pool, listeners and cache;
     * disposing either disposes the pool. Cheap to create; keep one per tenant or make one per request.
     */
    public Engine withSchemaTranslation(Map<@Nullable String, @Nullable String> translation) {
        return new Engine(this, SchemaTranslation.of(translation), isolationLevel);
    }

    /**
     * An engine over the same pool whose connections use another isolation level (SQLAlchemy's
     * {@code engine.execution_options(isolation_level=...)}). With {@link IsolationLevel#AUTOCOMMIT} its connections
     * run no transaction: each statement commits as it completes, so a read costs one round trip with nothing to
     * end after it, as with plain JDBC in auto-commit mode.
     *
     * <pre>{@code
     * Engine reads = engine.withIsolationLevel(IsolationLevel.AUTOCOMMIT);
     * try (Connection conn = reads.connect()) {
     *     Row row = conn.execute(select(users).where(users.column("id").eq(7))).one();   // no BEGIN, no ROLLBACK
     * }
     * }</pre>
     *
     * The new engine shares this one's pool, dialect, listeners, cache and schema translation; disposing either
     * disposes the pool. Connections that an outer transaction manager owns (Spring's {@code @Transactional}) keep
     * its transaction whatever the level. {@code sessionFactory.withEngine(reads)} gives ORM sessions that read the
     * same way; they refuse to flush changes. Read-only connections ({@link #connectReadOnly()}) keep a transaction
     * at the pool's level, because read-only applies to transactions: without one PostgreSQL would take writes.
     */
    public Engine withIsolationLevel(IsolationLevel level) {
        Objects.requireNonNull(level, "level must not be null");
        return new Engine(this, schemaTranslation, level);
    }

    /** The isolation level this engine's connections start with, or empty for the pool's own. */
    public Optional<IsolationLevel> isolationLevel() {
        return Optional.ofNullable(isolationLevel);
    }

    /** How this engine renames schemas when it compiles ({@link SchemaTranslation#NONE} unless derived). */
    public SchemaTranslation schemaTranslation() {
        return schemaTranslation;
    }

    private Engine root() {
        return parent == null ? this : parent;
    }

    /** An engine over a new HikariCP pool for this JDBC URL, with default pool settings. */
    public static Engine create(String url) {
        return builder(url).build();
    }

    /** An engine over a {@link DataSource} that the caller owns (and closes). */
    public static Engine create(DataSource dataSource) {
        return builder(dataSource).build();
    }

    /** A builder for an engine over a new HikariCP pool for this JDBC URL. */
    public static Builder builder(String url) {
        Objects.requireNonNull(url, "url must not be null: pass a JDBC URL such as jdbc:sqlite:example.db");
        if (!url.startsWith("jdbc:")) {
            throw new ArgumentException("'" + url + "' is not a JDBC URL; it must start with 'jdbc:', for example "
                    + "jdbc:postgresql://localhost:5432/app or jdbc:sqlite:example.db.");
        }
        return new Builder(url, null, null);
    }

    /** A builder for an engine over a {@link DataSource} that the caller owns. */
    public static Builder builder(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        return new Builder(null, dataSource, null);
    }

    /** A builder for an engine over a custom {@link ConnectionProvider} (the Spring integration uses this). */
    public static Builder builder(ConnectionProvider provider) {
        Objects.requireNonNull(provider, "provider must not be null");
        return new Builder(null, null, provider);
    }

    /**
     * A connection in commit-as-you-go style: statements run in a transaction that {@link Connection#commit()}
     * commits; closing the connection rolls back whatever was not committed.
     */
    public Connection connect() {
        return open(false, false);
    }

    /**
     * A read-only connection in commit-as-you-go style: on the next healthy replica when the engine has
     * {@link Builder#replicas replicas}, else on the primary, and read-only there too (the database refuses writes).
     * {@link Connection#route()} says where it went. Inside an outer transaction (Spring's {@code @Transactional}),
     * the work joins that transaction's connection instead, so reads after its writes see them.
     */
    public Connection connectReadOnly() {
        return open(false, true);
    }

    /**
     * Runs read-only {@code work} on a {@link #connectReadOnly() read-only connection} and returns its result. When
     * the replica it ran on fails under it (connection lost, server shutting down, a transient error), the replica is
     * skipped and the work runs again from its start on the next healthy replica or the primary: read-only work can
     * repeat safely. Errors on the primary, and errors of the work itself, are raised as they are.
     */
    public <T> T readOnly(Function<Connection, T> work) {
        Objects.requireNonNull(work, "work must not be null");
        int attempts = provider.replicas().map(set -> set.names().size() + 1).orElse(1);
        for (int attempt = 1; ; attempt++) {
            try (Connection connection = open(false, true)) {
                try {
                    T result = work.apply(connection);
                    if (!connection.isExternallyManaged()) {
                        connection.commit();
                    }
                    return result;
                } catch (RuntimeException e) {
                    boolean replicaFailed = (connection.isInvalidated() || MapperException.isTransient(e))
                            && !connection.isExternallyManaged();
                    if (attempt >= attempts || !replicaFailed || !provider.routeFailed(connection.route(), e)) {
                        throw e;
                    }
                }
            }
        }
    }

    /** The replicas read-only work goes to, when the engine was built with some. */
    public Optional<ReplicaSet> replicas() {
        return provider.replicas();
    }

    /**
     * A connection whose transaction must end explicitly: call {@link Connection#commit()} at the end of the
     * try-with-resources block. Closing it with uncommitted writes rolls them back <em>and raises</em>, so a
     * forgotten commit is never silent. Java cannot tell {@code close()} whether the block threw; for
     * "commit on success, roll back on exception" use {@link #begin(Consumer)} or {@link #inTransaction(Function)}.
     */
    public Connection begin() {
        return open(true, false);
    }

    /**
     * Runs {@code work} in one transaction: commits when it returns, rolls back when it throws (and rethrows).
     * When the connection belongs to an outer transaction (a Spring {@code @Transactional} method), the work joins
     * that transaction instead, and the outer transaction manager commits or rolls back.
     */
    public void begin(Consumer<Connection> work) {
        inTransaction(connection -> {
            work.accept(connection);
            return null;
        });
    }

    /** Runs {@code work} in one transaction and returns its result: commits on return, rolls back on exception. */
    public <T> T inTransaction(Function<Connection, T> work) {
        try (Connection connection = open(true, false)) {
            T result;
            try {
                result = work.apply(connection);
            } catch (RuntimeException | Error e) {
                connection.rollbackQuietly(e);
                throw e;
            }
            if (!connection.isExternallyManaged()) {
                // Under an outer transaction manager (Spring's @Transactional) the work joins its transaction,
                // which commits or rolls back as a whole.
                connection.commit();
            }
            return result;
        }
    }

    /** The dialect of this engine's database; resolves it (opening a connection) if no statement has run yet. */
    public Dialect dialect() {
        if (parent != null) {
            return parent.dialect();
        }
        Dialect resolved = dialect;
        if (resolved == null) {
            try (Connection connection = connect()) {
                resolved = connection.dialect();
            }
        }
        return resolved;
    }

    /**
     * Runs schema work ({@code metadata.createAll(engine)}) on one connection in one transaction: committed when it
     * returns, rolled back when it throws.
     */
    @Override
    public void runDdl(Consumer<DdlSession> work) {
        Objects.requireNonNull(work, "work must not be null");
        begin(connection -> connection.runDdl(work));
    }

    /** Adds a listener that hears every statement executed from now on. */
    public void addListener(StatementListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
    }

    /** Removes a listener added with {@link #addListener} or the builder. */
    public void removeListener(StatementListener listener) {
        listeners.remove(listener);
    }

    /** The pool behind this engine, when it is one mapper can describe. */
    public Optional<PoolDescription> pool() {
        return provider.pool();
    }

    /** Closes the pool if the engine created it; later {@code connect()} calls fail. Safe to call twice. */
    public void dispose() {
        if (parent != null) {
            parent.dispose();
            return;
        }
        if (!disposed) {
            disposed = true;
            provider.close();
        }
    }

    // Reflection ------------------------------------------------------------------------------------------------

    /** An inspector over this engine's database, SQLAlchemy's {@code inspect(engine)}. */
    @Override
    public Inspector inspect() {
        return Inspector.of(this);
    }

    /** Same as {@link #dispose()}, for try-with-resources. */
    @Override
    public void close() {
        dispose();
    }

    boolean logParameters() {
        return logParameters;
    }

    int fetchSize() {
        return fetchSize;
    }

    int batchSize() {
        return batchSize;
    }

    List<StatementListener> listeners() {
        return listeners;
    }

    ConnectionProvider provider() {
        return provider;
    }

    CompiledStatement compile(Executable statement, Dialect forDialect) {
        Object key = statement.cacheKey();
        if (key == null) {
            return forDialect.newSqlCompiler().translateSchemas(schemaTranslation).compile(statement);
        }
        return compiledCache.get(new CacheKey(forDialect, schemaTranslation, key),
                () -> forDialect.newSqlCompiler().translateSchemas(schemaTranslation).compile(statement));
    }

    /**
     * A statement's structure for one dialect and schema translation; dialects compare by identity, translations by
     * their maps (so engines derived with equal maps share entries).
     */
    private record CacheKey(Dialect dialect, SchemaTranslation schemas, Object statement) {
        // Written out: the record's generated equals and hashCode go through method handles, which the JIT did not
        // inline here (a few % of a single insert's samples on H2); this is looked up on every execution.
        @Override
        public boolean equals(Object other) {
            return this == other || other instanceof CacheKey that && dialect.equals(that.dialect)
                    && schemas.equals(that.schemas) && statement.equals(that.statement);
        }

        @Override
        public int hashCode() {
            return (31 * dialect.hashCode() + schemas.hashCode()) * 31 + statement.hashCode();
        }
    }

    /**
     * How the compiled-statement cache is doing: hits, misses and size. Statements of equal structure (bound values
     * aside) share one compiled form, so a steady workload should show mostly hits.
     */
    public CompiledCacheStats compiledCacheStats() {
        return compiledCache.stats();
    }

    private Connection open(boolean explicitTransaction, boolean readOnly) {
        if (root().disposed) {
            throw new ResourceClosedException("This Engine was disposed; create a new Engine to connect again.");
        }
        java.sql.Connection jdbc;
        try {
            jdbc = readOnly ? provider.getReadOnlyConnection() : provider.getConnection();
        } catch (SQLException e) {
            throw acquisitionError(e);
        }
        try {
            Dialect resolved = resolveDialect(jdbc);
            boolean external = provider.isTransactionManagedExternally(jdbc);
            // Read-only is a property of transactions (pgjdbc applies it only to them), so a read-only connection
            // keeps one even on an AUTOCOMMIT engine: without it the database would take writes.
            IsolationLevel level = readOnly && isolationLevel == IsolationLevel.AUTOCOMMIT ? null : isolationLevel;
            Connection connection = new Connection(this, jdbc, resolved, external, explicitTransaction, level);
            if (readOnly && !external) {
                // On the primary fallback too: read-only work behaves the same wherever it runs.
                connection.readOnly(true);
            }
            return connection;
        } catch (SQLException e) {
            releaseQuietly(jdbc);
            throw new OperationalException("Could not prepare a new connection: " + e.getMessage()
                    + ". Check that the database is reachable and the URL, user and password are right.", null,
                    List.of(), e.getSQLState(), e.getErrorCode(), e);
        } catch (RuntimeException e) {
            releaseQuietly(jdbc);
            throw e;
        }
    }

    private Dialect resolveDialect(java.sql.Connection jdbc) throws SQLException {
        if (parent != null) {
            // One dialect object for the pool: the compiled-statement cache is keyed by dialect identity.
            return parent.resolveDialect(jdbc);
        }
        Dialect resolved = dialect;
        if (resolved == null) {
            synchronized (this) {
                resolved = dialect;
                if (resolved == null) {
                    resolved = resolver.resolve(jdbc);
                    dialect = resolved;
                }
            }
        }
        return resolved;
    }

    void releaseQuietly(java.sql.Connection jdbc) {
        try {
            provider.releaseConnection(jdbc);
        } catch (SQLException ignored) {
            // Already failing; the original error is the one worth reporting.
        }
    }

    void connectionLost(java.sql.Connection jdbc, DatabaseException failure) {
        try {
            provider.connectionLost(jdbc, failure);
        } catch (RuntimeException e) {
            failure.addSuppressed(e);
        }
    }

    void invalidateQuietly(java.sql.Connection jdbc) {
        try {
            provider.invalidateConnection(jdbc);
        } catch (SQLException ignored) {
            // The connection is already broken; discarding it is best effort.
        }
    }

    private OperationalException acquisitionError(SQLException e) {
        Optional<PoolDescription> pool = provider.pool();
        if (e instanceof SQLTransientConnectionException && pool.isPresent()) {
            PoolDescription description = pool.get();
            return new TransientException(TransientException.Reason.POOL_TIMEOUT, "Timed out after " + description.connectionTimeout().toMillis()
                    + " ms waiting for a connection from the pool '" + description.name() + "': all "
                    + description.maximumSize() + " connections (its maximum pool size) are in use. Close "
                    + "connections when done (try-with-resources), keep transactions short, or raise the pool "
                    + "size or the connection timeout.", null, List.of(), e.getSQLState(), e.getErrorCode(), e);
        }
        String message = "Could not get a connection from the database: " + e.getMessage()
                + ". Check that the database is running and that the URL, user and password are right.";
        String state = e.getSQLState();
        if (e instanceof SQLTransientConnectionException || (state != null && state.startsWith("08"))) {
            // A database that is restarting or failing over: connecting again shortly may work.
            return new TransientException(TransientException.Reason.DATABASE_UNAVAILABLE, message, null, List.of(),
                    state, e.getErrorCode(), e);
        }
        return new OperationalException(message, null, List.of(), state, e.getErrorCode(), e);
    }

    /** Configures an {@link Engine}; obtained from {@code Engine.builder(...)}. Not thread-safe. */
    public static final class Builder {

        private final @Nullable String url;
        private final @Nullable DataSource dataSource;
        private final @Nullable ConnectionProvider provider;
        private final List<StatementListener> listeners = new ArrayList<>();
        private final Map<String, String> driverProperties = new HashMap<>();
        private DialectResolver resolver = new DialectResolver();
        private @Nullable Dialect dialect;
        private boolean showSql;
        private boolean logParameters;
        private @Nullable IsolationLevel isolationLevel;
        private int fetchSize = 1000;
        private int batchSize = 1000;
        private int compiledCacheSize = 500;
        private @Nullable Integer poolSize;
        private @Nullable Duration connectionTimeout;
        private @Nullable String poolName;
        private @Nullable String username;
        private @Nullable String password;
        private @Nullable ReplicaSet replicas;

        private Builder(@Nullable String url, @Nullable DataSource dataSource, @Nullable ConnectionProvider provider) {
            this.url = url;
            this.dataSource = dataSource;
            this.provider = provider;
        }

        /** Logs every statement at INFO on the {@code io.mapper.sql} logger (SQLAlchemy's {@code echo}). */
        public Builder showSql(boolean showSql) {
            this.showSql = showSql;
            return this;
        }

        /** Includes bound values in the SQL log and in error messages; off by default, as values may be secret. */
        public Builder logParameters(boolean logParameters) {
            this.logParameters = logParameters;
            return this;
        }

        /** The isolation level of every connection's transactions; the database's default when not set. */
        public Builder isolationLevel(IsolationLevel isolationLevel) {
            this.isolationLevel = Objects.requireNonNull(isolationLevel, "isolationLevel must not be null");
            return this;
        }

        /** Uses this dialect instead of resolving one from the database's metadata. */
        public Builder dialect(Dialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect must not be null");
            return this;
        }

        /** Resolves dialects with this resolver instead of the {@link java.util.ServiceLoader} default. */
        public Builder dialectResolver(DialectResolver resolver) {
            this.resolver = Objects.requireNonNull(resolver, "resolver must not be null");
            return this;
        }

        /** Adds a listener that hears every statement. */
        public Builder listener(StatementListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener must not be null"));
            return this;
        }

        /** How many rows the driver fetches per round trip while a result is read; 1000 by default. */
        public Builder fetchSize(int fetchSize) {
            if (fetchSize < 0) {
                throw new ArgumentException("fetchSize must be 0 (the driver's default) or more, not " + fetchSize);
            }
            this.fetchSize = fetchSize;
            return this;
        }

        /** How many parameter sets {@code executeMany} sends per JDBC batch; 1000 by default. */
        public Builder batchSize(int batchSize) {
            if (batchSize < 1) {
                throw new ArgumentException("batchSize must be at least 1, not " + batchSize);
            }
            this.batchSize = batchSize;
            return this;
        }

        /** How many compiled statements the engine keeps, least recently used dropped first; 500 by default, 0 for none. */
        public Builder compiledCacheSize(int compiledCacheSize) {
            if (compiledCacheSize < 0) {
                throw new ArgumentException("compiledCacheSize must be 0 (no cache) or more, not " + compiledCacheSize);
            }
            this.compiledCacheSize = compiledCacheSize;
            return this;
        }

        /**
         * Sends read-only work ({@link Engine#connectReadOnly()}, {@link Engine#readOnly}, read-only sessions) to these
         * replicas, and everything else to the engine's own connections (the primary).
         */
        public Builder replicas(ReplicaSet replicas) {
            this.replicas = Objects.requireNonNull(replicas, "replicas must not be null");
            return this;
        }

        /** The maximum number of pooled connections (URL engines only); 10 by default. */
        public Builder poolSize(int poolSize) {
            requireUrl("poolSize");
            if (poolSize < 1) {
                throw new ArgumentException("poolSize must be at least 1, not " + poolSize);
            }
            this.poolSize = poolSize;
            return this;
        }

        /** How long {@code connect()} waits for a free pooled connection (URL engines only); 30 s by default. */
        public Builder connectionTimeout(Duration connectionTimeout) {
            requireUrl("connectionTimeout");
            if (connectionTimeout.toMillis() < 250) {
                throw new ArgumentException("connectionTimeout must be at least 250 ms (HikariCP's minimum), not "
                        + connectionTimeout.toMillis() + " ms.");
            }
            this.connectionTimeout = connectionTimeout;
            return this;
        }

        /** The pool's name in logs and error messages (URL engines only). */
        public Builder poolName(String poolName) {
            requireUrl("poolName");
            this.poolName = poolName;
            return this;
        }

        /** The database user (URL engines only). */
        public Builder username(String username) {
            requireUrl("username");
            this.username = username;
            return this;
        }

        /** The database password (URL engines only). */
        public Builder password(String password) {
            requireUrl("password");
            this.password = password;
            return this;
        }

        /** An extra JDBC driver property (URL engines only). */
        public Builder driverProperty(String name, String value) {
            requireUrl("driverProperty");
            driverProperties.put(name, value);
            return this;
        }

        private void requireUrl(String option) {
            if (url == null) {
                throw new ArgumentException(option + " configures the pool that Engine.create(url) builds; this "
                        + "engine uses your own DataSource, so configure its pool there instead.");
            }
        }

        /** Builds the engine; with a URL this creates the pool (connections open lazily). */
        public Engine build() {
            ConnectionProvider chosen;
            if (provider != null) {
                chosen = provider;
            } else if (dataSource != null) {
                chosen = new DataSourceConnectionProvider(dataSource, false);
            } else {
                PoolOptions defaults = PoolOptions.defaults();
                PoolOptions options = new PoolOptions(poolSize == null ? defaults.maximumPoolSize() : poolSize,
                        defaults.minimumIdle(),
                        connectionTimeout == null ? defaults.connectionTimeout() : connectionTimeout,
                        poolName == null ? defaults.poolName() : poolName, username, password, driverProperties);
                chosen = new DataSourceConnectionProvider(HikariSupport.createPool(Objects.requireNonNull(url),
                        options), true);
            }
            return new Engine(this, replicas == null ? chosen : new ReplicaRoutingProvider(chosen, replicas));
        }
    }
}
