package cn.yinling.dashboard.cli;

import cn.yinling.warehouse.land.BatchReport;
import cn.yinling.warehouse.land.Rejection;

/** A batch report as a person reads it in a terminal. */
final class BatchReportText {

    private static final int SHOWN_REJECTIONS = 20;

    private BatchReportText() {
    }

    static String render(BatchReport report) {
        StringBuilder text = new StringBuilder();
        text.append(switch (report.status()) {
            case accepted -> "已接收";
            case unchanged -> "内容与在用批次相同，未作改动";
            case refused -> "已拒收";
        });
        text.append("  批次 ").append(report.batchId()).append('\n');
        text.append(String.format("数据项 %s，期间 %s，单位 %s%n", report.feed(), report.period(), report.unit()));
        text.append(String.format("读取 %d 行：接收 %d 行，隔离 %d 行；表尾 %d 行%n",
                report.rowsRead(), report.rowsLoaded(), report.rowsQuarantined(), report.footerRows()));
        if (report.supersedes() != null) {
            text.append("更正：替代批次 ").append(report.supersedes()).append('\n');
        }
        if (report.fatal() != null) {
            text.append("拒收原因 [").append(report.fatal().rule()).append("]：").append(report.fatal().message()).append('\n');
        }
        if (report.rejectionsTotal() > 0) {
            text.append("问题清单共 ").append(report.rejectionsTotal()).append(" 条：\n");
        }
        int shown = 0;
        for (Rejection r : report.rejections()) {
            if (shown++ == SHOWN_REJECTIONS) {
                text.append("……（完整清单见批次的 rejections.csv）\n");
                break;
            }
            text.append(String.format("  第%d行 %s [%s] %s%n", r.row(), r.column(), r.rule(), r.message()));
        }
        return text.toString().stripTrailing();
    }
}
