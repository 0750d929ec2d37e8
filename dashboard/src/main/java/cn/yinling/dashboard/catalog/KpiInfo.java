package cn.yinling.dashboard.catalog;

import cn.yinling.dashboard.kpi.KpiAvailability;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.RegionLevel;
import java.util.List;

/**
 * A KPI's definition as the pages show it (the side panel and the hover text): formula, source feeds with their
 * Chinese names from the contract, unit, direction, target and the levels it is counted at.
 *
 * @param scale      value = numerator ÷ denominator × scale (1 for counts)
 * @param sources    empty for the data-quality KPIs, which read the landing zone of every feed
 * @param targetText e.g. "≥55", null without a target
 */
public record KpiInfo(String code, String name, String group, String unit, String direction, String directionText,
        boolean ratio, double scale, String formula, List<Source> sources, Double target, String targetText,
        List<Integer> levels, String levelsText, String breakdown) {

    public record Source(String feed, String name) {
    }

    public static KpiInfo of(KpiDefinition k) {
        List<Source> sources = k.sources().stream().map(f -> new Source(f, KpiAvailability.feedName(f))).toList();
        List<String> levelNames = k.levelsOrAll().stream().map(l -> RegionLevel.ofCode(l).chineseName()).toList();
        return new KpiInfo(k.code(), k.name(), k.group(), k.unit(), k.direction().name(), directionText(k.direction()),
                k.ratio(), k.scale(), k.formula(), sources, k.target() == null ? null : k.target().value(),
                k.target() == null ? null : k.target().toString(), k.levelsOrAll(), String.join("、", levelNames),
                k.breakdown());
    }

    private static String directionText(KpiDefinition.Direction direction) {
        return switch (direction) {
            case higher_better -> "越高越好";
            case lower_better -> "越低越好";
            case neutral -> "反映情况，不分高低";
        };
    }
}
