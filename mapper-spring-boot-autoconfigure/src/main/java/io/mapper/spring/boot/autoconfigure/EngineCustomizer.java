package io.mapper.spring.boot.autoconfigure;

import io.mapper.engine.Engine;

/** Adjusts the auto-configured engine before it is built; define beans of this type instead of replacing the engine. */
@FunctionalInterface
public interface EngineCustomizer {

    /** Changes the builder of the {@code Engine} bean. */
    void customize(Engine.Builder builder);
}
