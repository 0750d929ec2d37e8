package cn.yinling.dashboard.appstate;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Per-unit API tokens for system-to-system upload, stored as SHA-256 only. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(TokenRow.class)
public interface ApiTokens {

    @SqlQuery
    long insert(@Bind("unit") String unit, @Bind("tokenSha256") String tokenSha256, @Bind("createdAt") long createdAt,
            @Bind("createdBy") String createdBy);

    @SqlQuery
    Optional<TokenRow> findActive(@Bind("tokenSha256") String tokenSha256);

    @SqlUpdate
    int revokeUnit(@Bind("unit") String unit, @Bind("at") long at, @Bind("by") String by);

    @SqlUpdate
    void touch(@Bind("id") long id, @Bind("at") long at);

    @SqlQuery
    List<TokenRow> all();
}
