package io.broadsheet.sitemap;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;

import static io.broadsheet.config.SettingRules.atLeast;
import static io.broadsheet.config.SettingRules.between;

/**
 * The sitemaps ({@code broadsheet.sitemaps.*}); the defaults and what they do are in {@code application.yml}.
 *
 * @param pageSize article ids a page {@code /sitemaps/articles-N.xml} covers (the protocol allows 50,000 URLs)
 * @param cacheMib bytes of compressed sitemaps kept in memory, all documents together
 */
@Context
@ConfigurationProperties("broadsheet.sitemaps")
public record SitemapSettings(int pageSize, int cacheMib) {

    public SitemapSettings {
        between("broadsheet.sitemaps.page-size", pageSize, 1, Sitemaps.MAX_URLS);
        atLeast("broadsheet.sitemaps.cache-mib", cacheMib, 1);
    }
}
