package io.mapper.spring.data.repository.query;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.core.convert.support.DefaultConversionService;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.data.repository.query.Parameter;
import org.springframework.data.repository.query.ParametersParameterAccessor;
import org.springframework.data.repository.query.ReturnedType;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.LinkedCaseInsensitiveMap;

import io.mapper.engine.Result;
import io.mapper.engine.Row;
import io.mapper.orm.EntitySelect;
import io.mapper.orm.Orm;
import io.mapper.orm.Session;
import io.mapper.sql.Sql;
import io.mapper.sql.TextClause;

/**
 * A {@code @Query} method: mapper text SQL ({@code Sql.text}) whose {@code :name} parameters are bound from the
 * arguments of the same name ({@code @Param} or the compiled parameter name); checked when the repository is
 * created, so a parameter without an argument stops start-up. Entity results are the session's instances, loaded by
 * the primary keys the SQL selected, in its order; records get one per row, interfaces a proxy over each row, simple
 * types the first column. {@code @Modifying} methods flush the session, run the statement and return its row count.
 */
public final class StringBasedMapperQuery extends AbstractMapperQuery {

    private static final DefaultConversionService CONVERSIONS = new DefaultConversionService();

    private final MapperEntityMetadata<?> entity;
    private final TextClause text;
    private final Map<String, Integer> argumentIndexes = new HashMap<>();
    private final EntityProjector projector;

    /** The {@code @Query} of {@code method}; raises when its parameters and the method's arguments do not match. */
    public StringBasedMapperQuery(MapperQueryMethod method, String sql, MapperEntityMetadata<?> entity,
            Session session, EntityProjector projector, Supplier<PlatformTransactionManager> transactionManager) {
        super(method, session, transactionManager);
        this.entity = entity;
        this.projector = projector;
        this.text = Sql.text(sql);
        for (Parameter parameter : method.getParameters().getBindableParameters()) {
            parameter.getName().ifPresent(name -> argumentIndexes.put(name, parameter.getIndex()));
        }
        for (String name : text.parameterNames()) {
            if (!argumentIndexes.containsKey(name)) {
                throw new InvalidDataAccessApiUsageException("Repository method " + method.describe()
                        + ": its @Query uses the parameter :" + name + ", but no argument is named '" + name
                        + "'. Name an argument '" + name + "' (compile with -parameters) or annotate it with @Param(\""
                        + name + "\").");
            }
        }
        if (method.isPageQuery() || method.isSliceQuery()) {
            throw new InvalidDataAccessApiUsageException("Repository method " + method.describe()
                    + ": a @Query method cannot return a Page or Slice (mapper does not rewrite your SQL to count "
                    + "or page it). Return a List and add LIMIT/OFFSET parameters, or use a derived query.");
        }
        if (!method.isModifyingQuery() && method.getResultProcessor().getReturnedType().isDtoProjection()
                && !method.getReturnedObjectType().isRecord()) {
            throw new InvalidDataAccessApiUsageException("Repository method " + method.describe()
                    + ": a @Query method projects rows into records or interfaces; make "
                    + method.getReturnedObjectType().getSimpleName() + " a record.");
        }
    }

    @Override
    boolean writes() {
        return getQueryMethod().isModifyingQuery();
    }

    @Override
    @Nullable Object doExecute(@Nullable Object[] parameters) {
        MapperQueryMethod method = getQueryMethod();
        ParametersParameterAccessor accessor = new ParametersParameterAccessor(method.getParameters(), parameters);
        Map<String, @Nullable Object> values = new LinkedHashMap<>();
        for (String name : text.parameterNames()) {
            values.put(name, accessor.getBindableValue(bindableIndex(argumentIndexes.get(name))));
        }
        TextClause bound = text.bind(values);
        if (method.isModifyingQuery()) {
            session().flush();
            long rows = session().execute(bound).rowCount();
            Class<?> type = method.getReturnedObjectType();
            return type == void.class || type == Void.class ? null
                    : CONVERSIONS.convert(rows, type);
        }
        ReturnedType returned = method.getResultProcessor().withDynamicProjection(accessor).getReturnedType();
        List<Object> found = read(session().execute(bound), returned);
        if (method.isCollectionQuery()) {
            return found;
        }
        if (method.isStreamQuery()) {
            return found.stream();
        }
        return single(found);
    }

