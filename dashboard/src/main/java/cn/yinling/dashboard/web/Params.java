package cn.yinling.dashboard.web;

import cn.yinling.warehouse.kpi.KpiCatalog;
import cn.yinling.warehouse.kpi.KpiDefinition;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.WarehouseReader;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Reads the query parameters shared by the API's endpoints, with defaults and Chinese error messages. */
public final class Params {

    private static final Pattern MONTH = Pattern.compile("\\d{4}-\\d{2}");

    private Params() {
    }

    /** {@code ?month=YYYY-MM}, or the newest month with KPI values; 404 for a month the version does not hold. */
    public static YearMonth month(Context ctx, WarehouseReader warehouse) {
        return month(ctx.queryParam("month"), warehouse.months());
    }

    /**
     * A month of {@code months} (the version's, oldest first) given as {@code YYYY-MM}, or the newest when blank: 400
     * for a malformed month, 404 for one the version does not hold.
     */
    public static YearMonth month(String text, List<String> months) {
        if (months.isEmpty()) {
            throw ApiException.notFound("当前数仓版本中没有指标数据。");
        }
        if (text == null || text.isBlank()) {
            return YearMonth.parse(months.get(months.size() - 1));
        }
        YearMonth month;
        try {
            if (!MONTH.matcher(text).matches()) {
                throw new DateTimeParseException("bad month", text, 0);
            }
            month = YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw ApiException.badRequest("月份格式应为 YYYY-MM，例如 2024-12，实际为：" + text);
        }
        if (!months.contains(month.toString())) {
            throw ApiException.notFound("当前数仓版本没有 " + month + " 的指标数据，可选月份为 " + months.get(0) + " 至 "
                    + months.get(months.size() - 1) + "。");
        }
        return month;
    }

    /** {@code ?group=population|services|…}: one theme; empty when absent; 404 for an unknown theme. */
    public static Optional<String> group(Context ctx, KpiCatalog catalog) {
        String group = ctx.queryParam("group");
        if (group == null || group.isBlank()) {
            return Optional.empty();
        }
        if (!catalog.groups().containsKey(group)) {
            throw ApiException.notFound("未知主题：" + group + "，可选 " + String.join("、", catalog.groups().keySet()) + "。");
        }
        return Optional.of(group);
    }

    /** {@code ?region=<12 digits>}, or the city; 404 when the code is not in dim_region. */
    public static Region region(Context ctx, WarehouseReader warehouse) {
        String code = ctx.queryParam("region");
        if (code == null || code.isBlank()) {
            return warehouse.cities().stream().findFirst()
                    .orElseThrow(() -> ApiException.notFound("当前数仓版本中没有市级区划。"));
        }
        return region(code.trim(), warehouse);
    }

    public static Region region(String code, WarehouseReader warehouse) {
        return warehouse.region(code)
                .orElseThrow(() -> ApiException.notFound("未找到区划代码 " + code + "，请从区域选择器中选择。"));
    }

    public static KpiDefinition kpi(Context ctx, KpiCatalog catalog) {
        String code = ctx.pathParam("code");
        return catalog.find(code).orElseThrow(() -> ApiException.notFound("未知指标代码：" + code));
    }

    /** {@code ?breakdown=…} for by-type KPIs; absent or empty for the total. */
    public static String breakdown(Context ctx) {
        String breakdown = ctx.queryParam("breakdown");
        return breakdown == null || breakdown.isBlank() ? null : breakdown;
    }
}
