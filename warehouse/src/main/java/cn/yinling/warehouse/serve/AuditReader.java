package cn.yinling.warehouse.serve;

import java.util.Set;
import java.util.function.Function;

/**
 * The audit tables of the live version (issue #5), each read through the same reader and version switching as the
 * KPIs. A version published before the audit ran has none of them: callers ask {@link Snapshot#hasFindings()} and
 * the like, and say 本版本尚无稽核结果 instead of failing.
 */
public final class AuditReader {

    public static final String FINDINGS = "audit_finding";
    public static final String SUMMARY = "mart_audit_summary";
    public static final String PROOF_OF_LIFE = "mart_proof_of_life";
    /** What pages and the CLI say for a version without audit results. */
    public static final String NO_RESULTS = "本版本尚无稽核结果。";

    private final WarehouseReader warehouse;

    public AuditReader(WarehouseReader warehouse) {
        this.warehouse = warehouse;
    }

    /**
     * One version's audit tables as they are during {@code work}: its number, which tables it has, the queries. The
     * queries and the regions are valid only inside {@code work}.
     */
    public record Snapshot(int version, Set<String> tables, AuditQueries queries, RegionQueries regions) {

        public boolean hasFindings() {
            return tables.contains(FINDINGS);
        }

        public boolean hasSummary() {
            return tables.contains(SUMMARY);
        }

        public boolean hasProofOfLife() {
            return tables.contains(PROOF_OF_LIFE);
        }
    }

    /** Runs {@code work} against one version, so that every figure it reads comes from that version. */
    public <T> T read(Function<Snapshot, T> work) {
        return warehouse.withPinnedVersion(pinned -> pinned.jdbi().withHandle(handle -> {
            AuditQueries queries = handle.attach(AuditQueries.class);
            Set<String> tables = Set.copyOf(queries.tables());
            return work.apply(new Snapshot(pinned.number(), tables, queries, handle.attach(RegionQueries.class)));
        }));
    }
}
