package io.broadsheet;

import java.util.Map;
import java.util.UUID;

/** A fresh H2 file database (PostgreSQL mode, like production) and data folder under target/, one per test class. */
public final class TestDatabase {

    private TestDatabase() {
    }

    public static Map<String, String> freshProperties(String name) {
        String dir = "target/test-data/" + name + "-" + UUID.randomUUID();
        return Map.of(
                "broadsheet.data-dir", dir,
                "datasources.default.url", url(dir));
    }

    public static String url(String dir) {
        return "jdbc:h2:file:./" + dir + "/broadsheet;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;WRITE_DELAY=500;RETENTION_TIME=0;COMPRESS=TRUE;AUTO_COMPACT_FILL_RATE=60;LOCK_TIMEOUT=10000;DB_CLOSE_ON_EXIT=FALSE";
    }
}
