package cn.yinling.dashboard.kpi;

import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.kpi.KpiDefinition;

/**
 * Chinese labels of breakdown values: a code list of the contract (facility_type institution → 养老机构), or a
 * feed (reject_rate by feed: household → 户籍人口). A value neither knows is shown as it is rather than failing
 * the page.
 */
public final class BreakdownLabels {

    private BreakdownLabels() {
    }

    public static String label(KpiDefinition kpi, String value) {
        if (value == null) {
            return null;
        }
        if ("feed".equals(kpi.breakdown()) || kpi.breakdown() == null) {
            var feed = Contracts.get().feed(value);
            if (feed.isPresent()) {
                return feed.get().name();
            }
        }
        try {
            return kpi.breakdownLabel(value);
        } catch (IllegalArgumentException notACodeList) {
            return value;
        }
    }
}
