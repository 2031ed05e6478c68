package io.mapper.engine;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Logs each statement at INFO on the {@code io.mapper.sql} logger; SQLAlchemy's {@code echo=True}. */
final class SqlLogListener implements StatementListener {

    private static final Logger log = LoggerFactory.getLogger("io.mapper.sql");

    private final boolean logParameters;

    SqlLogListener(boolean logParameters) {
        this.logParameters = logParameters;
    }

    @Override
    public void beforeExecute(ExecutionContext context) {
        if (!log.isInfoEnabled()) {
            return;
        }
        String batch = context.isBatch() ? " [batch of " + context.batchSize() + "]" : "";
        if (context.parameters().isEmpty()) {
            log.info("{}{}", context.sql(), batch);
        } else if (logParameters) {
            log.info("{}{} {}", context.sql(), batch, context.parameters());
        } else {
            int count = context.parameters().size();
            log.info("{}{} [{} {} hidden]", context.sql(), batch, count, count == 1 ? "parameter" : "parameters");
        }
    }
}
