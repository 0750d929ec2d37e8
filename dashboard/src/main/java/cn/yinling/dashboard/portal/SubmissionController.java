package cn.yinling.dashboard.portal;

import cn.yinling.dashboard.Dependencies;
import cn.yinling.dashboard.web.ApiException;
import cn.yinling.warehouse.land.LandingOptions;
import io.javalin.http.Context;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/** GET /api/v1/submissions?month=YYYY-MM: the 报送情况 matrix for planners and admins. */
public final class SubmissionController {

    private final Dependencies deps;

    public SubmissionController(Dependencies deps) {
        this.deps = deps;
    }

    public void matrix(Context ctx) {
        ctx.json(matrixOf(ctx));
    }

    /** The matrix of the request's month (also what its export writes). */
    public SubmissionMatrix.Answer matrixOf(Context ctx) {
        ZonedDateTime now = ZonedDateTime.now(LandingOptions.ZONE);
        String text = ctx.queryParam("month");
        YearMonth month;
        if (text == null || text.isBlank()) {
            month = YearMonth.from(now).minusMonths(1);
        } else {
            try {
                if (!text.matches("\\d{4}-\\d{2}")) {
                    throw new DateTimeParseException("bad", text, 0);
                }
                month = YearMonth.parse(text);
            } catch (DateTimeParseException e) {
                throw ApiException.badRequest("月份格式应为 YYYY-MM，例如 2024-12，实际为：" + text);
            }
        }
        return SubmissionMatrix.build(deps.units(), deps.landing().catalog(), month, now);
    }
}
