package io.broadsheet.testing;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

/**
 * Base of HTTP tests: each class runs against its own running server and its own database (see TestDatabase).
 * Subclasses are annotated {@code @MicronautTest(transactional = false)}.
 */
@Tag("database")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class HttpTest implements TestPropertyProvider {

    @Inject
    protected EmbeddedServer server;

    protected Http http;

    @Override
    public Map<String, String> getProperties() {
        return TestDatabase.freshProperties(getClass().getSimpleName());
    }

    @BeforeAll
    void connect() {
        http = new Http(server.getURI());
    }
}
