package cn.yinling.warehouse.serve;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.jdbi.v3.sqlobject.config.RegisterConstructorMapper;
import org.jdbi.v3.sqlobject.customizer.Bind;
import org.jdbi.v3.sqlobject.customizer.BindList;
import org.jdbi.v3.sqlobject.locator.UseClasspathSqlLocator;
import org.jdbi.v3.sqlobject.statement.SqlQuery;

/**
 * The audit tables of a published version (issue #5: audit_finding, mart_audit_summary, mart_proof_of_life); SQL in
 * resources cn/yinling/warehouse/serve/AuditQueries/*.sql. Months are bound as YYYY-MM; a null filter part means no
 * restriction. Use through {@link AuditReader}, which says which of the tables the version has.
 */
@UseClasspathSqlLocator
public interface AuditQueries {

    /** The tables (views) of the version. */
    @SqlQuery
    List<String> tables();

    /** mart_audit_summary of one month at the city and district levels. */
    @SqlQuery
    @RegisterConstructorMapper(AuditCount.class)
    List<AuditCount> summary(@Bind("month") String month);

    /** mart_audit_summary of one region, every rule and month, oldest first. */
    @SqlQuery
    @RegisterConstructorMapper(AuditCount.class)
    List<AuditCount> trend(@Bind("regionCode") String regionCode);

    /** A page of findings in a stable order: rule, month, region, person, order, finding id. */
    @SqlQuery
    @RegisterConstructorMapper(AuditFinding.class)
    List<AuditFinding> findings(@Bind("rule") String rule, @Bind("month") String month, @Bind("region") String region,
            @Bind("limit") long limit, @Bind("offset") long offset);

    @SqlQuery
    @RegisterConstructorMapper(AuditTotals.class)
    AuditTotals totals(@Bind("rule") String rule, @Bind("month") String month, @Bind("region") String region);

    @SqlQuery
    @RegisterConstructorMapper(AuditFinding.class)
    Optional<AuditFinding> finding(@Bind("findingId") String findingId);

    /** Those of the given finding ids that the version holds. */
    @SqlQuery
    List<String> presentFindingIds(@BindList("ids") Collection<String> findingIds);

    /** Whether a person is named by a finding or by the proof-of-life list of the version. */
    @SqlQuery
    boolean personInFindings(@Bind("personKey") String personKey);

    @SqlQuery
    boolean personInProofOfLife(@Bind("personKey") String personKey);

    /** A page of the month's recipients with the given status, by district, street, community and person_key. */
    @SqlQuery
    @RegisterConstructorMapper(ProofOfLife.class)
    List<ProofOfLife> proofOfLife(@Bind("month") String month, @Bind("status") String status,
            @Bind("region") String region, @Bind("limit") long limit, @Bind("offset") long offset);

    @SqlQuery
    long countProofOfLife(@Bind("month") String month, @Bind("status") String status, @Bind("region") String region);
}
