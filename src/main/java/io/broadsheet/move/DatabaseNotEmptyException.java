package io.broadsheet.move;

/** An import with preserve-ids was asked of a database that already holds data, or is being filled by another. */
public class DatabaseNotEmptyException extends RuntimeException {

    public DatabaseNotEmptyException(String message) {
        super(message);
    }
}
