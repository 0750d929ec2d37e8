package cn.yinling.dashboard.explorer;

import io.javalin.http.Context;

/** The 趋势分析 page's API: the series of a view, the breakdown values to choose from, the region search. */
public final class ExplorerController {

    private final TrendExplorer explorer;

    public ExplorerController(TrendExplorer explorer) {
        this.explorer = explorer;
    }

    /** GET /api/v1/explorer/series?kpis=a,b&regions=x,y&from=YYYY-MM&to=YYYY-MM&breakdown=kpi:code */
    public void series(Context ctx) {
        ctx.json(explorer.series(SeriesQuery.of(ctx)));
    }

    /** GET /api/v1/explorer/breakdowns */
    public void breakdowns(Context ctx) {
        ctx.json(explorer.breakdowns());
    }

    /** GET /api/v1/explorer/regions?q= */
    public void regions(Context ctx) {
        ctx.json(explorer.search(ctx.queryParam("q")));
    }
}
