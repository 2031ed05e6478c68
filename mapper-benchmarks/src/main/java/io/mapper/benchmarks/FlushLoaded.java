package io.mapper.benchmarks;

/**
 * The run of a flush-loaded workload, the same for every library once its session holds the first {@code loaded}
 * items: the timed part changes {@link WorkloadId#CHANGED} of them (spread evenly) to new amounts and flushes;
 * the untimed end commits, closes and reads the changed rows back.
 */
public final class FlushLoaded {

    private FlushLoaded() {
    }

    /** Sets the amount of the loaded item at {@code position} (0-based: the item with id {@code position + 1}). */
    @FunctionalInterface
    public interface Change {
        void amount(int position, int amount) throws Exception;
    }

    /** Work that may throw. */
    @FunctionalInterface
    public interface Step {
        void run() throws Exception;
    }

    /** The stage: {@code change} for each changed item and {@code flush} are timed, {@code end} is not. */
    public static Contender.Stage stage(Fixture fixture, int loaded, Change change, Step flush, Step end) {
        long[] changed = Fixture.changedIds(loaded);
        int amount = fixture.nextGeneration() * 100;
        return new Contender.Stage() {
            @Override
            public long run() throws Exception {
                for (int i = 0; i < changed.length; i++) {
                    change.amount((int) changed[i] - 1, amount + i);
                }
                flush.run();
                return changed.length;
            }

            @Override
            public void finish() throws Exception {
                end.run();
                fixture.checkAmounts(changed, amount);
            }
        };
    }
}
