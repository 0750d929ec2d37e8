package cn.yinling.dashboard.kpi;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.serve.FeedDeliveries;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class KpiAvailabilityTest {

    final KpiCatalog catalog = KpiCatalog.defaults();
    static final YearMonth DEC = YearMonth.of(2024, 12);

    @Test
    void aKpiStandsOnItsOwnFeedsNotOnThePopulationBase() {
        assertEquals(List.of("household"), KpiAvailability.ownFeeds(catalog.get("pop_total")), "household + death");
        assertEquals(List.of("living_status"), KpiAvailability.ownFeeds(catalog.get("living_alone")));
        assertEquals(List.of("facility"), KpiAvailability.ownFeeds(catalog.get("meal_coverage")), "facility + region");
        assertEquals(List.of("care_visit", "service_order", "living_status"),
                KpiAvailability.ownFeeds(catalog.get("visit_rate")), "any one of them");
        assertEquals(List.of("pension"), KpiAvailability.ownFeeds(catalog.get("pension_coverage")));
        // the data-quality KPIs count the batches of every feed in their sources, the population base included
        assertEquals(List.of("region", "household", "death", "living_status", "allowance", "service_order", "facility",
                "health_checkup", "pension", "ltc_benefit", "accident_insurance", "care_visit"),
                KpiAvailability.ownFeeds(catalog.get("reject_rate")), "every feed of the contract");
        assertEquals(List.of("household", "death", "living_status", "allowance", "service_order", "health_checkup",
                "pension", "ltc_benefit", "accident_insurance", "care_visit"),
                KpiAvailability.ownFeeds(catalog.get("id_match_rate")), "the person feeds, household included");
    }

    @Test
    void aQualityKpiHasFiguresAsSoonAsAnyFeedItCountsWasLanded() {
        KpiAvailability onlyTheRegister = new KpiAvailability(new FeedDeliveries(Map.of(
                "household", new TreeSet<>(Set.of("2024-12"))), true),
                Set.of("submission_rate", "reject_rate", "id_match_rate", "pop_total", "living_alone"));
        assertNull(onlyTheRegister.missingReason(catalog.get("reject_rate"), DEC), "the register's own batches");
        assertNull(onlyTheRegister.missingReason(catalog.get("submission_rate"), DEC));
        assertNull(onlyTheRegister.missingReason(catalog.get("id_match_rate"), DEC));
        assertEquals("截至2024年11月尚未收到「统计用区划代码」或「户籍人口」或「死亡登记」或「老年人居住状况」或「高龄津贴及养老补贴发放」"
                        + "或「居家养老服务工单」或「养老服务设施」或「老年人健康管理」或「基本养老金发放」或「长期护理保险待遇」"
                        + "或「老年人意外伤害保险」或「特殊困难老年人探访」报送数据。",
                onlyTheRegister.missingReason(catalog.get("reject_rate"), DEC.minusMonths(1)), "nothing landed yet");

        KpiAvailability onlyRegionCodes = new KpiAvailability(new FeedDeliveries(Map.of(
                "region", new TreeSet<>(Set.of("2024"))), true), Set.of("reject_rate", "id_match_rate"));
        assertNull(onlyRegionCodes.missingReason(catalog.get("reject_rate"), DEC), "an annual feed covers its year");
        assertEquals("截至2024年12月尚未收到「户籍人口」或「死亡登记」或「老年人居住状况」或「高龄津贴及养老补贴发放」"
                        + "或「居家养老服务工单」或「老年人健康管理」或「基本养老金发放」或「长期护理保险待遇」"
                        + "或「老年人意外伤害保险」或「特殊困难老年人探访」报送数据。",
                onlyRegionCodes.missingReason(catalog.get("id_match_rate"), DEC), "region codes are not person rows");
    }

    @Test
    void reasonsForNoData() {
        FeedDeliveries deliveries = new FeedDeliveries(Map.of(
                "household", new TreeSet<>(Set.of("2024-11", "2024-12")),
                "service_order", new TreeSet<>(Set.of("2024-12"))), true);
        KpiAvailability availability = new KpiAvailability(deliveries,
                Set.of("pop_total", "living_alone", "visit_rate", "reject_rate"));

        assertNull(availability.missingReason(catalog.get("pop_total"), DEC));
        assertNull(availability.missingReason(catalog.get("visit_rate"), DEC), "service_order suffices");
        assertEquals("截至2024年11月尚未收到「特殊困难老年人探访」或「居家养老服务工单」或「老年人居住状况」报送数据。",
                availability.missingReason(catalog.get("visit_rate"), DEC.minusMonths(1)));
        assertEquals("截至2024年12月尚未收到「老年人居住状况」报送数据。",
                availability.missingReason(catalog.get("living_alone"), DEC));
        assertEquals("当前数据版本尚未计算该指标。", availability.missingReason(catalog.get("pop_60"), DEC));
        assertNull(availability.missingReason(catalog.get("reject_rate"), DEC));

        assertEquals("该指标统计到市、区县级，不按社区村统计。", KpiAvailability.noRowReason(catalog.get("reject_rate"), 5));
        assertEquals("该指标统计到市、区县级，不按街道乡镇统计。", KpiAvailability.noRowReason(catalog.get("reject_rate"), 4));
        assertEquals("该区域本月没有该指标的数据。", KpiAvailability.noRowReason(catalog.get("reject_rate"), 3),
                "catalog levels [2, 3]");
        assertEquals("该区域本月没有该指标的数据。", KpiAvailability.noRowReason(catalog.get("pop_total"), 5));
        assertEquals("该指标统计到市、区县、街道乡镇级，不按社区村统计。",
                KpiAvailability.noRowReason(catalog.get("day_care_street_coverage"), 5));
    }
}
