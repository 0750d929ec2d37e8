package cn.yinling.dashboard.appstate;

import java.util.Set;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The persons (person_key only) each session has revealed; the rows go with the session. */
@UseClasspathSqlLocator
public interface AuditReveals {

    @SqlUpdate
    void insert(@Bind("sessionSha256") String sessionSha256, @Bind("personKey") String personKey,
            @Bind("revealedAt") long revealedAt);

    @SqlQuery
    Set<String> revealedBy(@Bind("sessionSha256") String sessionSha256);
}
