package io.mapper.spring.boot.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** Configuration of mapper under {@code mapper.*}; connection settings stay under {@code spring.datasource.*}. */
@ConfigurationProperties("mapper")
public class MapperProperties {

    /** Whether to log every SQL statement at INFO on the io.mapper.sql logger. */
    private boolean showSql;

    /** Whether bound parameter values may appear in the SQL log and in error messages. */
    private boolean logParameters;

    /** Number of rows fetched per round trip while a result is read. */
    private int fetchSize = 1000;

    /** Number of parameter sets sent per JDBC batch by executeMany. */
    private int batchSize = 1000;

    /** Number of compiled statements the engine keeps in its cache; 0 turns the cache off. */
    private int compiledCacheSize = 500;

    public int getCompiledCacheSize() {
        return compiledCacheSize;
    }

    public void setCompiledCacheSize(int compiledCacheSize) {
        this.compiledCacheSize = compiledCacheSize;
    }

    /** What to do with the mapped tables' schema at start-up (and, for create-drop, at shutdown). */
    private Schema schema = Schema.NONE;

    private final Observations observations = new Observations();

    private final Orm orm = new Orm();

    public boolean isShowSql() {
        return showSql;
    }

    public void setShowSql(boolean showSql) {
        this.showSql = showSql;
    }

    public boolean isLogParameters() {
        return logParameters;
    }

    public void setLogParameters(boolean logParameters) {
        this.logParameters = logParameters;
    }

    public int getFetchSize() {
        return fetchSize;
    }

    public void setFetchSize(int fetchSize) {
        this.fetchSize = fetchSize;
    }

    public int getBatchSize() {
        return batchSize;
    }

    public void setBatchSize(int batchSize) {
        this.batchSize = batchSize;
    }

    public Schema getSchema() {
        return schema;
    }

    public void setSchema(Schema schema) {
        this.schema = schema;
    }

    public Observations getObservations() {
        return observations;
    }

    public Orm getOrm() {
        return orm;
    }

    /** What mapper does with the schema of the mapped tables. */
    public enum Schema {

        /** Leave the schema alone (migrations own it). */
        NONE,

        /** Create missing tables, indexes and sequences at start-up. */
        CREATE,

        /** Create missing tables at start-up and drop the mapped tables at shutdown. */
        CREATE_DROP,

        /** Compare the mapped tables with the database at start-up and fail listing every difference. */
        VALIDATE
    }

    /** Settings of the ORM: the session factory and the transaction-bound session. */
    public static class Orm {

        /** Packages scanned for @Entity classes, sub-packages included; the application's auto-configuration packages when empty. */
        private List<String> packagesToScan = new ArrayList<>();

        /** Number of rows one flush statement or JDBC batch writes at most. */
        private int batchSize = 1000;

        /** Whether sessions flush pending changes before every query, so that queries see them. */
        private boolean autoflush = true;

        /** Number of lazy loads of one relationship in one session after which mapper logs an N+1 warning. */
        private int lazyLoadWarningThreshold = 20;

        /** Whether every lazy load raises an exception instead of running (an N+1 guard for tests). */
        private boolean raiseOnLazyLoad;

        /**
         * Naming strategy of tables and columns the annotations leave unnamed: snake-case, pascal-case, as-is, or the
         * class name of an io.mapper.orm.convention.NamingStrategy.
         */
        private String namingStrategy = "snake-case";

        public String getNamingStrategy() {
            return namingStrategy;
        }

        public void setNamingStrategy(String namingStrategy) {
            this.namingStrategy = namingStrategy;
        }

        public int getLazyLoadWarningThreshold() {
            return lazyLoadWarningThreshold;
        }

        public void setLazyLoadWarningThreshold(int lazyLoadWarningThreshold) {
            this.lazyLoadWarningThreshold = lazyLoadWarningThreshold;
        }

        public boolean isRaiseOnLazyLoad() {
            return raiseOnLazyLoad;
        }

        public void setRaiseOnLazyLoad(boolean raiseOnLazyLoad) {
            this.raiseOnLazyLoad = raiseOnLazyLoad;
        }

        public List<String> getPackagesToScan() {
            return packagesToScan;
        }

        public void setPackagesToScan(List<String> packagesToScan) {
            this.packagesToScan = packagesToScan;
        }

        public int getBatchSize() {
            return batchSize;
        }

        public void setBatchSize(int batchSize) {
            this.batchSize = batchSize;
        }

        public boolean isAutoflush() {
            return autoflush;
        }

        public void setAutoflush(boolean autoflush) {
            this.autoflush = autoflush;
        }
    }

    /** Settings of the mapper.query observation. */
    public static class Observations {

        /**
         * Whether to attach the SQL text (with placeholders, never values) to statement observations as a
         * high-cardinality attribute, db.query.text.
         */
        private boolean includeSqlText;

        /**
         * Names and tags of statement observations: mapper's own (mapper.query) or OpenTelemetry's database
         * semantic conventions (db.client.operation.duration).
         */
        private Convention convention = Convention.MAPPER;

        public boolean isIncludeSqlText() {
            return includeSqlText;
        }

        public void setIncludeSqlText(boolean includeSqlText) {
            this.includeSqlText = includeSqlText;
        }

        public Convention getConvention() {
            return convention;
        }

        public void setConvention(Convention convention) {
            this.convention = convention;
        }

        /** Which names and tags statement observations use. */
        public enum Convention {

            /** mapper's own: mapper.query with db.system.name, db.operation.name, mapper.statement.kind, mapper.entity. */
            MAPPER,

            /** OpenTelemetry's database semantic conventions: db.client.operation.duration and its attributes. */
            OPENTELEMETRY
        }
    }
}
