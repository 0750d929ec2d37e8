package cn.yinling.dashboard.region;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.RegionPath;
import io.javalin.http.Context;
import java.util.List;

/** The region selector: the top regions, and one region with its breadcrumb and children. */
public final class RegionController {

    public record RegionAnswer(Region region, List<Region> ancestors, List<Region> children) {
    }

    private final Dependencies deps;

    public RegionController(Dependencies deps) {
        this.deps = deps;
    }

    /** GET /api/v1/regions: the level-2 regions (the city). */
    public void top(Context ctx) {
        ctx.json(deps.warehouse().cities());
    }

    /** GET /api/v1/regions/{code} */
    public void one(Context ctx) {
        String code = ctx.pathParam("code");
        RegionPath path = deps.warehouse().regionPath(code)
                .orElseThrow(() -> ApiException.notFound("未找到区划代码 " + code + "，请从区域选择器中选择。"));
        ctx.json(new RegionAnswer(path.region(), path.ancestors(), deps.warehouse().children(code)));
    }
}
