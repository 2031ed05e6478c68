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
}
