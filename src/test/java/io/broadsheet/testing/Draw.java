package io.broadsheet.testing;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/** Small draws from a seeded random source, for the generators of {@link SeededCases}. */
public final class Draw {

    private Draw() {
    }

    /** One of the values, each equally likely. */
    @SafeVarargs
    public static <T> T pick(SplittableRandom random, T... values) {
        return values[random.nextInt(values.length)];
    }

    /** One of the values, each equally likely. */
    public static <T> T pick(SplittableRandom random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** A number from {@code min} to {@code max}, both included. */
    public static int between(SplittableRandom random, int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** The value of one of the generators, each equally likely. */
    @SafeVarargs
    public static <T> T oneOf(SplittableRandom random, Function<SplittableRandom, ? extends T>... generators) {
        return generators[random.nextInt(generators.length)].apply(random);
    }

    /** Text of {@code min} to {@code max} characters, each drawn by {@code character}. */
    public static String text(SplittableRandom random, int min, int max, Function<SplittableRandom, Character> character) {
        int length = between(random, min, max);
        StringBuilder text = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            text.append(character.apply(random).charValue());
        }
        return text.toString();
    }

    /** A character from the inclusive ranges given as pairs ({@code 'a', 'z', '0', '9'}), each character equally likely. */
    public static char inRanges(SplittableRandom random, char... bounds) {
        int size = 0;
        for (int i = 0; i < bounds.length; i += 2) {
            size += bounds[i + 1] - bounds[i] + 1;
        }
        int n = random.nextInt(size);
        for (int i = 0; i < bounds.length; i += 2) {
            int span = bounds[i + 1] - bounds[i] + 1;
            if (n < span) {
                return (char) (bounds[i] + n);
            }
            n -= span;
        }
        throw new IllegalStateException("no range holds the drawn index");
    }
}
