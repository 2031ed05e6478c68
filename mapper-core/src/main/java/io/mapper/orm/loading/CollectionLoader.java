package io.mapper.orm.loading;

import java.util.List;

/** Loads the elements of one unloaded collection; supplied by the session that loaded the owner. */
@FunctionalInterface
public interface CollectionLoader {

    /** The collection's elements, loaded now (raises when loading is not possible, naming the fix). */
    List<Object> load();
}
