package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.appstate.AppStore;
import cn.yinling.dashboard.appstate.MarkRow;
import cn.yinling.dashboard.appstate.MarkedFindingRow;
import cn.yinling.warehouse.audit.AuditRule;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.serve.AuditFinding;
import cn.yinling.warehouse.serve.PersonVault;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Findings as the pages and exports list them: the version's facts, the person masked (or, in an export, shown for
 * a person the session revealed), the current mark from the app store and the version it was first seen in.
 */
final class FindingRows {

    /** A finding's current mark. */
    record Mark(String status, String label, String comment, String markedBy, long markedAt, int version) {
        static Mark of(MarkRow row) {
            return new Mark(row.status(), MarkStatus.labelOf(row.status()), row.comment(), row.markedBy(),
                    row.markedAt(), row.version());
        }
    }

    /**
     * One listed finding. {@code name} and {@code idNumber} are masked unless {@code revealed}; null when the vault
     * does not know the person.
     */
    record Row(String findingId, String rule, String ruleName, String month, String personKey, String name,
               String idNumber, boolean revealed, String orderId, String regionCode, String regionName,
               BigDecimal amount, String evidence, Mark mark, Integer firstSeenVersion) {
        @Override
        public String toString() {
            return "Row[findingId=" + findingId + ", rule=" + rule + ", month=" + month + ", personKey=" + personKey
                    + ", name and ID number withheld]";
        }
    }

    private final AppStore store;
    private final PersonVault vault;
    private final FindingSightings sightings;

    FindingRows(AppStore store, PersonVault vault, FindingSightings sightings) {
        this.store = store;
        this.vault = vault;
        this.sightings = sightings;
    }

    static String ruleName(String code) {
        return AuditRules.defaults().find(code).map(AuditRule::name).orElse(code);
    }

    Map<String, Mark> currentMarks(Collection<String> findingIds) {
        return store.auditMarks().current(findingIds).stream()
                .collect(Collectors.toMap(MarkRow::findingId, Mark::of));
    }

    /** Rows of findings of the live version {@code version}; {@code revealed}: identities to show unmasked. */
    List<Row> of(int version, List<AuditFinding> findings, Map<String, PersonVault.Identity> revealed) {
        sightings.catchUp(version);
        List<String> ids = findings.stream().map(AuditFinding::findingId).toList();
        Map<String, Mark> marks = currentMarks(ids);
        Map<String, Integer> firstSeen = sightings.firstSeen(ids);
        Map<String, PersonVault.MaskedIdentity> masked = vault.masked(findings.stream().map(AuditFinding::personKey)
                .filter(k -> k != null && !revealed.containsKey(k)).toList());
        return findings.stream().map(f -> {
            Identity who = Identity.of(f.personKey(), masked, revealed);
            return new Row(f.findingId(), f.rule(), ruleName(f.rule()), f.month(), f.personKey(), who.name, who.idNumber,
                    who.revealed, f.orderId(), f.regionCode(), f.regionName(), f.amount(), f.evidence(),
                    marks.get(f.findingId()), firstSeen.get(f.findingId()));
        }).toList();
    }

    /** Rows of marked findings no longer in the version (已消除), with the region names the version still knows. */
    List<Row> resolved(int version, List<MarkedFindingRow> gone, Function<String, String> regionName,
            Map<String, PersonVault.Identity> revealed) {
        sightings.catchUp(version);
        List<String> ids = gone.stream().map(MarkedFindingRow::findingId).toList();
        Map<String, Mark> marks = currentMarks(ids);
        Map<String, Integer> firstSeen = sightings.firstSeen(ids);
        Map<String, PersonVault.MaskedIdentity> masked = vault.masked(gone.stream().map(MarkedFindingRow::personKey)
                .filter(k -> k != null && !revealed.containsKey(k)).toList());
        return gone.stream().map(f -> {
            Identity who = Identity.of(f.personKey(), masked, revealed);
            return new Row(f.findingId(), f.rule(), ruleName(f.rule()), f.month(), f.personKey(), who.name,
                    who.idNumber, who.revealed, f.orderId(), f.regionCode(),
                    f.regionCode() == null ? null : regionName.apply(f.regionCode()),
                    f.amount() == null ? null : new BigDecimal(f.amount()), f.evidence(), marks.get(f.findingId()),
                    firstSeen.get(f.findingId()));
        }).toList();
    }

    /** What a row shows of a person. */
    private record Identity(String name, String idNumber, boolean revealed) {
        static Identity of(String personKey, Map<String, PersonVault.MaskedIdentity> masked,
                Map<String, PersonVault.Identity> revealed) {
            PersonVault.Identity full = personKey == null ? null : revealed.get(personKey);
            if (full != null) {
                return new Identity(full.name(), full.idNumber(), true);
            }
            PersonVault.MaskedIdentity m = personKey == null ? null : masked.get(personKey);
            return m == null ? new Identity(null, null, false) : new Identity(m.name(), m.idNumber(), false);
        }

        @Override
        public String toString() {
            return "Identity[withheld]";
        }
    }
}
