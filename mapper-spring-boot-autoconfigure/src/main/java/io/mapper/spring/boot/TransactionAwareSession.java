package io.mapper.spring.boot;

import java.util.Collection;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.mapper.engine.Engine;
import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.exception.InvalidRequestException;
import io.mapper.orm.BulkStatement;
import io.mapper.orm.EntityResult;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.EntityState;
import io.mapper.orm.Query;
import io.mapper.orm.Session;
import io.mapper.orm.SessionFactory;
import io.mapper.orm.TupleSelect;
import io.mapper.sql.Executable;
import io.mapper.sql.RowLock;

/**
 * The shared, thread-safe session of a Spring application: every call goes to the {@link Session} of the current
 * Spring transaction ({@code @Transactional}, {@code TransactionTemplate}), opened on first use, flushed before
 * commit unless the transaction is read-only, and closed when the transaction ends. Inject it as {@link Session}
 * (or as {@code SessionOperations}, which leaves out transaction demarcation). Transactions are Spring's:
 * {@code commit()}, {@code rollback()} and {@code beginNested()} raise, naming {@code @Transactional}, and
 * {@code close()} does nothing.
 *
 * <p>Outside a transaction, writes ({@code add}, {@code addAll}, {@code delete}, {@code merge}, {@code flush}) raise
 * an {@link InvalidRequestException} naming {@code @Transactional}, instead of being lost; {@code get},
 * {@code scalars}, {@code state}, {@code contains} and {@code autoflush} run in a short-lived session of their own, so a returned
 * object is detached; {@code refresh}, {@code expunge}, {@code isModified} and {@code flagDirty}, which concern objects a session
 * tracks, raise naming {@code @Transactional}. {@code scalars} loads its whole result, so it also runs in a
 * short-lived session; {@code execute} and {@code query} return a lazily read {@link Result} or a {@link Query} that
 * need the session's connection after the call returns, so they need a transaction
 * ({@code @Transactional(readOnly = true)} for reads).
 * In a read-only transaction, writes raise and nothing is flushed, not even before queries.
 */
public final class TransactionAwareSession implements Session {

    private final SessionFactory factory;

    /** A session proxy over the sessions of {@code factory}. */
    public TransactionAwareSession(SessionFactory factory) {
        this.factory = Objects.requireNonNull(factory, "factory must not be null");
    }

