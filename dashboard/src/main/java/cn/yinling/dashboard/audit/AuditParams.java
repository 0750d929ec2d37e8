package cn.yinling.dashboard.audit;

import cn.yinling.dashboard.web.ApiException;
import cn.yinling.dashboard.web.Params;
import cn.yinling.warehouse.audit.AuditRules;
import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.WarehouseReader;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.util.regex.Pattern;

/** The audit pages' query parameters, with Chinese messages: rule, an optional month, region, paging. */
final class AuditParams {

    static final int DEFAULT_PAGE_SIZE = 50;
    static final int MAX_PAGE_SIZE = 200;
    /** Something shaped like a citizen ID number (18 or 15 digits): never stored in a comment or a reason. */
    private static final Pattern ID_NUMBER_LIKE = Pattern.compile("\\d{17}[\\dXx]|\\d{15}");

    private AuditParams() {
    }

    /** {@code ?rule=A01}: null when absent; 404 for a code the catalog does not have. */
    static String rule(Context ctx) {
        String rule = ctx.queryParam("rule");
        if (rule == null || rule.isBlank()) {
            return null;
        }
        String code = rule.trim().toUpperCase();
        if (AuditRules.defaults().find(code).isEmpty()) {
            throw ApiException.notFound("未知稽核规则：" + rule + "，可选 A01 至 A10。");
        }
        return code;
    }

    /** {@code ?month=YYYY-MM} when given (it must be a month of the version); null when absent. */
    static String optionalMonth(Context ctx, WarehouseReader warehouse) {
        String text = ctx.queryParam("month");
        if (text == null || text.isBlank()) {
            return null;
        }
        return Params.month(ctx, warehouse).toString();
    }

    /** {@code ?month=YYYY-MM}, or the newest month with figures (see {@link Params#month}). */
    static YearMonth month(Context ctx, WarehouseReader warehouse) {
        return Params.month(ctx, warehouse);
    }

    /** {@code ?region=}: null when absent; 404 for a code not in dim_region. */
    static Region optionalRegion(Context ctx, WarehouseReader warehouse) {
        String code = ctx.queryParam("region");
        return code == null || code.isBlank() ? null : Params.region(code.trim(), warehouse);
    }

    static int page(Context ctx) {
        return positive(ctx, "page", 1, Integer.MAX_VALUE, "页码");
    }

    static int size(Context ctx) {
        return positive(ctx, "size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE, "每页条数");
    }

    private static int positive(Context ctx, String name, int fallback, int max, String label) {
        String text = ctx.queryParam(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= 1 && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(label + "应为 1–" + max + " 之间的整数，实际为：" + text);
    }

    /**
     * Free text a planner types (a comment, a reason): trimmed, at most {@code max} characters, and never an ID
     * number, which must not leave the vault.
     */
    static String freeText(String text, String label, int min, int max) {
        String trimmed = text == null ? "" : text.strip();
        if (trimmed.length() < min) {
            throw ApiException.badRequest(min == 1 ? "请填写" + label + "。" : label + "至少 " + min + " 个字，请写明。");
        }
        if (trimmed.length() > max) {
            throw ApiException.badRequest(label + "最多 " + max + " 个字，实际 " + trimmed.length() + " 个字。");
        }
        if (ID_NUMBER_LIKE.matcher(trimmed).find()) {
            throw ApiException.badRequest(label + "中不要填写公民身份号码：身份信息只保存在个人信息库中，请删去号码后重试。");
        }
        return trimmed;
    }
}
