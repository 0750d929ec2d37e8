package cn.yinling.warehouse.serve;

/** One row of dim_region: level 2 city, 3 district, 4 street/town, 5 community/village. */
public record Region(String regionCode, String name, int level, String parentCode) {
}
