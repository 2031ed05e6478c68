package io.mapper.orm;

import io.mapper.sql.TableClause;

/**
 * Entry points of ORM queries; import statically next to {@code io.mapper.sql.Sql.*} ({@code select(User.class)}
 * resolves here, {@code select(User_.name)} to the Core).
 */
public final class Orm {

    private Orm() {
    }

    /**
     * A query for whole entities, executed with {@link Session#scalars(EntitySelect)}.
     *
     * <pre>{@code
     * // SELECT user_account.id, user_account.name, ... FROM user_account WHERE user_account.name IN (?, ?)
     * session.scalars(select(User.class).where(User_.name.in("spongebob", "sandy")));
     * }</pre>
     */
    public static <E> EntitySelect<E> select(Class<E> entityType) {
        return EntitySelect.of(entityType);
    }

    /**
     * A query of two entities, run with {@link Session#tuples(TupleSelect)}; both come from the identity map.
     *
     * <pre>{@code
     * // SELECT customer.id, customer.name, invoice.id, invoice.total, invoice.customer_id
     * //   FROM customer JOIN invoice ON customer.id = invoice.customer_id
     * session.tuples(select(Customer.class, Invoice.class).join(Customer_.invoices));
     * }</pre>
     */
    public static <A, B> TupleSelect<Tuple2<A, B>> select(Class<A> first, Class<B> second) {
        return TupleSelect.of(java.util.List.of(first, second), values -> new Tuple2<>(first.cast(values[0]),
                second.cast(values[1])));
    }

    /**
     * A query of an entity and a column expression (an aggregate, a computed value), run with
     * {@link Session#tuples(TupleSelect)}: {@code select(Customer.class, count(Invoice_.id))}.
     */
    @SuppressWarnings("unchecked")
    public static <A, B> TupleSelect<Tuple2<A, B>> select(Class<A> entity, io.mapper.sql.Expression<B> column) {
        return TupleSelect.of(java.util.List.of(entity, column), values -> new Tuple2<>(entity.cast(values[0]),
                (B) values[1]));
    }

    /** A query of several entity classes and column expressions, in that order, each row a {@link Tuple}. */
    public static TupleSelect<Tuple> select(Object first, Object second, Object... more) {
        java.util.List<Object> items = new java.util.ArrayList<>(java.util.List.of(first, second));
        items.addAll(java.util.Arrays.asList(more));
        return TupleSelect.of(items, Tuple::new);
    }

    /**
     * An ORM bulk UPDATE of an entity's rows, run with {@link Session#execute(BulkStatement)}:
     * {@code update(Owner.class).set(Owner_.name, "x").where(Owner_.id.eq(1L))}.
     */
    public static <E> EntityUpdate<E> update(Class<E> entityType) {
        return EntityUpdate.of(entityType);
    }

    /**
     * An ORM bulk DELETE of an entity's rows, run with {@link Session#execute(BulkStatement)}:
     * {@code delete(Mail.class).where(Mail_.email.eq("old@example.com"))}.
     */
    public static <E> EntityDelete<E> delete(Class<E> entityType) {
        return EntityDelete.of(entityType);
    }

