package io.mapper.orm.tracking;

/** Another class of the package that writes an entity's package-private field directly. */
final class Visits {

    private Visits() {
    }

    static void visit(TrackedPerson person) {
        person.visits++;
    }
}
