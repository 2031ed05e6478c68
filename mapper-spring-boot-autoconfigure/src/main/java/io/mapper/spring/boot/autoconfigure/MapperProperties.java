package io.mapper.spring.boot.autoconfigure;

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

    private final Observations observations = new Observations();

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

    public Observations getObservations() {
        return observations;
    }

    /** Settings of the mapper.query observation. */
    public static class Observations {

        /** Whether to attach the SQL text to mapper.query observations as a high-cardinality attribute. */
        private boolean includeSqlText;

        public boolean isIncludeSqlText() {
            return includeSqlText;
        }

        public void setIncludeSqlText(boolean includeSqlText) {
            this.includeSqlText = includeSqlText;
        }
    }
}
