/**
 * Categories: every category has a feed named by its slug; read {@link io.broadsheet.category.CategoryService}, and
 * {@link io.broadsheet.category.CategorySlugs} for the slugs no category may take (the feeds' names).
 */
package io.broadsheet.category;
