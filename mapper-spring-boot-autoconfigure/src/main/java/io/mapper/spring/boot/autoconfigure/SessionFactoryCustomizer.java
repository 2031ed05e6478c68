package io.mapper.spring.boot.autoconfigure;

import io.mapper.orm.SessionFactory;

/** Adjusts the auto-configured session factory before it is built; define beans of this type instead of replacing it. */
@FunctionalInterface
public interface SessionFactoryCustomizer {

    /** Changes the builder of the {@code SessionFactory} bean (add entities or listeners, switch autoflush...). */
    void customize(SessionFactory.Builder builder);
}
