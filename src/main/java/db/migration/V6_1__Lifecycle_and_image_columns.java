package db.migration;

import io.broadsheet.storage.Database;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The columns the syndication lifecycle and image rights add to the two largest tables, in one statement per table:
 * H2 rewrites a whole table for each ALTER TABLE (at a million articles, minutes each), and the two databases spell
 * several added columns differently. PostgreSQL adds nullable columns without a default without rewriting anything.
 * <ul>
 *   <li>{@code article.expires_at}: the end of the usage window; then it is withdrawn with the reason "expired";</li>
 *   <li>{@code article.withdrawn_at}, {@code withdrawn_reason}: set while it is withdrawn;</li>
 *   <li>{@code article.corrections}: its dated notices, one a line ({@code <instant>\t<text>}, escaped), oldest first;</li>
 *   <li>{@code article_image.copyright}, {@code license}; {@code renditions}: the other sizes of the picture, one a
 *       line ({@code width\theight\tmimeType\turl}, "-" for unknown), rather than a child table that would cost index
 *       insertions for every imported article.</li>
 * </ul>
 */
public class V6_1__Lifecycle_and_image_columns extends BaseJavaMigration {

    private static final List<String> ARTICLE = List.of("expires_at TIMESTAMP WITH TIME ZONE",
            "withdrawn_at TIMESTAMP WITH TIME ZONE", "withdrawn_reason VARCHAR(1000)", "corrections TEXT");
    private static final List<String> ARTICLE_IMAGE = List.of("copyright VARCHAR(500)", "license VARCHAR(2048)",
            "renditions TEXT");

    @Override
    public void migrate(Context context) throws SQLException {
        boolean h2 = Database.kindOf(context.getConnection()) == Database.Kind.H2;
        try (Statement statement = context.getConnection().createStatement()) {
            statement.execute(addColumns("article", ARTICLE, h2));
            statement.execute(addColumns("article_image", ARTICLE_IMAGE, h2));
        }
    }

    /** H2: {@code ADD (a ..., b ...)}; PostgreSQL: {@code ADD COLUMN a ..., ADD COLUMN b ...}. */
    static String addColumns(String table, List<String> columns, boolean h2) {
        return "ALTER TABLE " + table + (h2 ? " ADD (" + String.join(", ", columns) + ")"
                : " ADD COLUMN " + String.join(", ADD COLUMN ", columns));
    }
}
