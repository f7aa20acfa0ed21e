package io.broadsheet.config;

/** A configuration file that cannot be used; the message reads {@code <file>: <key>: <problem>}. */
public class ConfigException extends RuntimeException {

    public ConfigException(String file, String key, String problem) {
        super(file + ": " + key + ": " + problem);
    }

    public ConfigException(String file, String problem, Throwable cause) {
        super(file + ": " + problem, cause);
    }
}
