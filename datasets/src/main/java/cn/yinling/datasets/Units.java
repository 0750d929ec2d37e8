package cn.yinling.datasets;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The reporting units of the synthetic city (spec/feeds.md §7): the city bureaus, two district civil-affairs bureaus
 * (铜山区民政局, 邳州市民政局) that report their own district's allowances, care visits and survey, and the aging
 * office. The same list is shipped as the default units.csv (warehouse/.../config/units.csv).
 */
final class Units {

    static final String STATS = "stats:320300";
    static final String POLICE = "public_security:320300";
    static final String HEALTH = "health:320300";
    static final String CIVIL_AFFAIRS = "civil_affairs:320300";
    static final String HUMAN_RESOURCES = "human_resources:320300";
    static final String MEDICAL_INSURANCE = "medical_insurance:320300";
    static final String AGING_OFFICE = "aging_office:320300";

    /** District civil-affairs bureaus that send their district's feeds themselves, with their names. */
    static final Map<String, String> DISTRICT_BUREAUS = new LinkedHashMap<>();

    static {
        DISTRICT_BUREAUS.put("320312", "铜山区民政局");
        DISTRICT_BUREAUS.put("320382", "邳州市民政局");
    }

    private Units() {
    }

    static String districtBureau(String district6) {
        return "civil_affairs:" + district6;
    }

    /** The civil-affairs unit that reports a district: its own bureau, or the city's. */
    static String civilAffairsOf(String district6) {
        return DISTRICT_BUREAUS.containsKey(district6) ? districtBureau(district6) : CIVIL_AFFAIRS;
    }

    /** The unit that sends a district's living-status survey: its own bureau, or the aging office for the city. */
    static String surveyUnitOf(String district6) {
        return DISTRICT_BUREAUS.containsKey(district6) ? districtBureau(district6) : AGING_OFFICE;
    }

    /** The bureaus of the districts in {@link #DISTRICT_BUREAUS} plus the city-wide unit, in a fixed order. */
    static List<String> splitUnits(String cityUnit) {
        List<String> units = new java.util.ArrayList<>();
        units.add(cityUnit);
        DISTRICT_BUREAUS.keySet().forEach(d -> units.add(districtBureau(d)));
        return units;
    }

    /** 6-digit scope of a unit name. */
    static String scope(String unit) {
        return unit.substring(unit.indexOf(':') + 1);
    }

    static boolean isDistrictUnit(String unit) {
        return !scope(unit).endsWith("00");
    }

    /** 铜山区民政局 / 徐州市民政局 … for titles and the units file. */
    static String name(String unit) {
        String scope = scope(unit);
        if (DISTRICT_BUREAUS.containsKey(scope)) {
            return DISTRICT_BUREAUS.get(scope);
        }
        return switch (unit.substring(0, unit.indexOf(':'))) {
            case "stats" -> "徐州市统计局";
            case "public_security" -> "徐州市公安局";
            case "health" -> "徐州市卫生健康委员会";
            case "civil_affairs" -> "徐州市民政局";
            case "human_resources" -> "徐州市人力资源和社会保障局";
            case "medical_insurance" -> "徐州市医疗保障局";
            case "aging_office" -> "徐州市老龄工作委员会办公室";
            default -> throw new IllegalArgumentException(unit);
        };
    }
}
