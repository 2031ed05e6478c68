package io.mapper.orm.mapping;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import io.mapper.orm.annotation.InheritanceType;

/**
 * A mapped class's place in an inheritance hierarchy (SQLAlchemy's {@code inherits}, {@code polymorphic_on},
 * {@code polymorphic_identity}): its strategy, base and parent mappers, direct subclasses, discriminator value and
 * the statement shape that loads it polymorphically. Built once with the registry; immutable afterwards.
 */
public final class InheritanceMapping {

    private final InheritanceType strategy;
    private final Mapper<?> root;
    private final @Nullable Mapper<?> parent;
    private final List<Mapper<?>> children = new ArrayList<>();
    private final @Nullable Object discriminatorValue;
    private final @Nullable PropertyMapping discriminator;
    private @Nullable PolymorphicLoad load;

    InheritanceMapping(InheritanceType strategy, Mapper<?> root, @Nullable Mapper<?> parent,
            @Nullable Object discriminatorValue, @Nullable PropertyMapping discriminator) {
        this.strategy = strategy;
        this.root = root;
        this.parent = parent;
        this.discriminatorValue = discriminatorValue;
        this.discriminator = discriminator;
    }

    /** How the hierarchy is stored. */
    public InheritanceType strategy() {
        return strategy;
    }

    /** The hierarchy's base mapper. */
    public Mapper<?> root() {
        return root;
    }

    /** The mapper of the mapped superclass, or null for the base. */
    public @Nullable Mapper<?> parent() {
        return parent;
    }

    /** The mappers of the direct mapped subclasses. */
    public List<Mapper<?>> children() {
        return Collections.unmodifiableList(children);
    }

    /** This class and every mapped subclass below it, depth first. */
    public List<Mapper<?>> selfAndDescendants(Mapper<?> self) {
        List<Mapper<?>> all = new ArrayList<>();
        all.add(self);
        for (Mapper<?> child : children) {
            all.addAll(Objects.requireNonNull(child.inheritance()).selfAndDescendants(child));
        }
        return all;
    }

    /** The class's discriminator value (a String or an Integer), or null for an abstract class without one. */
    public @Nullable Object discriminatorValue() {
        return discriminatorValue;
    }

    /** The discriminator column's property (a slot whose value is the class's), or null for table-per-class. */
    public @Nullable PropertyMapping discriminator() {
        return discriminator;
    }

    /** The statement shape that loads this class and its subclasses, each row as its own class. */
    public PolymorphicLoad load() {
        return Objects.requireNonNull(load, "the hierarchy is still being mapped");
    }

    void addChild(Mapper<?> child) {
        children.add(child);
    }

    void load(PolymorphicLoad polymorphicLoad) {
        this.load = polymorphicLoad;
    }
}
