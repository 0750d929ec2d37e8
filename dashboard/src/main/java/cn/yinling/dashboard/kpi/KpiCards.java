package cn.yinling.dashboard.kpi;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.kpi.Target;
import cn.yinling.warehouse.serve.KpiMonthValue;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Turns the mart rows of one region and month into cards grouped by theme; only KPIs present in the mart. */
public final class KpiCards {

    private final KpiCatalog catalog;

    public KpiCards(KpiCatalog catalog) {
        this.catalog = catalog;
    }

    public List<KpiCard.Group> build(List<KpiMonthValue> values) {
        Map<String, List<KpiMonthValue>> byKpi = values.stream()
                .collect(Collectors.groupingBy(KpiMonthValue::kpiCode, LinkedHashMap::new, Collectors.toList()));
        List<KpiCard.Group> groups = new ArrayList<>();
        for (Map.Entry<String, String> group : catalog.groups().entrySet()) {
            List<KpiCard> cards = catalog.all().stream()
                    .filter(kpi -> kpi.group().equals(group.getKey()) && byKpi.containsKey(kpi.code()))
                    .map(kpi -> card(kpi, byKpi.get(kpi.code())))
                    .toList();
            if (!cards.isEmpty()) {
                groups.add(new KpiCard.Group(group.getKey(), group.getValue(), cards));
            }
        }
        return groups;
    }

    static KpiCard card(KpiDefinition kpi, List<KpiMonthValue> rows) {
        KpiMonthValue total = rows.stream().filter(r -> r.breakdown() == null).findFirst().orElse(null);
        List<KpiCard.Part> parts = rows.stream().filter(r -> r.breakdown() != null)
                .map(r -> new KpiCard.Part(r.breakdown(), kpi.breakdownLabel(r.breakdown()), r.value(),
                        r.previousValue(), change(r.value(), r.previousValue()), r.numerator(), r.denominator()))
                .toList();
        Double value = total == null ? null : total.value();
        Double publishedTarget = total != null ? total.target()
                : rows.stream().map(KpiMonthValue::target).filter(Objects::nonNull).findFirst().orElse(null);
        Target target = TargetStatus.effectiveTarget(kpi, publishedTarget);
        return new KpiCard(kpi.code(), kpi.name(), kpi.group(), kpi.unit(), kpi.direction().name(), kpi.ratio(),
                kpi.formula(), value, total == null ? null : total.previousValue(),
                total == null ? null : change(total.value(), total.previousValue()),
                total == null ? null : total.numerator(), total == null ? null : total.denominator(),
                target == null ? null : target.value(), target == null ? null : target.toString(),
                TargetStatus.of(target, value), parts);
    }

    static Double change(Double value, Double previous) {
        return value == null || previous == null ? null : value - previous;
    }
}
