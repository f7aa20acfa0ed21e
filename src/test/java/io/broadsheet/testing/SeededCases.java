package io.broadsheet.testing;

import java.util.SplittableRandom;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A property checked over many generated cases from a fixed seed, so every run tries the same cases and a failure
 * names the seed, the case number and the case itself. {@code -Dbroadsheet.test.seed=N} tries another set of cases;
 * {@code -Dbroadsheet.test.case-seed=N} replays the one case a failure reported.
 */
public final class SeededCases {

    /** The seed of every run unless {@code broadsheet.test.seed} says otherwise. */
    public static final long DEFAULT_SEED = 20_261_207L;

    private static final int SHOWN = 600;

    private SeededCases() {
    }

    /** Checks {@code property} on {@code count} cases drawn by {@code generator}; throws on the first failing case. */
    public static <T> void check(int count, Function<SplittableRandom, T> generator, Consumer<T> property) {
        Long replay = Long.getLong("broadsheet.test.case-seed");
        if (replay != null) {
            checkOne(seed(), -1, count, replay, generator, property);
            return;
        }
        long seed = seed();
        SplittableRandom seeds = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            checkOne(seed, i, count, seeds.nextLong(), generator, property);
        }
    }

    private static <T> void checkOne(long seed, int index, int count, long caseSeed,
                                     Function<SplittableRandom, T> generator, Consumer<T> property) {
        T value = generator.apply(new SplittableRandom(caseSeed));
        try {
            property.accept(value);
        } catch (AssertionError | RuntimeException e) {
            throw new AssertionError("case " + (index + 1) + " of " + count + " failed (seed " + seed + ", replay with"
                    + " -Dbroadsheet.test.case-seed=" + caseSeed + "): " + e.getMessage() + "\ncase: " + shorten(value), e);
        }
    }

    private static long seed() {
        return Long.getLong("broadsheet.test.seed", DEFAULT_SEED);
    }

    private static String shorten(Object value) {
        String text = String.valueOf(value);
        return text.length() > SHOWN ? text.substring(0, SHOWN) + "... (" + text.length() + " characters)" : text;
    }
}
