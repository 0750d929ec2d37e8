package cn.yinling.dashboard.explorer;

import io.javalin.http.Context;

/**
 * The explorer's view as the URL carries it, not yet checked: {@code kpis=a,b}, {@code regions=x,y},
 * {@code from}/{@code to} ({@code YYYY-MM}), {@code breakdown=kpi:code,…} (one breakdown value per by-type KPI;
 * a KPI not named shows its total). Null or blank for a parameter not given.
 */
public record SeriesQuery(String kpis, String regions, String from, String to, String breakdown) {

    public static SeriesQuery of(Context ctx) {
        return new SeriesQuery(ctx.queryParam("kpis"), ctx.queryParam("regions"), ctx.queryParam("from"),
                ctx.queryParam("to"), ctx.queryParam("breakdown"));
    }
}
