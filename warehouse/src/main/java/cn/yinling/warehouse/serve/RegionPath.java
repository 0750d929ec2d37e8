package cn.yinling.warehouse.serve;

import java.util.List;

/** A region with its ancestors from the city down (the breadcrumb, the region itself not included). */
public record RegionPath(Region region, List<Region> ancestors) {
}
