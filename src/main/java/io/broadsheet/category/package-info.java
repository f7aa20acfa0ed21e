/** Categories: every category has a feed named by its slug; read {@link io.broadsheet.category.CategoryService}. */
package io.broadsheet.category;
