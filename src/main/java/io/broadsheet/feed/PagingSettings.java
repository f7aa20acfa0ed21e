package io.broadsheet.feed;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import static io.broadsheet.config.SettingRules.atLeast;

/**
 * How deep numbered pages go ({@code broadsheet.paging.*}); the default and what it does are in
 * {@code application.yml}.
 *
 * @param maxPage the deepest {@code ?page=N} answered; deeper pages follow the {@code ?after=} cursors
 */
@Context
@ConfigurationProperties("broadsheet.paging")
public record PagingSettings(int maxPage) {

    public PagingSettings {
        atLeast("broadsheet.paging.max-page", maxPage, 1);
    }
}
