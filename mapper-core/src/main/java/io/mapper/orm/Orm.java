package io.mapper.orm;

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

    /** Loads a relationship (a path such as {@code "lines"} or {@code "lines.product"}) with one SELECT ... IN per level. */
    public static LoadOption selectInLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.SELECT_IN);
    }

    /** Loads a relationship with a LEFT OUTER JOIN in the same statement (SELECT ... IN under LIMIT/OFFSET). */
    public static LoadOption joinedLoad(String path) {
        return LoadOption.of(path, io.mapper.orm.annotation.FetchStrategy.JOINED);
    }

    /** Loads a relationship with one SELECT ... IN per level. */
    public static LoadOption selectInLoad(Relation<?, ?> relation) {
        return selectInLoad(relation.name());
    }

    /** Loads a relationship with a LEFT OUTER JOIN (SELECT ... IN under LIMIT/OFFSET). */
    public static LoadOption joinedLoad(Relation<?, ?> relation) {
        return joinedLoad(relation.name());
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
}
