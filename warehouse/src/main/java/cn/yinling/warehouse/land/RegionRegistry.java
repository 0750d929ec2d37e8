package cn.yinling.warehouse.land;

import java.util.HashMap;
import java.util.Map;

/**
 * The region codes known to the warehouse: the rows of the region batches in force, as 12-digit codes with their
 * level (1–5). Empty until the statistics bureau has sent 统计用区划代码.
 */
final class RegionRegistry {

    private final Map<String, Integer> levelByCode;

    RegionRegistry(Map<String, Integer> levelByCode) {
        this.levelByCode = new HashMap<>(levelByCode);
    }

    static RegionRegistry empty() {
        return new RegionRegistry(Map.of());
    }

    boolean isEmpty() {
        return levelByCode.isEmpty();
    }

    /** The level of a 12-digit code, or null when the registry does not hold it. */
    Integer level(String code12) {
        return levelByCode.get(code12);
    }

    boolean contains(String code12) {
        return levelByCode.containsKey(code12);
    }

    int size() {
        return levelByCode.size();
    }
}
