package io.mapper.benchmarks;

/**
 * The single operation of a per-operation workload (W4, W4b, W5), as JMH measures it and as the harness runs it
 * in a loop. Operations run in passes: a pass holds what W4b keeps open across its queries (a connection or a
 * session); W4 and W5 open everything per operation and their passes hold nothing.
 */
@FunctionalInterface
public interface Operations {

    /** Opens a pass (not timed by the harness; amortised over {@link Profile#shortOperations()} calls in JMH). */
    Pass open() throws Exception;

    /** A pass of operations. */
    @FunctionalInterface
    interface Pass extends AutoCloseable {

        /**
         * Runs the {@code index}-th operation of the pass and returns what it read (W4, W4b: the row for
         * {@code fixture.selectIds()[index]}, as the library hands it out) or the key it got back (W5).
         */
        Object run(int index) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    /** Operations whose passes hold nothing (W4, W5). */
    static Operations each(Pass operation) {
        return () -> operation;
    }

    /** Operations whose pass keeps {@code resource} open, closed at the end of the pass (W4b). */
    static <R extends AutoCloseable> Operations holding(ResourceOpener<R> opener, Query<R> query) {
        return () -> {
            R resource = opener.open();
            return new Pass() {
                @Override
                public Object run(int index) throws Exception {
                    return query.run(resource, index);
                }

                @Override
                public void close() throws Exception {
                    resource.close();
                }
            };
        };
    }

    /** Opens what a pass keeps. */
    @FunctionalInterface
    interface ResourceOpener<R> {
        R open() throws Exception;
    }

    /** One operation on what a pass keeps. */
    @FunctionalInterface
    interface Query<R> {
        Object run(R resource, int index) throws Exception;
    }
}
