package cn.yinling.dashboard.explorer;

import cn.yinling.dashboard.portal.RejectionExports;
import cn.yinling.warehouse.export.FormulaGuard;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A table as a person downloads it from the dashboard: XLSX (a title row naming what the table shows, a line with
 * the data version, the header row, then one row per table row, numbers as number cells) or CSV in UTF-8 with a BOM
 * (the header row first, then the rows, so Chinese Excel opens it correctly and a program can read it back).
 *
 * <p>Every text cell goes through {@link FormulaGuard} (region names come from an uploaded feed). Number cells are
 * numbers the server computed, written as numbers, never text a user typed.
 *
 * @param fileBase the download's name without extension
 * @param title    what the table shows: KPI, region, months (the first row of the XLSX)
 * @param notes    lines under the title: the data version, how changes are counted
 * @param rows     one list of cells per row, as many as columns: a String, a Number, a {@link Num}, or null (empty)
 */
public record ExportTable(String fileBase, String sheetName, String title, List<String> notes, List<Column> columns,
        List<List<Object>> rows) {

    /**
     * @param digits decimals shown in the XLSX for the column's numbers (a cell may say otherwise with {@link Num})
     * @param width  column width in characters
     */
    public record Column(String header, int digits, int width) {

        public static Column text(String header, int width) {
            return new Column(header, 0, width);
        }

        public static Column number(String header, int digits, int width) {
            return new Column(header, digits, width);
        }
    }

    /** A number shown with its own decimals (a column holding KPIs of different units). */
    public record Num(Double value, int digits) {
    }

    public enum Format {
        xlsx("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        csv("text/csv; charset=utf-8");

        private final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String contentType() {
            return contentType;
        }

        /** {@code xlsx} (the default) or {@code csv}. */
        public static Format parse(String text) {
            if (text == null || text.isBlank()) {
                return xlsx;
            }
            for (Format f : values()) {
                if (f.name().equalsIgnoreCase(text.strip())) {
                    return f;
                }
            }
            throw new IllegalArgumentException("导出格式应为 xlsx 或 csv，实际为：" + text);
        }
    }

    public String fileName(Format format) {
        return fileBase + "." + format.name();
    }

    public byte[] write(Format format) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            if (format == Format.xlsx) {
                xlsx(out);
            } else {
                csv(out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void csv(ByteArrayOutputStream target) throws IOException {
        Writer out = new OutputStreamWriter(target, StandardCharsets.UTF_8);
        out.write('\uFEFF');
        out.write(String.join(",", columns.stream().map(c -> RejectionExports.csvCell(c.header())).toList()));
        out.write("\r\n");
        for (List<Object> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                if (i > 0) {
                    out.write(',');
                }
                out.write(csvField(row.get(i)));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /** Numbers in plain notation (no 1.0E7), at most six decimals: the float noise of a difference left out. */
    static String csvField(Object cell) {
        Double number = number(cell);
        if (number != null) {
            return BigDecimal.valueOf(number).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
        }
        return cell instanceof String text ? RejectionExports.csvCell(text) : "";
    }

    private static Double number(Object cell) {
        if (cell instanceof Num num) {
            return num.value();
        }
        return cell instanceof Number n ? n.doubleValue() : null;
    }

    private void xlsx(ByteArrayOutputStream out) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Styles styles = new Styles(workbook);
            Sheet sheet = workbook.createSheet(sheetName);
            int last = Math.max(columns.size() - 1, 1);
            int r = 0;
            Row titleRow = sheet.createRow(r++);
            titleRow.setHeightInPoints(22);
            text(titleRow, 0, title, styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
            for (String note : notes) {
                Row noteRow = sheet.createRow(r);
                text(noteRow, 0, note, styles.note);
                sheet.addMergedRegion(new CellRangeAddress(r, r, 0, last));
                r++;
            }
            Row header = sheet.createRow(r++);
            for (int i = 0; i < columns.size(); i++) {
                text(header, i, columns.get(i).header(), styles.header);
                sheet.setColumnWidth(i, Math.min(columns.get(i).width(), 80) * 256);
            }
            sheet.createFreezePane(0, r);
            for (List<Object> cells : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < cells.size(); i++) {
                    Object cell = cells.get(i);
                    Double number = number(cell);
                    if (number != null) {
                        int digits = cell instanceof Num num ? num.digits() : columns.get(i).digits();
                        Cell c = row.createCell(i);
                        c.setCellValue(number);
                        c.setCellStyle(styles.number(digits));
                    } else if (cell instanceof String s) {
                        text(row, i, s, null);
                    }
                }
            }
            workbook.write(out);
        }
    }

    private static void text(Row row, int column, String value, CellStyle style) {
        if (value == null || value.isEmpty()) {
            return;
        }
        Cell cell = row.createCell(column);
        cell.setCellValue(FormulaGuard.neutralise(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    /** The workbook's styles, made once each (a workbook holds at most 64,000). */
    private static final class Styles {
        final XSSFWorkbook workbook;
        final CellStyle title;
        final CellStyle note;
        final CellStyle header;
        final Map<Integer, CellStyle> numbers = new HashMap<>();

        Styles(XSSFWorkbook workbook) {
            this.workbook = workbook;
            Font big = workbook.createFont();
            big.setBold(true);
            big.setFontHeightInPoints((short) 14);
            title = workbook.createCellStyle();
            title.setFont(big);
            Font grey = workbook.createFont();
            grey.setColor(IndexedColors.GREY_50_PERCENT.getIndex());
            note = workbook.createCellStyle();
            note.setFont(grey);
            Font bold = workbook.createFont();
            bold.setBold(true);
            header = workbook.createCellStyle();
            header.setFont(bold);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            header.setWrapText(true);
        }

        CellStyle number(int digits) {
            return numbers.computeIfAbsent(digits, d -> {
                CellStyle style = workbook.createCellStyle();
                style.setDataFormat(workbook.createDataFormat().getFormat(d == 0 ? "#,##0" : "#,##0." + "0".repeat(d)));
                return style;
            });
        }
    }
}
