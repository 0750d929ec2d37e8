package cn.yinling.dashboard.appstate;

import java.util.Collection;
import java.util.List;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.customizer.BindMethods;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;
import org.jdbi.v3.sqlobject.statement.SqlUpdate;
import org.jdbi.v3.sqlobject.transaction.Transaction;

/** Marks of audit findings (append-only history) and the facts of each marked finding. */
@UseClasspathSqlLocator
public interface AuditMarks {

    @SqlUpdate
    void insert(@Bind("findingId") String findingId, @Bind("status") String status, @Bind("comment") String comment,
            @Bind("markedBy") String markedBy, @Bind("markedAt") long markedAt, @Bind("version") int version);

    @SqlUpdate
    void saveFinding(@BindMethods MarkedFindingRow finding);

    /** Records a mark and what the finding was, in one transaction. */
    @Transaction
    default void mark(MarkedFindingRow finding, String status, String comment, String markedBy, long markedAt) {
        saveFinding(finding);
        insert(finding.findingId(), status, comment, markedBy, markedAt, finding.seenVersion());
    }

    /** Every mark of one finding, newest first. */
    @SqlQuery
    @RegisterConstructorMapper(MarkRow.class)
    List<MarkRow> history(@Bind("findingId") String findingId);

    /** The current (newest) mark of each of the given findings that has one. */
    @SqlQuery
    @RegisterConstructorMapper(MarkRow.class)
    List<MarkRow> current(@BindList(value = "ids", onEmpty = BindList.EmptyHandling.NULL_STRING) Collection<String> ids);

    /** Every marked finding, by rule, month and id. */
    @SqlQuery
    @RegisterConstructorMapper(MarkedFindingRow.class)
    List<MarkedFindingRow> markedFindings();
}
