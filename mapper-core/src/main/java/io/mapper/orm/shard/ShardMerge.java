package io.mapper.orm.shard;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;

import io.mapper.exception.ArgumentException;
import io.mapper.orm.Attribute;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.SessionFactory;
import io.mapper.sql.ClauseElement;
import io.mapper.sql.OrderByElement;

/**
 * Merges the results of one query fanned out to several shards as if one database had run it: each shard runs it
 * with {@code LIMIT limit + offset} and no OFFSET (a row the global page needs can be on any shard), the rows are
 * merged in the query's ORDER BY (by mapped attributes, nulls last ascending and first descending, as PostgreSQL
 * does), then the OFFSET and LIMIT apply to the merged list.
 */
final class ShardMerge {

    private ShardMerge() {
    }

    /** The query each shard runs. */
    static <E> EntitySelect<E> perShard(EntitySelect<E> query) {
        Integer limit = query.limitCount();
        Integer offset = query.offsetCount();
        if (offset == null || offset == 0) {
            return query;
        }
        EntitySelect<E> unpaged = query.offset(0);
        return limit == null ? unpaged : unpaged.limit(limit + offset);
    }

    /** The shards' results as one: ordered, then offset and limited. */
    static <E> List<E> merge(EntitySelect<E> query, List<List<E>> perShard, SessionFactory factory) {
        List<E> all = new ArrayList<>();
        perShard.forEach(all::addAll);
        Comparator<E> order = comparator(query, factory);
        if (order != null) {
            all.sort(order);
        }
        int from = query.offsetCount() == null ? 0 : Math.min(all.size(), query.offsetCount());
        int to = query.limitCount() == null ? all.size() : Math.min(all.size(), from + query.limitCount());
        return List.copyOf(all.subList(from, to));
    }

    private static <E> @Nullable Comparator<E> comparator(EntitySelect<E> query, SessionFactory factory) {
        Comparator<E> order = null;
        for (ClauseElement item : query.ordering()) {
            Comparator<E> next = comparator(item, factory);
            order = order == null ? next : order.thenComparing(next);
        }
        return order;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <E> Comparator<E> comparator(ClauseElement item, SessionFactory factory) {
        boolean descending = item instanceof OrderByElement element && element.descending();
        OrderByElement.Nulls nulls = item instanceof OrderByElement element ? element.nulls() : null;
        ClauseElement expression = item instanceof OrderByElement element ? element.expression() : item;
        if (!(expression instanceof Attribute<?, ?> attribute)) {
            throw new ArgumentException("A query fanned out to several shards is ordered in memory after the shards "
                    + "answer, so its ORDER BY may name only mapped attributes (User_.name, User_.id.desc()), not "
                    + expression + ". Order by an attribute, or name the shard so that one database orders it.");
        }
        boolean nullsFirst = nulls == null || nulls == OrderByElement.Nulls.DEFAULT ? descending
                : nulls == OrderByElement.Nulls.FIRST;
        Comparator<Comparable> values = Comparator.naturalOrder();
        Comparator<Comparable> directed = descending ? values.reversed() : values;
        Comparator<Comparable> withNulls = nullsFirst ? Comparator.nullsFirst(directed) : Comparator.nullsLast(directed);
        return (left, right) -> withNulls.compare((Comparable) factory.valueOf(left, attribute.property()),
                (Comparable) factory.valueOf(right, attribute.property()));
    }
}