    /** Loads a relationship (a path such as {@code "lines"} or {@code "lines.product"}) by SELECT ... IN per level. */
    public static LoadOption selectInLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.SELECT_IN);
    }

    /**
     * Loads a relationship with a LEFT OUTER JOIN of an alias of its table in the same statement; a collection falls
     * back to SELECT ... IN under LIMIT/OFFSET.
     *
     * <pre>{@code
     * // SELECT mail.id, mail.email, mail.owner_id, owner_1.id, owner_1.name
     * //   FROM mail LEFT OUTER JOIN owner AS owner_1 ON owner_1.id = mail.owner_id
     * session.scalars(select(Mail.class).options(joinedLoad("owner")));
     * }</pre>
     */
    public static LoadOption joinedLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.JOINED);
    }

    /** Loads a relationship with one SELECT ... IN per level. */
    public static LoadOption selectInLoad(Relation<?, ?> relation) {
        return selectInLoad(relation.name());
    }

    /** Loads a relationship with a LEFT OUTER JOIN (a collection: SELECT ... IN under LIMIT/OFFSET). */
    public static LoadOption joinedLoad(Relation<?, ?> relation) {
        return joinedLoad(relation.name());
    }

    /** Loads an element collection of all the query's objects with one SELECT ... IN. */
    public static LoadOption selectInLoad(Elements<?, ?> elements) {
        return selectInLoad(elements.name());
    }

    /** Leaves an element collection to load on first use (the default). */
    public static LoadOption lazyLoad(Elements<?, ?> elements) {
        return lazyLoad(elements.name());
    }

    /** Makes the first use of an unloaded element collection raise. */
    public static LoadOption raiseLoad(Elements<?, ?> elements) {
        return raiseLoad(elements.name());
    }

    /** Leaves a relationship to load on first use. */
    public static LoadOption lazyLoad(Relation<?, ?> relation) {
        return lazyLoad(relation.name());
    }

    /** Makes the first use of an unloaded relationship raise. */
    public static LoadOption raiseLoad(Relation<?, ?> relation) {
        return raiseLoad(relation.name());
    }

    /** Leaves a relationship to load on first use. */
    public static LoadOption lazyLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.LAZY);
    }

    /** Makes the first use of an unloaded relationship raise, naming it (for N+1 hunting). */
    public static LoadOption raiseLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.RAISE);
    }

    /**
     * Fills a relationship from a join the query wrote itself (SQLAlchemy's {@code contains_eager}): the joined
     * table's columns are added to the SELECT, and the related objects are built from them.
     *
     * <pre>{@code
     * // SELECT album.id, album.title, album.artist_id, artist.id, artist.name
     * //   FROM album JOIN artist ON artist.id = album.artist_id WHERE artist.name = ?
     * select(Album.class).join(Album_.artist).where(Artist_.name.eq("Nina")).options(containsEager(Album_.artist));
     * }</pre>
     */
    public static LoadOption containsEager(Relation<?, ?> relation) {
        return containsEager(relation.name());
    }

    /** Fills a relationship from the query's join of {@code alias} (an alias of the related entity's table). */
    public static LoadOption containsEager(Relation<?, ?> relation, TableClause alias) {
        return LoadOption.containsEager(relation.name(), java.util.Objects.requireNonNull(alias, "alias"));
    }

    /** Fills a relationship (a path such as {@code "artist"}) from the query's own join of its table. */
    public static LoadOption containsEager(String path) {
        return LoadOption.containsEager(path, null);
    }

    /** Fills a relationship from the query's join of {@code alias} (an alias of the related entity's table). */
    public static LoadOption containsEager(String path, TableClause alias) {
        return LoadOption.containsEager(path, java.util.Objects.requireNonNull(alias, "alias"));
    }

    /**
     * Leaves these columns out of the query's SELECT (SQLAlchemy's {@code defer}); a {@code Deferred<T>} property
     * loads on its first {@code get()}, a plain one stays null until {@code session.refresh(obj, "name")}.
     *
     * <pre>{@code
     * // SELECT document.id, document.title FROM document ORDER BY document.id
     * session.scalars(select(Document.class).orderBy(Document_.id).options(defer(Document_.body)));
     * }</pre>
     */
    public static LoadOption defer(Attribute<?, ?>... attributes) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.DEFER, attributes);
    }

    /** Leaves these columns (property names) out of the query's SELECT. */
    public static LoadOption defer(String... properties) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.DEFER, properties);
    }

    /**
     * Leaves these {@code Deferred<T>} columns out of the query's SELECT and makes their first access raise
     * (SQLAlchemy's {@code defer(..., raiseload=True)}).
     */
    public static LoadOption deferRaise(Attribute<?, ?>... attributes) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.DEFER_RAISE, attributes);
    }

    /** Loads these columns, deferred by their mapping, with the query (SQLAlchemy's {@code undefer}). */
    public static LoadOption undefer(Attribute<?, ?>... attributes) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.UNDEFER, attributes);
    }

    /** Loads these columns (property names), deferred by their mapping, with the query. */
    public static LoadOption undefer(String... properties) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.UNDEFER, properties);
    }

    /**
     * Loads only these columns and the primary key (and foreign keys and version, which relationships and
     * optimistic locking need), deferring every other one (SQLAlchemy's {@code load_only}).
     *
     * <pre>{@code
     * // SELECT document.id, document.title FROM document
     * session.scalars(select(Document.class).options(loadOnly(Document_.title)));
     * }</pre>
     */
    public static LoadOption loadOnly(Attribute<?, ?>... attributes) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.LOAD_ONLY, attributes);
    }

    /** Loads only these columns (property names) and the keys. */
    public static LoadOption loadOnly(String... properties) {
        return LoadOption.columns(io.mapper.orm.loading.LoadPlan.ColumnMode.LOAD_ONLY, properties);
    }
}
