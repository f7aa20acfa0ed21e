package io.broadsheet.config;

import java.time.Duration;

/**
 * The checks every {@code broadsheet.*} settings record runs in its compact constructor: a wrong value stops the
 * start with {@code <key> must be <rule>, got <value>}, naming the key as {@code application.yml} spells it (its
 * environment variable is the key in upper case, with {@code _} for {@code .} and {@code -}).
 */
public final class SettingRules {

    private SettingRules() {
    }

    /** The environment variable that sets {@code key}: {@code broadsheet.rate-limit.burst} is {@code BROADSHEET_RATE_LIMIT_BURST}. */
    public static String environmentVariable(String key) {
        return key.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static String named(String key) {
        return key + " (" + environmentVariable(key) + ")";
    }

    /** Requires {@code value} to be at least {@code min}. */
    public static int atLeast(String key, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(named(key) + " must be " + min + " or more, got " + value);
        }
        return value;
    }

    /** Requires a number from {@code min} to {@code max}. */
    public static int between(String key, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(named(key) + " must be from " + min + " to " + max + ", got " + value);
        }
        return value;
    }

    /** Requires a duration longer than zero. */
    public static Duration positive(String key, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(named(key) + " must be a positive duration (for example 10s), got " + value);
        }
        return value;
    }

    /** Requires a duration of zero or more. */
    public static Duration notNegative(String key, Duration value) {
        if (value == null || value.isNegative()) {
            throw new IllegalArgumentException(named(key) + " must be a duration of zero or more (for example 1s), got "
                    + value);
        }
        return value;
    }

    /** Requires a non-blank text. */
    public static String text(String key, String value) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(named(key) + " must be set, got " + (value == null ? "nothing" : "'" + value + "'"));
        }
        return value;
    }
}
