package cn.yinling.dashboard.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.Target;
import org.junit.jupiter.api.Test;

class TargetStatusTest {

    final KpiCatalog catalog = KpiCatalog.defaults();

    @Test
    void higherBetterTargetIsMetFromTheTargetUp() {
        Target target = TargetStatus.effectiveTarget(catalog.get("nursing_bed_share"), 55.0);
        assertEquals(new Target(">=", 55.0), target);
        assertEquals(TargetStatus.met, TargetStatus.of(target, 55.0));
        assertEquals(TargetStatus.not_met, TargetStatus.of(target, 54.99));
        assertEquals(TargetStatus.none, TargetStatus.of(target, null));
    }

    @Test
    void aRatioOfAllCountsAsAHundredPercentDespiteRounding() {
        Target full = TargetStatus.effectiveTarget(catalog.get("fire_safe_rate"), 100.0);
        assertEquals(TargetStatus.met, TargetStatus.of(full, 7.0 / 7.0 * 100.0));
        assertEquals(TargetStatus.met, TargetStatus.of(full, 99.99999999999));
        assertEquals(TargetStatus.not_met, TargetStatus.of(full, 6.0 / 7.0 * 100.0));
    }

    @Test
    void lowerBetterTargetIsMetFromTheTargetDown() {
        Target none = TargetStatus.effectiveTarget(catalog.get("longevity_missed"), 0.0);
        assertEquals(new Target("<=", 0.0), none);
        assertEquals(TargetStatus.met, TargetStatus.of(none, 0.0));
        assertEquals(TargetStatus.not_met, TargetStatus.of(none, 3.0));
        // a target published for a KPI the catalog sets none for takes its comparison from the direction
        assertEquals(new Target("<=", 5.0), TargetStatus.effectiveTarget(catalog.get("reject_rate"), 5.0));
        assertEquals(new Target(">=", 90.0), TargetStatus.effectiveTarget(catalog.get("pension_coverage"), 90.0));
    }

    @Test
    void thePublishedTargetWinsAndTheCatalogFillsInWhenNoneWasPublished() {
        assertEquals(new Target(">=", 60.0), TargetStatus.effectiveTarget(catalog.get("nursing_bed_share"), 60.0));
        assertEquals(new Target(">=", 55.0), TargetStatus.effectiveTarget(catalog.get("nursing_bed_share"), null));
        assertNull(TargetStatus.effectiveTarget(catalog.get("pop_total"), null));
    }
}
