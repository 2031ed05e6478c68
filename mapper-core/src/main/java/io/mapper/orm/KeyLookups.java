package io.mapper.orm;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.loading.EntityLoader;
import io.mapper.orm.mapping.Mapper;
import io.mapper.sql.Condition;
import io.mapper.sql.Select;

/**
 * The SELECT by primary key of each entity, built once per session factory and run with new key values each time
 * (SQLAlchemy caches its {@code get} statement the same way): a {@code get} then costs no statement construction,
 * no walk of a new statement tree and no cache-key hashing. Thread-safe.
 */
final class KeyLookups {

    /** The statement and the keys of its parameters, in primary-key column order. */
    record Lookup(Select select, List<String> keys) {

        /** The parameter values for a key ({@code id}: one value, or the list of a composite key's values). */
        Map<String, Object> values(Object id) {
            if (keys.size() == 1) {
                return Map.of(keys.get(0), id);
            }
            List<?> parts = (List<?>) id;
            Map<String, Object> values = new java.util.HashMap<>(keys.size() * 2);
            for (int i = 0; i < keys.size(); i++) {
                values.put(keys.get(i), parts.get(i));
            }
            return values;
        }
    }

    private final Map<Mapper<?>, Optional<Lookup>> lookups = new ConcurrentHashMap<>();

    /**
     * The lookup of {@code mapper}, built from {@code conditions} (the key conditions of a first key) when missing;
     * null when its parameters cannot be told apart (then the caller builds its statement each time).
     */
    @Nullable Lookup of(Mapper<?> mapper, Supplier<Condition[]> conditions) {
        Optional<Lookup> known = lookups.get(mapper);
        if (known == null) {
            known = lookups.computeIfAbsent(mapper, unused -> build(mapper, conditions.get()));
        }
        return known.orElse(null);
    }

    private static Optional<Lookup> build(Mapper<?> mapper, Condition[] conditions) {
        Select select = EntityLoader.selectFor(mapper).where(conditions);
        List<String> keys = new ArrayList<>(select.boundValues().keySet());
        return keys.size() == mapper.primaryKey().size()
                ? Optional.of(new Lookup(select, List.copyOf(keys))) : Optional.empty();
    }
}
