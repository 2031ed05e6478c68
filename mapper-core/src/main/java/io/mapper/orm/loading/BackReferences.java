package io.mapper.orm.loading;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.mapper.orm.mapping.RelationshipMapping;

/**
 * The in-memory half of keeping both sides of a relationship in step, for what Java lets mapper see: an element
 * added to or removed from one of mapper's collections. Adding an element to a one-to-many sets the element's
 * reference to the owner and takes it out of the previous owner's loaded collection (SQLAlchemy's backref);
 * removing it clears the reference; adding to or removing from a many-to-many does the same to the element's
 * loaded collection. A plain field assignment is invisible; the flush
 * reconciles those (the unit of work's dependency processors).
 */
public final class BackReferences {

    private BackReferences() {
    }

    /** The back-reference keeping of one collection relationship, for its {@link PersistentCollection}s. */
    public static PersistentCollection.Sync sync(RelationshipMapping relationship) {
        return new PersistentCollection.Sync() {
            @Override
            public void added(Object owner, Object element) {
                BackReferences.added(relationship, owner, element);
            }

            @Override
            public void removed(Object owner, Object element) {
                BackReferences.removed(relationship, owner, element);
            }
        };
    }

    /** Removing from a one-to-many clears the element's reference; from a many-to-many, the other side's link. */
    private static void removed(RelationshipMapping relationship, Object owner, Object element) {
        RelationshipMapping inverse = relationship.inverse();
        if (inverse == null) {
            return;
        }
        if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
            if (inverse.related(element) == owner) {
                inverse.setRelated(element, null);
            }
        } else if (inverse.accessor().get(element) instanceof PersistentCollection other && other.isLoaded()
                && other.loadedElements() != null && containsSame(other.loadedElements(), owner)) {
            List<Object> remaining = new ArrayList<>(other.loadedElements());
            remaining.removeIf(candidate -> candidate == owner);
            other.replaced(remaining);
        }
    }

    private static void added(RelationshipMapping relationship, Object owner, Object element) {
        {
            RelationshipMapping inverse = relationship.inverse();
            if (inverse == null) {
                return;
            }
            if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
                Object previous = inverse.related(element);
                if (previous == owner) {
                    return;
                }
                inverse.setRelated(element, owner);
                if (previous != null) {
                    removeFrom(relationship, previous, element);
                }
            } else if (inverse.accessor().get(element) instanceof PersistentCollection other && other.isLoaded()
                    && other.loadedElements() != null
                    && !containsSame(other.loadedElements(), owner)) {
                @SuppressWarnings("unchecked")
                Collection<Object> elements = (Collection<Object>) other;
                elements.add(owner);
            }
        }
    }

    /** Takes {@code element} out of the loaded collection of its previous owner, without further syncing. */
    private static void removeFrom(RelationshipMapping relationship, Object previousOwner, Object element) {
        Object value = relationship.accessor().get(previousOwner);
        if (relationship.isSingleValued()) {
            if (value == element) {
                relationship.accessor().set(previousOwner, null);
            }
            return;
        }
        if (value instanceof PersistentCollection collection && collection.isLoaded()
                && collection.loadedElements() != null
                && containsSame(collection.loadedElements(), element)) {
            List<Object> remaining = new ArrayList<>(collection.loadedElements());
            remaining.removeIf(candidate -> candidate == element);
            collection.replaced(remaining);
        }
    }

    /**
     * The property value mapper keeps in a collection relationship once its elements are known: one of its own
     * collections, so that later additions keep back-references in step.
     */
    public static Object persistentCollection(RelationshipMapping relationship, Object owner, List<Object> elements,
            Object value) {
        if (value instanceof java.util.Map<?, ?> map) {
            io.mapper.orm.mapping.PropertyMapping key = java.util.Objects.requireNonNull(relationship.mapKey());
            @SuppressWarnings("unchecked")
            io.mapper.orm.mapping.Mapper<Object> target = (io.mapper.orm.mapping.Mapper<Object>) relationship.target();
            return new PersistentMap<Object, Object>(owner, map, relationship.mapKeyColumn() == null
                    ? element -> target.value(element, key) : element -> null, sync(relationship));
        }
        return relationship.isSet() ? new PersistentSet<>(owner, elements, sync(relationship))
                : new PersistentList<>(owner, elements, sync(relationship));
    }

    /**
     * Makes a collection property value hold {@code element} or not, without syncing back-references (the other
     * side is right already); returns whether it changed.
     */
    public static boolean setMembership(Object collection, Object element, boolean member) {
        Collection<?> elements = java.util.Objects.requireNonNull(RelationshipMapping.elementsOf(collection));
        if (containsSame(elements, element) == member) {
            return false;
        }
        List<Object> updated = new ArrayList<>(elements);
        if (member) {
            updated.add(element);
        } else {
            updated.removeIf(candidate -> candidate == element);
        }
        replaceElements(collection, updated);
        return true;
    }

    /** Replaces a collection property value's elements without syncing back-references. */
    @SuppressWarnings("unchecked")
    public static void replaceElements(Object collection, List<Object> elements) {
        if (collection instanceof PersistentCollection persistent) {
            persistent.replaced(elements);
        } else if (collection instanceof java.util.Map<?, ?> plain) {
            // A map the application assigned keeps the entries whose element stays; it cannot key a new element.
            plain.values().removeIf(value -> !containsSame(elements, value));
        } else if (collection instanceof Collection<?> plain) {
            Collection<Object> target = (Collection<Object>) plain;
            target.clear();
            target.addAll(elements);
        }
    }

    /** Whether {@code elements} holds exactly the objects of {@code snapshot}, by identity and in its order. */
    public static boolean sameInOrder(Collection<?> elements, List<?> snapshot) {
        if (elements.size() != snapshot.size()) {
            return false;
        }
        int i = 0;
        for (Object element : elements) {
            if (element != snapshot.get(i++)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code elements} holds {@code candidate} (by identity). */
    public static boolean containsSame(Collection<?> elements, Object candidate) {
        for (Object element : elements) {
            if (element == candidate) {
                return true;
            }
        }
        return false;
    }
}
