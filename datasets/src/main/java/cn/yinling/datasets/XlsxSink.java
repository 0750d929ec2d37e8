package cn.yinling.datasets;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/** An XLSX file written by streaming (POI SXSSF): constant memory whatever the number of rows. */
final class XlsxSink implements TableSink {

    /** Excel's sheet limit is 1,048,576 rows; units never send more than this in one sheet. */
    static final int MAX_ROWS = 1_000_000;

    private final Path file;
    private final SXSSFWorkbook workbook;
    private final Sheet sheet;
    private final CellStyle dateStyle;
    private int row;

    XlsxSink(Path file, String sheetName, String dateFormat) {
        this.file = file;
        this.workbook = new SXSSFWorkbook(256);
        workbook.setCompressTempFiles(true);
        this.sheet = workbook.createSheet(sheetName);
        this.dateStyle = workbook.createCellStyle();
        dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat(dateFormat));
    }

    @Override
    public int row(Object... cells) {
        if (row >= MAX_ROWS) {
            throw new IllegalStateException("an XLSX sheet may not exceed " + MAX_ROWS + " rows");
        }
        Row r = sheet.createRow(row);
        for (int i = 0; i < cells.length; i++) {
            Object value = cells[i];
            if (value == null || (value instanceof String s && s.isEmpty())) {
                continue;
            }
            Cell cell = r.createCell(i);
            if (value instanceof LocalDate d) {
                cell.setCellValue(d);
                cell.setCellStyle(dateStyle);
            } else if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(value.toString());
            }
        }
        return ++row;
    }

    @Override
    public int blank() {
        return ++row;
    }

    @Override
    public int lastRow() {
        return row;
    }

    @Override
    public void close() throws IOException {
        try (SXSSFWorkbook wb = workbook; OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }
}
