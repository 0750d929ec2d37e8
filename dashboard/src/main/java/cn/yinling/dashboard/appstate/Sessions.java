package cn.yinling.dashboard.appstate;

import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Server-side sessions, keyed by the SHA-256 of the cookie's session id. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(SessionRow.class)
public interface Sessions {

    @SqlUpdate
    void insert(@Bind("idSha256") String idSha256, @Bind("userId") long userId, @Bind("csrfToken") String csrfToken,
            @Bind("createdAt") long createdAt, @Bind("expiresAt") long expiresAt, @Bind("ip") String ip);

    @SqlQuery
    Optional<SessionRow> find(@Bind("idSha256") String idSha256);

    @SqlUpdate
    void touch(@Bind("idSha256") String idSha256, @Bind("lastSeenAt") long lastSeenAt,
            @Bind("expiresAt") long expiresAt);

    @SqlUpdate
    void delete(@Bind("idSha256") String idSha256);

    @SqlUpdate
    int deleteForUser(@Bind("userId") long userId);

    @SqlUpdate
    int deleteOthers(@Bind("userId") long userId, @Bind("keepIdSha256") String keepIdSha256);

    @SqlUpdate
    int deleteExpired(@Bind("now") long now);
}
