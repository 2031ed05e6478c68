package io.mapper.engine;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.MultipleResultsException;
import io.mapper.exception.NoResultException;

/**
 * The outcome of one statement: its rows, read on demand from an open cursor, or its row count.
 *
 * <p>{@link #all()}, {@link #first()}, {@link #one()}, {@link #scalar()} and an iteration that reaches the end close
 * the cursor; a result left half-read is closed with its connection, or explicitly with {@link #close()}.
 * Iteration streams rows with the engine's fetch size, so a large result is never held in memory at once.
 * {@link #scalars()}, {@link #mappings()} and {@link #map(Function)} give views of the same cursor with a different
 * element type. Not thread-safe.
 *
 * @param <R> the element type: {@link Row} for a plain execution
 */
public final class Result<R> implements Iterable<R>, AutoCloseable {

    private final Cursor cursor;
    private final Function<Row, R> mapping;
    private final @Nullable Predicate<? super R> filter;

    Result(Cursor cursor, Function<Row, R> mapping) {
        this(cursor, mapping, null);
    }

    private Result(Cursor cursor, Function<Row, R> mapping, @Nullable Predicate<? super R> filter) {
        this.cursor = cursor;
        this.mapping = mapping;
        this.filter = filter;
    }

    /** The next element that passes the filter, or null at the end of the rows. */
    private @Nullable Holder<R> nextElement() {
        for (Row row = cursor.next(); row != null; row = cursor.next()) {
            R element = mapping.apply(row);
            if (filter == null || filter.test(element)) {
                return new Holder<>(element);
            }
        }
        return null;
    }

    private record Holder<R>(R value) {
    }

    /** Only the elements that pass {@code predicate}, still read on demand. */
    public Result<R> filter(Predicate<? super R> predicate) {
        java.util.Objects.requireNonNull(predicate, "predicate");
        Predicate<? super R> current = filter;
        Predicate<R> combined = current == null ? predicate::test : element -> current.test(element)
                && predicate.test(element);
        return new Result<>(cursor, mapping, combined);
    }

    /** All remaining elements; closes the result. */
    public List<R> all() {
        List<R> elements = new ArrayList<>();
        for (Holder<R> next = nextElement(); next != null; next = nextElement()) {
            elements.add(next.value());
        }
        return elements;
    }

    /** The first element, or empty when there is none; closes the result without reading the rest. */
    public Optional<R> first() {
        try {
            Holder<R> next = nextElement();
            return next == null ? Optional.empty() : Optional.ofNullable(next.value());
        } finally {
            cursor.close();
        }
    }

    /** Exactly one element; raises {@link NoResultException} for none and {@link MultipleResultsException} for more. */
    public R one() {
        R element = oneOrNull();
        if (element == null) {
            throw new NoResultException("Expected exactly one row and found none. Use oneOrNull() or first() when "
                    + "no row is a valid outcome. [SQL: " + Cursor.abbreviated(cursor.sql()) + "]");
        }
        return element;
    }

    /** The only element, or null when there is none; raises {@link MultipleResultsException} for more than one. */
    public @Nullable R oneOrNull() {
        try {
            Holder<R> next = nextElement();
            if (next == null) {
                return null;
            }
            if (nextElement() != null) {
                throw new MultipleResultsException("Expected at most one row and found several. Narrow the WHERE "
                        + "clause, or use first() or all(). [SQL: " + Cursor.abbreviated(cursor.sql()) + "]");
            }
            return next.value();
        } finally {
            cursor.close();
        }
    }

    /** The first column of the first row, or null when there are no rows; closes the result. */
    public @Nullable Object scalar() {
        try {
            Row row = cursor.next();
            return row == null ? null : row.get(0);
        } finally {
            cursor.close();
        }
    }

    /** The first column of the first row converted to {@code type}, or null; closes the result. */
    public <T> @Nullable T scalar(Class<T> type) {
        return io.mapper.types.Conversions.convert(scalar(), type);
    }

    /** The first column of each row. */
    public Result<@Nullable Object> scalars() {
        return new Result<>(cursor, row -> row.get(0));
    }

    /** The first column of each row, converted to {@code type}. */
    public <T> Result<@Nullable T> scalars(Class<T> type) {
        return new Result<>(cursor, row -> row.get(0, type));
    }

    /** Each row as a map from column label to value. */
    public Result<Map<String, @Nullable Object>> mappings() {
        return new Result<>(cursor, Row::asMap);
    }

    /** The elements transformed by {@code function}, still read on demand. */
    public <T> Result<T> map(Function<? super R, ? extends T> function) {
        if (filter != null) {
            throw new IllegalStateException("map() after filter() is not supported; map first, then filter.");
        }
        Function<Row, R> current = mapping;
        return new Result<>(cursor, row -> function.apply(current.apply(row)));
    }

    /**
     * All remaining rows as records of {@code recordType}, matching columns to record components by name
     * ({@code full_name} fills {@code fullName}); closes the result.
     */
    public <T> List<T> into(Class<T> recordType) {
        return as(recordType).all();
    }

    /** The rows as records of {@code recordType}, read on demand; see {@link #into(Class)}. */
    public <T> Result<T> as(Class<T> recordType) {
        if (!cursor.returnsRows()) {
            throw cursor.closedError();
        }
        RecordMapper<T> recordMapper = RecordMapper.of(recordType, currentShape());
        return new Result<>(cursor, recordMapper);
    }

    private RowShape currentShape() {
        return new RowShape(cursor.keys());
    }

    /** Iterates the remaining elements, fetching rows from the database as it goes; closes the result at the end. */
    @Override
    public Iterator<R> iterator() {
        return new Iterator<>() {
            private @Nullable Holder<R> next;
            private boolean done;

            @Override
            public boolean hasNext() {
                if (next == null && !done) {
                    next = nextElement();
                    done = next == null;
                }
                return next != null;
            }

            @Override
            public R next() {
                if (!hasNext()) {
                    throw new NoSuchElementException("The result has no more rows.");
                }
                Holder<R> element = next;
                next = null;
                return element.value();
            }
        };
    }

    /** The remaining elements as a sequential stream; closing the stream closes the result. */
    public Stream<R> stream() {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED), false)
                .onClose(this::close);
    }

    /** Whether the statement returned rows (a query, or DML with RETURNING). */
    public boolean returnsRows() {
        return cursor.returnsRows();
    }

    /** The column labels of the rows, or empty for a statement that returns none. */
    public List<String> keys() {
        return cursor.keys();
    }

    /**
     * How many rows an INSERT, UPDATE or DELETE affected (summed over a batch), or -1 when the statement returned
     * rows or the driver did not say.
     */
    public long rowCount() {
        return cursor.rowCount();
    }

    /** The values the database generated for the columns named with {@code returningGeneratedKeys(...)}, per row. */
    public List<Row> generatedKeys() {
        return cursor.generatedKeys();
    }

    /** Whether the cursor is closed (read to the end, or closed explicitly). */
    public boolean isClosed() {
        return cursor.isClosed();
    }

    /** Closes the cursor; safe to call more than once. */
    @Override
    public void close() {
        cursor.close();
    }
}
