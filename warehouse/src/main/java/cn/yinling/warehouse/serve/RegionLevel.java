package cn.yinling.warehouse.serve;

import java.util.Arrays;
import java.util.Locale;

/** The region levels KPIs are computed at, with the names the CLI uses (--level city|district|street|community). */
public enum RegionLevel {
    city(2, "市"), district(3, "区县"), street(4, "街道乡镇"), community(5, "社区村");

    private final int code;
    private final String chineseName;

    RegionLevel(int code, String chineseName) {
        this.code = code;
        this.chineseName = chineseName;
    }

    /** The dim_region / mart_kpi level number (2–5). */
    public int code() {
        return code;
    }

    public String chineseName() {
        return chineseName;
    }

    public static RegionLevel ofCode(int code) {
        return Arrays.stream(values()).filter(l -> l.code == code).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("区划级别应为 2–5，实际为 " + code));
    }

    /** Parses city|district|street|community (case-insensitive). */
    public static RegionLevel parse(String name) {
        try {
            return valueOf(name.trim().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("区划级别应为 city、district、street 或 community，实际为 " + name, e);
        }
    }
}
