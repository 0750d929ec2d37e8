package cn.yinling.dashboard.portal;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.Contracts;
import cn.yinling.warehouse.export.FormulaGuard;
import cn.yinling.warehouse.land.Manifest;
import cn.yinling.warehouse.land.Rejection;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A batch's full rejection list as a person downloads it: XLSX (streamed, any length) or CSV in UTF-8 with BOM, with
 * Chinese headers. Every text cell goes through {@link FormulaGuard}.
 */
public final class RejectionExports {

    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final String[] HEADERS = {"行号", "列名", "字段", "原始值", "规则代码", "级别", "问题说明"};

    /** Where the rows come from: a function that streams every rejection of the batch to a consumer. */
    @FunctionalInterface
    public interface Source {
        void each(Consumer<Rejection> sink);
    }

    private RejectionExports() {
    }

    static String fileName(Manifest m, String extension) {
        return "问题清单-" + FeedNames.name(m.feed()) + "-" + m.period() + "-" + m.unit().replace(':', '-') + "-"
                + m.batchId() + "." + extension;
    }

    static String severityLabel(Rejection r) {
        return switch (r.severity()) {
            case fatal -> "整批拒收";
            case error -> "错误（该行未入库）";
            case warning -> "提示（该行已入库）";
        };
    }

    static String columnHeader(String feed, String column) {
        if (column == null) {
            return null;
        }
        return Contracts.get().feed(feed).flatMap(f -> f.column(column)).map(ColumnSpec::header).orElse(column);
    }

    public static void csv(OutputStream target, Manifest m, Source source) {
        try {
            BufferedWriter out = new BufferedWriter(new OutputStreamWriter(target, StandardCharsets.UTF_8));
            out.write('\uFEFF');
            out.write(String.join(",", HEADERS));
            out.write("\r\n");
            source.each(r -> {
                try {
                    out.write(r.row() == null ? "" : r.row().toString());
                    for (String cell : new String[] {columnHeader(m.feed(), r.column()), r.column(), r.value(), r.rule(),
                        severityLabel(r), r.message()}) {
                        out.write(',');
                        out.write(csvCell(cell));
                    }
                    out.write("\r\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One CSV field: through FormulaGuard, quoted when it holds a comma, quote or line break (RFC 4180). */
    public static String csvCell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String s = FormulaGuard.neutralise(value);
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    public static void xlsx(OutputStream target, Manifest m, Source source) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            SXSSFSheet sheet = workbook.createSheet("问题清单");
            Row header = sheet.createRow(0);
            for (int i = 0; i < HEADERS.length; i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(HEADERS[i]);
                cell.setCellStyle(bold);
            }
            sheet.createFreezePane(0, 1);
            int[] next = {1};
            source.each(r -> {
                Row row = sheet.createRow(next[0]++);
                if (r.row() != null) {
                    row.createCell(0).setCellValue(r.row());
                }
                text(row, 1, columnHeader(m.feed(), r.column()));
                text(row, 2, r.column());
                text(row, 3, r.value());
                text(row, 4, r.rule());
                text(row, 5, severityLabel(r));
                text(row, 6, r.message());
            });
            int[] widths = {8, 16, 16, 24, 20, 18, 80};
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, widths[i] * 256);
            }
            SXSSFSheet about = workbook.createSheet("批次信息");
            String[][] facts = {
                {"批次号", m.batchId()}, {"数据类型", FeedNames.name(m.feed()) + "（" + m.feed() + "）"},
                {"报送期间", m.period()}, {"报送单位", m.unit()}, {"原文件名", m.originalName()},
                {"接收时间", m.receivedAt()}, {"状态", m.accepted() ? "已接收" : "已拒收"},
                {"拒收原因", m.fatal() == null ? null : m.fatal().message()},
                {"读取行数", String.valueOf(m.rowsRead())}, {"入库行数", String.valueOf(m.rowsLoaded())},
                {"隔离行数", String.valueOf(m.rowsQuarantined())}};
            for (int i = 0; i < facts.length; i++) {
                Row row = about.createRow(i);
                text(row, 0, facts[i][0]);
                text(row, 1, facts[i][1]);
            }
            about.setColumnWidth(0, 14 * 256);
            about.setColumnWidth(1, 60 * 256);
            workbook.write(target);
            target.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            workbook.dispose();
            try {
                workbook.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    static void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            row.createCell(column).setCellValue(FormulaGuard.neutralise(value));
        }
    }
}