    private int bindableIndex(int parameterIndex) {
        int bindable = 0;
        for (Parameter parameter : getQueryMethod().getParameters().getBindableParameters()) {
            if (parameter.getIndex() == parameterIndex) {
                return bindable;
            }
            bindable++;
        }
        throw new IllegalStateException("No bindable parameter at index " + parameterIndex);
    }

    private List<Object> read(Result<Row> result, ReturnedType returned) {
        Class<?> type = returned.getReturnedType();
        if (type.isAssignableFrom(entity.getJavaType()) || returned.getDomainType() == type && !returned.isProjecting()) {
            return entities(result.all(), returned);
        }
        if (type.isRecord()) {
            return new ArrayList<>(result.into(type));
        }
        if (type.isInterface()) {
            List<Object> projected = new ArrayList<>();
            for (Row row : result) {
                projected.add(projector.projectionFactory().createProjection(type, properties(row)));
            }
            return projected;
        }
        List<Object> scalars = new ArrayList<>();
        for (Row row : result) {
            scalars.add(CONVERSIONS.convert(row.get(0), type));
        }
        return scalars;
    }

    /** The session's objects for the rows' primary keys, in the rows' order. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private List<Object> entities(List<Row> rows, ReturnedType returned) {
        String key = entity.idProperty().column().name();
        List<Object> ids = new ArrayList<>();
        for (Row row : rows) {
            Object id = properties(row).get(key);
            if (id == null && !properties(row).containsKey(key)) {
                throw new InvalidDataAccessApiUsageException("Repository method " + getQueryMethod().describe()
                        + " returns " + entity.entityName() + " objects, so its @Query must select the primary-key "
                        + "column " + key + "; it selected " + row.keys() + ".");
            }
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return List.of();
        }
        EntitySelect select = Orm.select(entity.getJavaType()).where(entity.idProperty().column().in(ids));
        Map<Object, Object> byId = new HashMap<>();
        for (Object loaded : session().scalars(select).all()) {
            byId.put(((MapperEntityMetadata) entity).idOf(loaded), loaded);
        }
        List<Object> ordered = new ArrayList<>();
        for (Object id : ids) {
            Object loaded = byId.get(CONVERSIONS.convert(id, entity.idProperty().column().type().javaType()));
            if (loaded != null) {
                ordered.add(returned.isProjecting() ? projector.project(loaded, returned) : loaded);
            }
        }
        return ordered;
    }

    /** The row as a map whose keys match case-insensitively, with {@code full_name} also as {@code fullName}. */
    private static Map<String, @Nullable Object> properties(Row row) {
        Map<String, @Nullable Object> properties = new LinkedCaseInsensitiveMap<>();
        Set<Map.Entry<String, @Nullable Object>> entries = row.asMap().entrySet();
        for (Map.Entry<String, @Nullable Object> entry : entries) {
            properties.put(entry.getKey(), entry.getValue());
            if (entry.getKey().indexOf('_') > 0) {
                properties.putIfAbsent(camelCase(entry.getKey()), entry.getValue());
            }
        }
        return properties;
    }

    private static String camelCase(String snake) {
        StringBuilder camel = new StringBuilder();
        boolean upper = false;
        for (char character : snake.toLowerCase(java.util.Locale.ROOT).toCharArray()) {
            if (character == '_') {
                upper = true;
            } else {
                camel.append(upper ? Character.toUpperCase(character) : character);
                upper = false;
            }
        }
        return camel.toString();
    }
}
