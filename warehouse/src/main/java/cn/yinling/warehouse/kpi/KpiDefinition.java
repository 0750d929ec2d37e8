package cn.yinling.warehouse.kpi;

import cn.yinling.warehouse.contract.Contracts;
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

    /** The Chinese label of a breakdown code (facility_type institution → 养老机构), or the code itself. */
    public String breakdownLabel(String breakdownCode) {
        if (breakdown == null || breakdownCode == null) {
            return breakdownCode;
        }
        return Contracts.get().codeList(breakdown).labelOf(breakdownCode).orElse(breakdownCode);
    }

    public List<Integer> levelsOrAll() {
        return levels == null ? List.of(2, 3, 4, 5) : levels;
    }
}
