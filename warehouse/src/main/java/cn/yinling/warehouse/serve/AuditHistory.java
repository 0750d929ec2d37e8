package cn.yinling.warehouse.serve;

import java.nio.file.Path;
import java.util.List;

/**
 * The finding ids of any kept version folder, live or not: the dashboard notes in which version it first saw each
 * finding, including versions published while it was not running.
 */
public final class AuditHistory {

    private AuditHistory() {
    }

    /** The finding ids of the version in {@code versionDir}; empty when the version has no audit_finding. */
    public static List<String> findingIds(Path versionDir) {
        Path folder = versionDir.resolve(AuditReader.FINDINGS);
        if (!InMemoryDuckDb.hasParquet(folder)) {
            return List.of();
        }
        return InMemoryDuckDb.jdbi().withExtension(AuditHistoryQueries.class,
                q -> q.findingIds(InMemoryDuckDb.quotedGlob(folder)));
    }
}
