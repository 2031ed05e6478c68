package io.mapper.spring.data.repository;

/** A custom fragment of {@link DummyEntityRepository}, implemented with the {@code Session}. */
public interface DummyEntityRepositoryCustom {

    /** Renames every object of {@code country} through the session's unit of work; returns how many. */
    int renameAllIn(String country, String prefix);
}
