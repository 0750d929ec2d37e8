package cn.yinling.dashboard.kpi;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.FeedDeliveries;
import cn.yinling.warehouse.serve.RegionLevel;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Tells whether a KPI has figures in the published version for a month, and if not, why (Chinese, shown on the
 * page). The mart holds a row of zeros for every region even when a KPI's feed was never sent, so a zero alone
 * cannot tell "none" from "not known"; the version's lineage (which feeds came in, for which periods) can.
 */
public final class KpiAvailability {

    /**
     * Feeds that many KPIs read only for their population base. A KPI whose own feed never came must not show as
     * zero just because the household register did.
     */
    private static final Set<String> BASE_FEEDS = Set.of("household", "death", "region");

    /**
     * The catalog group of the data-quality KPIs. They count the batches landed of every feed in their sources, the
     * household register and region codes included, so each of those feeds is one of their own.
     */
    static final String QUALITY_GROUP = "quality";

    public static final String NO_VALUE_REASON = "分母为 0，无法计算。";

    private final FeedDeliveries deliveries;
    private final Set<String> publishedKpis;

    public KpiAvailability(FeedDeliveries deliveries, Set<String> publishedKpis) {
        this.deliveries = deliveries;
        this.publishedKpis = publishedKpis;
    }

    /** Null when the KPI can have figures for {@code month}; otherwise the reason it has none. */
    public String missingReason(KpiDefinition kpi, YearMonth month) {
        if (!publishedKpis.contains(kpi.code())) {
            return "当前数据版本尚未计算该指标。";
        }
        if (!delivered(kpi, deliveries, month)) {
            return "截至" + month.getYear() + "年" + month.getMonthValue() + "月尚未收到"
                    + ownFeeds(kpi).stream().map(KpiAvailability::quotedFeedName).collect(Collectors.joining("或"))
                    + "报送数据。";
        }
        return null;
    }

    /** Whether one of the KPI's own feeds came in for {@code month} or an earlier period (the page and the report). */
    public static boolean delivered(KpiDefinition kpi, FeedDeliveries deliveries, YearMonth month) {
        List<String> feeds = ownFeeds(kpi);
        return feeds.isEmpty() || feeds.stream().anyMatch(feed -> deliveries.deliveredBy(feed, month));
    }

    /**
     * The feeds a KPI's figures stand on, any one of which suffices: its sources other than the population base
     * (e.g. visit_rate counts a care_visit or a completed service_order); the household register for the KPIs
     * computed from it alone; every source of a data-quality KPI, which has figures as soon as a batch of any feed
     * it counts was landed (reject_rate of the household register alone is a real figure).
     */
    static List<String> ownFeeds(KpiDefinition kpi) {
        if (QUALITY_GROUP.equals(kpi.group())) {
            return kpi.sources();
        }
        List<String> own = kpi.sources().stream().filter(feed -> !BASE_FEEDS.contains(feed)).toList();
        if (!own.isEmpty()) {
            return own;
        }
        return kpi.sources().contains("household") ? List.of("household") : List.of();
    }

    /** Why a computed KPI has no row for a region: not counted at its level, or simply absent. */
    public static String noRowReason(KpiDefinition kpi, int regionLevel) {
        List<Integer> levels = kpi.levelsOrAll();
        if (!levels.contains(regionLevel)) {
            return "该指标统计到" + levels.stream().map(l -> RegionLevel.ofCode(l).chineseName())
                    .collect(Collectors.joining("、")) + "级，不按" + RegionLevel.ofCode(regionLevel).chineseName()
                    + "统计。";
        }
        return "该区域本月没有该指标的数据。";
    }

    /** The contract's Chinese name of a feed (household → 户籍人口), or the code for a feed it does not know. */
    public static String feedName(String feed) {
        return Contracts.get().feed(feed).map(FeedContract::name).orElse(feed);
    }

    private static String quotedFeedName(String feed) {
        return "「" + feedName(feed) + "」";
    }
}
