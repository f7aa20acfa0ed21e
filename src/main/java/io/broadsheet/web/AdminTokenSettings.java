package io.broadsheet.web;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;

/**
 * The admin token, when chosen rather than generated ({@code broadsheet.admin-token}, for {@link AdminToken}, which
 * checks its length).
 *
 * @param adminToken the token of {@code /api} and the newsroom, or null: generated on first start into the data dir
 */
@Context
@ConfigurationProperties("broadsheet")
public record AdminTokenSettings(@Nullable String adminToken) {

    @Override
    public String toString() {
        return "AdminTokenSettings[adminToken=" + (adminToken == null ? "none" : "(set)") + "]";
    }
}
