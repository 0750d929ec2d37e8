package cn.yinling.dashboard.kpi;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.KpiMonthValue;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Turns the mart rows of one region and month into cards grouped by theme: every KPI of the chosen themes, those
 * without figures marked no_data with the reason.
 */
public final class KpiCards {

    private final KpiCatalog catalog;

    public KpiCards(KpiCatalog catalog) {
        this.catalog = catalog;
    }

    /**
     * @param groups      the themes to build, in catalog order; empty for all
     * @param regionLevel the level of the region the values belong to
     */
    public List<KpiCard.Group> build(List<KpiMonthValue> values, KpiAvailability availability, YearMonth month,
            int regionLevel, List<String> groups) {
        Map<String, List<KpiMonthValue>> byKpi = values.stream()
                .collect(Collectors.groupingBy(KpiMonthValue::kpiCode, LinkedHashMap::new, Collectors.toList()));
        List<KpiCard.Group> result = new ArrayList<>();
        for (Map.Entry<String, String> group : catalog.groups().entrySet()) {
            if (!groups.isEmpty() && !groups.contains(group.getKey())) {
                continue;
            }
            List<KpiCard> cards = catalog.all().stream()
                    .filter(kpi -> kpi.group().equals(group.getKey()))
                    .map(kpi -> card(kpi, byKpi.getOrDefault(kpi.code(), List.of()), availability, month, regionLevel))
                    .toList();
            result.add(new KpiCard.Group(group.getKey(), group.getValue(), cards));
        }
        return result;
    }

    /** The card of one KPI; {@code rows} are its total and breakdown rows for the region and month (maybe none). */
    public static KpiCard card(KpiDefinition kpi, List<KpiMonthValue> rows, KpiAvailability availability,
            YearMonth month, int regionLevel) {
        String missing = availability.missingReason(kpi, month);
        Double publishedTarget = rows.stream().map(KpiMonthValue::target).filter(Objects::nonNull).findFirst()
                .orElse(null);
        Target target = TargetStatus.effectiveTarget(kpi, publishedTarget);
        if (missing == null && rows.isEmpty()) {
            missing = KpiAvailability.noRowReason(kpi, regionLevel);
        }
        if (missing != null) {
            return new KpiCard(kpi.code(), kpi.name(), kpi.group(), kpi.unit(), kpi.direction().name(), kpi.ratio(),
                    kpi.formula(), null, null, null, null, null, target == null ? null : target.value(),
                    target == null ? null : target.toString(), TargetStatus.none, DataStatus.no_data, missing,
                    List.of());
        }
        // The previous month's figure is only a figure if its feed had come in by then.
        boolean previousKnown = availability.missingReason(kpi, month.minusMonths(1)) == null;
        KpiMonthValue total = rows.stream().filter(r -> r.breakdown() == null).findFirst().orElse(null);
        List<KpiCard.Part> parts = rows.stream().filter(r -> r.breakdown() != null)
                .map(r -> part(kpi, r, previousKnown))
                .toList();
        Double value = total == null ? null : total.value();
        Double previous = total == null || !previousKnown ? null : total.previousValue();
        DataStatus status = value != null || total == null ? DataStatus.ok : DataStatus.no_value;
        return new KpiCard(kpi.code(), kpi.name(), kpi.group(), kpi.unit(), kpi.direction().name(), kpi.ratio(),
                kpi.formula(), value, previous, change(value, previous),
                total == null ? null : total.numerator(), total == null ? null : total.denominator(),
                target == null ? null : target.value(), target == null ? null : target.toString(),
                TargetStatus.of(target, value), status,
                status == DataStatus.no_value ? KpiAvailability.NO_VALUE_REASON : null, parts);
    }

    private static KpiCard.Part part(KpiDefinition kpi, KpiMonthValue row, boolean previousKnown) {
        Double previous = previousKnown ? row.previousValue() : null;
        return new KpiCard.Part(row.breakdown(), kpi.breakdownLabel(row.breakdown()), row.value(), previous,
                change(row.value(), previous), row.numerator(), row.denominator(),
                row.value() == null ? DataStatus.no_value : DataStatus.ok);
    }

    static Double change(Double value, Double previous) {
        return value == null || previous == null ? null : value - previous;
    }
}
