package cn.yinling.dashboard.catalog;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The five theme pages (one per KPI group of the catalog) and the headline KPIs of each that the overview page
 * shows a leader first.
 */
public final class Themes {

    /** @param path the page, e.g. /themes/population */
    public record Theme(String code, String name, String path, List<String> headlineKpis, List<String> kpis) {
    }

    // What a leader asks first in each theme: the size of the aging population, whether services and allowances
    // reach those entitled, and whether the figures can be trusted.
    private static final Map<String, List<String>> HEADLINES = Map.of(
            "population", List.of("pop_60", "aging_rate_60", "pop_80", "special_hardship"),
            "services", List.of("beds_per_1000", "nursing_bed_share", "community_center_coverage", "visit_rate"),
            "allowances", List.of("longevity_coverage", "longevity_missed", "pension_coverage", "accident_insurance_rate"),
            "health", List.of("health_mgmt_rate", "family_doctor_rate", "hypertension_rate"),
            "quality", List.of("submission_rate", "reject_rate", "id_match_rate"));

    private final List<Theme> themes;

    public Themes(KpiCatalog catalog) {
        this.themes = catalog.groups().entrySet().stream().map(group -> {
            List<String> kpis = catalog.all().stream().filter(k -> k.group().equals(group.getKey()))
                    .map(KpiDefinition::code).toList();
            List<String> headlines = HEADLINES.getOrDefault(group.getKey(), List.of()).stream()
                    .filter(kpis::contains).toList();
            return new Theme(group.getKey(), group.getValue(), "/themes/" + group.getKey(),
                    headlines.isEmpty() ? kpis.stream().limit(4).toList() : headlines, kpis);
        }).toList();
    }

    public List<Theme> all() {
        return themes;
    }

    public Optional<Theme> find(String code) {
        return themes.stream().filter(t -> t.code().equals(code)).findFirst();
    }
}
