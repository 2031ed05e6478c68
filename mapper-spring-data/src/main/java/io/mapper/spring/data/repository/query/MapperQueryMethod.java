package io.mapper.spring.data.repository.query;

import java.lang.reflect.Method;

import org.jspecify.annotations.Nullable;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.data.projection.ProjectionFactory;
import org.springframework.data.repository.core.RepositoryMetadata;
import org.springframework.data.repository.query.QueryMethod;

import io.mapper.spring.data.repository.Modifying;
import io.mapper.spring.data.repository.Query;

/** A repository query method as mapper sees it: Spring Data's {@link QueryMethod} plus {@code @Query}/{@code @Modifying}. */
public final class MapperQueryMethod extends QueryMethod {

    private final Method method;
    private final @Nullable Query query;
    private final boolean modifying;

    /** The query method {@code method} of the repository described by {@code metadata}. */
    public MapperQueryMethod(Method method, RepositoryMetadata metadata, ProjectionFactory factory) {
        super(method, metadata, factory);
        this.method = method;
        this.query = AnnotatedElementUtils.findMergedAnnotation(method, Query.class);
        this.modifying = AnnotatedElementUtils.hasAnnotation(method, Modifying.class);
    }

    /** The SQL of its {@code @Query}, or null for a derived query. */
    public @Nullable String declaredQuery() {
        return query == null ? null : query.value();
    }

    @Override
    public boolean isModifyingQuery() {
        return modifying;
    }

    /** The Java method. */
    public Method method() {
        return method;
    }

    /** {@code Repository.method(ParameterTypes)}, the way error messages name the method. */
    public String describe() {
        StringBuilder text = new StringBuilder(method.getDeclaringClass().getSimpleName()).append('.')
                .append(method.getName()).append('(');
        Class<?>[] types = method.getParameterTypes();
        for (int index = 0; index < types.length; index++) {
            text.append(index == 0 ? "" : ", ").append(types[index].getSimpleName());
        }
        return text.append(')').toString();
    }
}