    /**
     * The session bound to the current Spring transaction (opened and bound now if this is its first use), or empty
     * outside a transaction. Use it for what only a {@link Session} offers; let Spring end it.
     */
    public Optional<Session> currentSession() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || !TransactionSynchronizationManager.isActualTransactionActive()) {
            return Optional.empty();
        }
        return Optional.of(SessionSynchronization.currentSession(factory));
    }

    private Session forWrite(String operation) {
        Session session = currentSession().orElseThrow(() -> new InvalidRequestException("session." + operation
                + " was called outside a transaction, where its change would be lost: the Session bean writes in "
                + "the current Spring transaction. Annotate the calling method with @Transactional (or run it in a "
                + "TransactionTemplate)."));
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            throw new InvalidRequestException("session." + operation + " was called in a read-only transaction, "
                    + "which flushes nothing. Use @Transactional without readOnly = true for code that writes.");
        }
        return session;
    }

    private Session forTracked(String operation) {
        return currentSession().orElseThrow(() -> new InvalidRequestException("session." + operation
                + " was called outside a transaction, where the Session bean tracks no objects (each read there "
                + "runs in a short-lived session). Annotate the calling method with @Transactional (or run it in a "
                + "TransactionTemplate) and load the object in it."));
    }

    private Session forQuery(String operation) {
        return currentSession().orElseThrow(() -> new InvalidRequestException("session." + operation
                + " was called outside a transaction: its result is read from the session's connection after the "
                + "call returns, so it needs one. Annotate the calling method with @Transactional(readOnly = true) "
                + "(or run it in a TransactionTemplate); session.get(...) works without one."));
    }

    /** Runs a read in the transaction's session, or in a short-lived session of its own outside a transaction. */
    private <T> T read(Function<Session, T> work) {
        Optional<Session> current = currentSession();
        if (current.isPresent()) {
            return work.apply(current.get());
        }
        try (Session shortLived = factory.open()) {
            return work.apply(shortLived);
        }
    }

    @Override
    public void add(Object entity) {
        forWrite("add(...)").add(entity);
    }

    @Override
    public void addAll(Collection<?> entities) {
        forWrite("addAll(...)").addAll(entities);
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id) {
        return read(session -> session.get(entityType, id));
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id, RowLock lock) {
        // A lock outside a transaction would end with the short-lived session's, before the caller sees the object.
        return forTracked("get(..., lock)").get(entityType, id, lock);
    }

    @Override
    public <E> @Nullable E get(Class<E> entityType, Object id, io.mapper.orm.LoadOption... options) {
        return read(session -> session.get(entityType, id, options));
    }

    @Override
    public void delete(Object entity) {
        forWrite("delete(...)").delete(entity);
    }

    @Override
    public <E> E merge(E entity) {
        return forWrite("merge(...)").merge(entity);
    }

    @Override
    public void refresh(Object entity) {
        forTracked("refresh(...)").refresh(entity);
    }

    @Override
    public void refresh(Object entity, String... properties) {
        forTracked("refresh(..., properties)").refresh(entity, properties);
    }

    @Override
    public void expunge(Object entity) {
        forTracked("expunge(...)").expunge(entity);
    }

    @Override
    public void expungeAll() {
        // Outside a transaction each call runs in a short-lived session: nothing is tracked, nothing to forget.
        currentSession().ifPresent(Session::expungeAll);
    }

    @Override
    public EntityState state(Object entity) {
        return read(session -> session.state(entity));
    }

    @Override
    public boolean isModified(Object entity) {
        return forTracked("isModified(...)").isModified(entity);
    }

    @Override
    public void flagDirty(Object entity) {
        forTracked("flagDirty(...)").flagDirty(entity);
    }

    @Override
    public boolean contains(Object entity) {
        return read(session -> session.contains(entity));
    }

    @Override
    public <E> EntityResult<E> scalars(EntitySelect<E> query) {
        // The result is loaded completely, so outside a transaction a short-lived session can answer it.
        return read(session -> session.scalars(query));
    }

    @Override
    public long execute(BulkStatement statement) {
        return forWrite("execute(...)").execute(statement);
    }

    @Override
    public <T> java.util.List<T> tuples(TupleSelect<T> query) {
        // Loaded completely, like scalars: outside a transaction a short-lived session can answer it.
        return read(session -> session.tuples(query));
    }

    @Override
    public <E> Query<E> query(Class<E> entityType) {
        return forQuery("query(...)").query(entityType);
    }

    @Override
    public Result<Row> execute(Executable statement) {
        return forQuery("execute(...)").execute(statement);
    }

    @Override
    public Result<Row> execute(Executable statement, Map<String, ?> parameters) {
        return forQuery("execute(...)").execute(statement, parameters);
    }

    @Override
    public void flush() {
        forWrite("flush()").flush();
    }

    @Override
    public boolean autoflush() {
        return read(Session::autoflush);
    }

    @Override
    public <T> T noAutoflush(Supplier<T> work) {
        Optional<Session> current = currentSession();
        // Outside a transaction each call has its own short-lived session, with nothing pending to flush.
        return current.isPresent() ? current.get().noAutoflush(work) : work.get();
    }

    @Override
    public SessionFactory factory() {
        return factory;
    }

    @Override
    public Engine engine() {
        return factory.engine();
    }

    @Override
    public String toString() {
        return "TransactionAwareSession over " + factory;
    }

    // ---- the rest of Session: transactions are Spring's ----

    private static InvalidRequestException managedBySpring(String operation) {
        return new InvalidRequestException("session." + operation + " is not available on the injected Session: its "
                + "transaction is Spring's. Let @Transactional commit or roll back (status.setRollbackOnly() or an "
                + "exception rolls back), and use Propagation.NESTED for a savepoint.");
    }

    /** Refused: the Spring transaction commits, flushing the session first. */
    @Override
    public void commit() {
        throw managedBySpring("commit()");
    }

    /** Refused: the Spring transaction rolls back. */
    @Override
    public void rollback() {
        throw managedBySpring("rollback()");
    }

    /** Refused: use {@code @Transactional(propagation = NESTED)}. */
    @Override
    public io.mapper.orm.SessionTransaction beginNested() {
        throw managedBySpring("beginNested()");
    }

    @Override
    public io.mapper.orm.SessionMark mark() {
        return forWrite("mark()").mark();
    }

    @Override
    public void restore(io.mapper.orm.SessionMark mark) {
        forWrite("restore(...)").restore(mark);
    }

    @Override
    public void disableFilter(String name) {
        // The transaction's session: the filter stays off until the transaction ends.
        forTracked("disableFilter(...)").disableFilter(name);
    }

    @Override
    public void enableFilter(String name) {
        forTracked("enableFilter(...)").enableFilter(name);
    }

    @Override
    public void autoflush(boolean enabled) {
        forWrite("autoflush(boolean)").autoflush(enabled);
    }

    @Override
    public Map<String, Integer> lazyLoadCounts() {
        return currentSession().map(Session::lazyLoadCounts).orElse(Map.of());
    }

    /** Does nothing: the session bound to a transaction is closed when the transaction completes. */
    @Override
    public void close() {
    }

    /** Always false: this bean stands for whichever session the current transaction has. */
    @Override
    public boolean isClosed() {
        return false;
    }
}
