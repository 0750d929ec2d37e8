package cn.yinling.dashboard.appstate;

import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** Every login attempt, for lock-out after repeated failures. */
@UseClasspathSqlLocator
public interface LoginAttempts {

    @SqlUpdate
    void insert(@Bind("name") String name, @Bind("ip") String ip, @Bind("at") long at, @Bind("success") boolean success);

    @SqlQuery
    int failuresSince(@Bind("name") String name, @Bind("since") long since);

    @SqlQuery
    Long lastFailureAt(@Bind("name") String name);

    @SqlQuery
    int ipFailuresSince(@Bind("ip") String ip, @Bind("since") long since);
}
