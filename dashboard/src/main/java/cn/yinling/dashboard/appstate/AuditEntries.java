package cn.yinling.dashboard.appstate;

import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** The audit log: insert and read only (triggers in the schema refuse updates and deletes). */
@UseClasspathSqlLocator
@RegisterConstructorMapper(AuditEntry.class)
public interface AuditEntries {

    @SqlUpdate
    void insert(@Bind("at") long at, @Bind("actor") String actor, @Bind("role") String role,
            @Bind("action") String action, @Bind("target") String target, @Bind("detail") String detail,
            @Bind("outcome") String outcome, @Bind("ip") String ip);

    @SqlQuery
    List<AuditEntry> page(@Bind("beforeId") Long beforeId, @Bind("action") String action, @Bind("actor") String actor,
            @Bind("limit") int limit);

    @SqlQuery
    List<String> actions();
}
