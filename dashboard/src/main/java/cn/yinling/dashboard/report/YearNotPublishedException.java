package cn.yinling.dashboard.report;

import java.time.YearMonth;
import java.util.List;

/** The year asked for has no KPI values in the published version; the message lists what it has, in Chinese. */
public final class YearNotPublishedException extends RuntimeException {

    public YearNotPublishedException(int version, int year, List<YearMonth> published) {
        super(message(version, year, published));
    }

    private static String message(int version, int year, List<YearMonth> published) {
        if (published.isEmpty()) {
            return "数据版本 " + version + " 中没有任何月份的指标数据，无法生成 " + year + " 年度报告。请导入数据并运行 ./aging etl。";
        }
        List<Integer> years = published.stream().map(YearMonth::getYear).distinct().toList();
        return "数据版本 " + version + " 中没有 " + year + " 年的数据（已发布 " + published.get(0) + " 至 "
                + published.get(published.size() - 1) + "，可选年度：" + years.stream().map(String::valueOf)
                .reduce((a, b) -> a + "、" + b).orElse("") + "）。请选择其中的年度，或导入该年数据并运行 ./aging etl 发布新版本。";
    }
}
