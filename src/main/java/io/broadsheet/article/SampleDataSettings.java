package io.broadsheet.article;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

/**
 * Whether an empty database gets the bundled sample articles ({@code broadsheet.sample-data}, for
 * {@link SampleData}); the default is in {@code application.yml}.
 *
 * @param sampleData load the sample articles into an empty database at start-up
 */
@Context
@ConfigurationProperties("broadsheet")
public record SampleDataSettings(boolean sampleData) {
}
