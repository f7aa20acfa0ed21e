package io.broadsheet.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * Fails a test class that opened a database without the {@value #TAG} tag: the PostgreSQL run selects its classes by
 * that tag, so an untagged one would silently run on H2 only. Registered for every class through
 * META-INF/services (junit-platform.properties turns the detection on); {@link DataSourceWatch} counts the openings.
 */
public final class DatabaseTagGuard implements BeforeAllCallback, AfterAllCallback {

    /** The tag of test classes that touch a database; the PostgreSQL run executes exactly these. */
    public static final String TAG = "database";

    private static final AtomicInteger OPENED = new AtomicInteger();

    /** Called whenever a service in this JVM creates its data source. */
    static void opened() {
        OPENED.incrementAndGet();
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        OPENED.set(0);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        int opened = OPENED.getAndSet(0);
        if (opened > 0 && !context.getTags().contains(TAG)) {
            throw new AssertionError(context.getRequiredTestClass().getName() + " opened " + opened
                    + " database(s) but is not tagged @Tag(\"" + TAG + "\") (expected the tag, found "
                    + context.getTags() + "): without it the class never runs on PostgreSQL."
                    + " Extend HttpTest, or add the tag to the class.");
        }
    }
}
