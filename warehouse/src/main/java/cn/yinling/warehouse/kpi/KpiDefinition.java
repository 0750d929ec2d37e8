package cn.yinling.warehouse.kpi;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.contract.FeedContract;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** One KPI of spec/kpis.md, as catalog.json defines it; the dashboard, CLI, ETL and report all read this. */
@JsonIgnoreProperties(ignoreUnknown = false)
public record KpiDefinition(
        String code,
        String name,
        String group,
        String unit,
        Direction direction,
        double scale,
        boolean ratio,
        List<String> sources,
        String formula,
        Target target,
        String breakdown,
        List<Integer> levels) {

    public enum Direction {
        higher_better, lower_better, neutral
    }

    /** The breakdown dimension of the data-quality KPIs: one figure per feed of the contract. */
    public static final String FEED_BREAKDOWN = "feed";

    /**
     * The Chinese label of a breakdown code (facility_type institution → 养老机构, feed pension → 基本养老金发放), or the
     * code itself.
     */
    public String breakdownLabel(String breakdownCode) {
        if (breakdown == null || breakdownCode == null) {
            return breakdownCode;
        }
        if (breakdown.equals(FEED_BREAKDOWN)) {
            return Contracts.get().feed(breakdownCode).map(FeedContract::name).orElse(breakdownCode);
        }
        return Contracts.get().codeList(breakdown).labelOf(breakdownCode).orElse(breakdownCode);
    }

    /** The codes of the breakdown dimension, in contract order: a code list of feeds.json, or the feeds themselves. */
    public List<String> breakdownCodes() {
        if (breakdown == null) {
            return List.of();
        }
        if (breakdown.equals(FEED_BREAKDOWN)) {
            return Contracts.get().feeds().stream().map(FeedContract::feed).toList();
        }
        return List.copyOf(new java.util.LinkedHashSet<>(Contracts.get().codeList(breakdown).labelToCode().values()));
    }

    public List<Integer> levelsOrAll() {
        return levels == null ? List.of(2, 3, 4, 5) : levels;
    }
}
