package cn.yinling.dashboard.audit;

import cn.yinling.warehouse.export.FormulaGuard;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * An audit list as an XLSX file: one sheet of rows under bold Chinese headers, one sheet saying what the list is.
 * Streamed (any length). Every text cell goes through {@link FormulaGuard}; amounts are numbers with two decimals.
 */
final class AuditWorkbook {

    static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /** A column: its header and width in characters. */
    record Column(String header, int width) {
    }

    private AuditWorkbook() {
    }

    /**
     * @param rows  cells per row: String (text), BigDecimal or other Number (a number), Integer/Long, or null (empty)
     * @param about label and value pairs for the second sheet 说明
     */
    static void write(OutputStream target, String sheetName, List<Column> columns, Iterable<List<Object>> rows,
            List<String[]> about) {
        SXSSFWorkbook workbook = new SXSSFWorkbook(200);
        workbook.setCompressTempFiles(true);
        try {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle money = workbook.createCellStyle();
            DataFormat formats = workbook.createDataFormat();
            money.setDataFormat(formats.getFormat("#,##0.00"));
            SXSSFSheet sheet = workbook.createSheet(sheetName);
            Row header = sheet.createRow(0);
            for (int i = 0; i < columns.size(); i++) {
                Cell cell = header.createCell(i);
                cell.setCellValue(columns.get(i).header());
                cell.setCellStyle(bold);
                sheet.setColumnWidth(i, columns.get(i).width() * 256);
            }
            sheet.createFreezePane(0, 1);
            int next = 1;
            for (List<Object> values : rows) {
                Row row = sheet.createRow(next++);
                for (int i = 0; i < values.size(); i++) {
                    Object value = values.get(i);
                    if (value instanceof BigDecimal amount) {
                        Cell cell = row.createCell(i);
                        cell.setCellValue(amount.doubleValue());
                        cell.setCellStyle(money);
                    } else if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else if (value != null && !value.toString().isEmpty()) {
                        row.createCell(i).setCellValue(FormulaGuard.neutralise(value.toString()));
                    }
                }
            }
            SXSSFSheet notes = workbook.createSheet("说明");
            for (int i = 0; i < about.size(); i++) {
                Row row = notes.createRow(i);
                for (int j = 0; j < about.get(i).length; j++) {
                    String text = about.get(i)[j];
                    if (text != null) {
                        row.createCell(j).setCellValue(FormulaGuard.neutralise(text));
                    }
                }
            }
            notes.setColumnWidth(0, 16 * 256);
            notes.setColumnWidth(1, 80 * 256);
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
}
