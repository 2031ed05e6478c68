package io.mapper.orm.convention;

import java.util.Locale;

import io.mapper.exception.ArgumentException;

/**
 * The table and column names of what the annotations leave unnamed (names given with {@code @Table(name)},
 * {@code @Column(name)}, {@code @JoinColumn(name)} are used as written): {@link #SNAKE_CASE} (the default,
 * {@code OrderLine.unitPrice} → {@code order_line.unit_price}), {@link #PASCAL_CASE} ({@code OrderLine.UnitPrice}) or
 * {@link #AS_IS} ({@code OrderLine.unitPrice}), or the application's own. Implementations are pure functions and
 * thread-safe. Set one with {@code SessionFactory.builder(engine).namingStrategy(...)} or
 * {@code mapper.orm.naming-strategy}; quoting is the dialect's business, so a name is quoted only where the database
 * would otherwise fold its case (PostgreSQL, H2) or it is reserved.
 */
public interface NamingStrategy {

    /** {@code OrderLine} → {@code order_line}, {@code unitPrice} → {@code unit_price}: mapper's default. */
    NamingStrategy SNAKE_CASE = new Standard("snake-case");
    /** {@code OrderLine} → {@code OrderLine}, {@code unitPrice} → {@code UnitPrice} (SQL Server and Chinook style). */
    NamingStrategy PASCAL_CASE = new Standard("pascal-case");
    /** The Java names unchanged: {@code OrderLine}, {@code unitPrice}. */
    NamingStrategy AS_IS = new Standard("as-is");

    /** The table of an entity class, from its simple name. */
    String tableName(String className);

    /** The column of a property, from its name. */
    String columnName(String propertyName);

    /** The foreign-key column of a to-one relationship: the column of the property {@code <name>Id}. */
    default String joinColumnName(String relationshipName) {
        return columnName(relationshipName + "Id");
    }

    /**
     * One foreign-key column of a to-one relationship to an entity with a composite key: the relationship's name as
     * a prefix ({@link #embeddedPrefix}) before the referenced key column ({@code parent_company_id}).
     */
    default String joinColumnName(String relationshipName, String referencedColumn) {
        return embeddedPrefix(relationshipName) + referencedColumn;
    }

    /**
     * What is put before an embedded value's column names: the column of the property followed by {@code _} when
     * the strategy separates words with underscores, else the column of the property alone.
     */
    default String embeddedPrefix(String propertyName) {
        String column = columnName(propertyName);
        return columnName("aB").contains("_") ? column + "_" : column;
    }

    /**
     * The association table of a many-to-many without {@code @JoinTable(name)}: the two sides' table names joined as
     * the strategy joins words ({@code playlist_track} in snake case, {@code PlaylistTrack} in Pascal case).
     */
    default String associationTableName(String ownerTable, String targetTable) {
        return ownerTable + wordSeparator() + targetTable;
    }

    /**
     * A column of an association table without named join columns, referring to a side whose table is
     * {@code sideTable}: for a single-column key the table name and {@code Id} ({@code playlist_id}, {@code PlaylistId}),
     * for a composite key the table name and the key column {@code keyColumn}, each joined as the strategy joins words.
     */
    default String associationColumnName(String sideTable, String keyColumn, boolean singleKey) {
        return sideTable + wordSeparator() + (singleKey ? columnName("Id") : keyColumn);
    }

    /**
     * The sequence of an entity's generated key without {@code @GeneratedValue(sequence)}: its table name and
     * {@code Seq}, joined as the strategy joins words ({@code order_line_seq}, {@code OrderLineSeq}).
     */
    default String sequenceName(String table) {
        return table + wordSeparator() + columnName("Seq");
    }

    /** {@code _} when the strategy separates words with underscores (snake case), else nothing. */
    private String wordSeparator() {
        return columnName("aB").contains("_") ? "_" : "";
    }

    /**
     * The strategy a configuration value names: {@code snake-case}, {@code pascal-case}, {@code as-is} (any case, {@code _}
     * or {@code -}), or the class name of an implementation with a public no-argument constructor.
     */
    static NamingStrategy of(String name, ClassLoader loader) {
        String key = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        switch (key) {
            case "snake-case":
                return SNAKE_CASE;
            case "pascal-case":
                return PASCAL_CASE;
            case "as-is":
                return AS_IS;
            default:
                try {
                    return (NamingStrategy) Class.forName(name.trim(), true, loader).getConstructor().newInstance();
                } catch (ReflectiveOperationException | ClassCastException | LinkageError e) {
                    throw new ArgumentException("Unknown naming strategy '" + name + "': use snake-case, "
                            + "pascal-case, as-is, or the class name of a NamingStrategy with a public no-argument "
                            + "constructor (" + e + ").", e);
                }
        }
    }

    /**
     * The name {@link #of} accepts for {@code strategy}: {@code snake-case}, {@code pascal-case}, {@code as-is} for the
     * built-in strategies, else the strategy's class name. The generated metamodel records it
     * ({@code @Metamodel(naming = ...)}), so the runtime can tell which strategy a metamodel class was generated for.
     */
    static String nameOf(NamingStrategy strategy) {
        return strategy instanceof Standard ? strategy.toString() : strategy.getClass().getName();
    }

    /** The three built-in strategies. */
    final class Standard implements NamingStrategy {

        private final String name;

        private Standard(String name) {
            this.name = name;
        }

        @Override
        public String tableName(String className) {
            return columnName(className);
        }

        @Override
        public String columnName(String propertyName) {
            return switch (name) {
                case "snake-case" -> Naming.snakeCase(propertyName);
                case "pascal-case" -> propertyName.isEmpty() ? propertyName
                        : Character.toUpperCase(propertyName.charAt(0)) + propertyName.substring(1);
                default -> propertyName;
            };
        }

        @Override
        public String toString() {
            return name;
        }
    }
}
