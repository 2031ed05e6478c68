package io.mapper.orm.loading;

import java.util.Collection;

import io.mapper.orm.mapping.RelationshipMapping;

/**
 * Keeps the other side of a bidirectional relationship in step when an element is added to one of mapper's
 * collections: {@code owner.getMails().add(mail)} sets {@code mail.owner}, and for a many-to-many the other side's
 * loaded collection gains the owner. Used by the loaders, which build the collections, and by the flush, which
 * replaces plain collections with mapper's own.
 */
public final class BackReferences {

    private BackReferences() {
    }

    /** The sync for the collections of {@code relationship}. */
    public static PersistentCollection.Sync sync(RelationshipMapping relationship) {
        return (owner, element) -> {
            RelationshipMapping inverse = relationship.inverse();
            if (inverse == null) {
                return;
            }
            if (relationship.kind() == RelationshipMapping.Kind.ONE_TO_MANY) {
                if (inverse.related(element) != owner) {
                    inverse.setRelated(element, owner);
                }
            } else if (inverse.accessor().get(element) instanceof PersistentCollection other && other.isLoaded()
                    && other.loadedElements() != null && !containsSame(other.loadedElements(), owner)) {
                @SuppressWarnings("unchecked")
                Collection<Object> elements = (Collection<Object>) other;
                elements.add(owner);
            }
        };
    }

    /** Whether {@code elements} holds {@code candidate} itself (not merely an equal object). */
    static boolean containsSame(Collection<?> elements, Object candidate) {
        for (Object element : elements) {
            if (element == candidate) {
                return true;
            }
        }
        return false;
    }
}
