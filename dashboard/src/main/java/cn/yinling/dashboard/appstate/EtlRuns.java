package cn.yinling.dashboard.appstate;

import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;

/** ETL runs started from the admin page. */
@UseClasspathSqlLocator
@RegisterConstructorMapper(EtlRunRow.class)
public interface EtlRuns {

    @SqlQuery
    long insert(@Bind("startedAt") long startedAt, @Bind("startedBy") String startedBy);

    @SqlUpdate
    void finish(@Bind("id") long id, @Bind("finishedAt") long finishedAt, @Bind("status") String status,
            @Bind("exitCode") Integer exitCode, @Bind("publishedVersion") Integer publishedVersion,
            @Bind("lastLine") String lastLine);

    @SqlUpdate
    int markInterrupted(@Bind("now") long now);

    @SqlQuery
    List<EtlRunRow> recent(@Bind("limit") int limit);

    @SqlQuery
    Optional<EtlRunRow> find(@Bind("id") long id);
}
