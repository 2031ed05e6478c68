package io.mapper.orm;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.mapper.exception.ArgumentException;

/**
 * Which of its factory's global filters a session applies: all of them unless switched off by name. Package-private;
 * owned by one {@link DefaultSession}.
 */
final class SessionFilters {

    private final List<LoaderCriteria> declared;
    private final Set<String> disabled = new HashSet<>();

    SessionFilters(List<LoaderCriteria> declared) {
        this.declared = declared;
    }

    void disable(String name) {
        disabled.add(known(name));
    }

    void enable(String name) {
        disabled.remove(known(name));
    }

    boolean isEnabled(String name) {
        return !disabled.contains(name);
    }

    private String known(String name) {
        if (declared.stream().noneMatch(filter -> filter.name().equals(name))) {
            throw new ArgumentException("No global filter is named '" + name + "'; the session factory has "
                    + declared.stream().map(LoaderCriteria::name).toList() + ".");
        }
        return name;
    }
}
