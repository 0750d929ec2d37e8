package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.warehouse.serve.AuditHistory;
import cn.yinling.warehouse.store.AgingHome;
import cn.yinling.warehouse.store.VersionStore;
import java.time.Clock;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The version in which each finding was first seen. Versions are kept only a few at a time, so the app store
 * remembers: before answering for version n, every kept version up to n not noted yet is read once, oldest first,
 * and its findings get that version unless an earlier one was noted. A finding in versions pruned before the
 * dashboard first looked counts from the oldest version that was still kept.
 */
final class FindingSightings {

    private final AppStore store;
    private final VersionStore versions;
    private final Clock clock;
    private final Set<Integer> seen = new HashSet<>();

    FindingSightings(AppStore store, AgingHome home, Clock clock) {
        this.store = store;
        this.versions = new VersionStore(home);
        this.clock = clock;
    }

    /** Notes the kept versions up to {@code live} that have not been noted yet. */
    synchronized void catchUp(int live) {
        if (seen.contains(live)) {
            return;
        }
        seen.addAll(store.auditSightings().seenVersions());
        for (int version : versions.versions()) {
            if (version <= live && !seen.contains(version)) {
                store.auditSightings().see(version, AuditHistory.findingIds(versions.dir(version)), clock.millis());
                seen.add(version);
            }
        }
        seen.add(live);
    }

    Map<String, Integer> firstSeen(Collection<String> findingIds) {
        return store.auditSightings().firstSeen(findingIds);
    }
}
