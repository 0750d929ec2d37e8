package cn.yinling.warehouse.serve;

/**
 * A region found by the explorer's search.
 *
 * @param path the names of its ancestors from the city down ({@code 徐州市 › 鼓楼区 › 黄楼街道}); empty for the city.
 *             Many communities share a name, so the path is what tells them apart.
 */
public record RegionMatch(String regionCode, String name, int level, String parentCode, String path) {
}
