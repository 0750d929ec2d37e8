package cn.yinling.dashboard.appstate;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.KeyColumn;
import org.jdbi.v3.sqlobject.config.ValueColumn;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlBatch;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** In which version each finding was first seen; a version's findings are noted once, oldest version first. */
@UseClasspathSqlLocator
public interface AuditSightings {

    @SqlQuery
    List<Integer> seenVersions();

    @SqlBatch
    void insertFirstSeen(@Bind("findingId") Collection<String> findingIds, @Bind("version") int version);

    @SqlUpdate
    void markSeen(@Bind("version") int version, @Bind("seenAt") long seenAt);

    /** Notes the findings of one version (those seen before keep their earlier version). */
    @Transaction
    default void see(int version, Collection<String> findingIds, long now) {
        if (!findingIds.isEmpty()) {
            insertFirstSeen(findingIds, version);
        }
        markSeen(version, now);
    }

    @SqlQuery
    @KeyColumn("finding_id")
    @ValueColumn("version")
    java.util.Map<String, Integer> firstSeen(
            @BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> findingIds);
}
