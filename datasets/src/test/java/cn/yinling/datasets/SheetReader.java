package cn.yinling.datasets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Test-side reader of generated files, independent of the generator's writers: every row as the user sees it
 * (index 0 = row 1), cells as text; XLSX date cells as yyyy-MM-dd, numbers without decimals.
 */
final class SheetReader {

    private SheetReader() {
    }

    static List<String[]> read(Path file) throws IOException {
        return file.toString().endsWith(".xlsx") ? readXlsx(file) : readCsv(file);
    }

    /** "UTF-8 BOM", "UTF-8" or "GB18030", decided from the bytes. */
    static String encoding(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        if (bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB && (bytes[2] & 0xFF) == 0xBF) {
            return "UTF-8 BOM";
        }
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return "UTF-8";
        } catch (CharacterCodingException e) {
            return "GB18030";
        }
    }

    static List<String[]> readCsv(Path file) throws IOException {
        String enc = encoding(file);
        byte[] bytes = Files.readAllBytes(file);
        String text = enc.equals("GB18030") ? new String(bytes, Charset.forName("GB18030"))
                : new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> rows = new ArrayList<>();
        for (String line : text.split("\r\n", -1)) {
            rows.add(splitCsv(line));
        }
        if (!rows.isEmpty() && rows.get(rows.size() - 1).length == 1 && rows.get(rows.size() - 1)[0].isEmpty()) {
            rows.remove(rows.size() - 1); // after the last line end
        }
        return rows;
    }

    /** One CSV line (quotes as RFC 4180) into its fields. */
    static String[] splitCsv(String line) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells.toArray(String[]::new);
    }

    static List<String[]> readXlsx(Path file) throws IOException {
        List<String[]> rows = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); Workbook wb = new XSSFWorkbook(in)) {
            Sheet sheet = wb.getSheetAt(0);
            for (int r = 0; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    rows.add(new String[0]);
                    continue;
                }
                String[] cells = new String[Math.max(0, row.getLastCellNum())];
                for (int c = 0; c < cells.length; c++) {
                    Cell cell = row.getCell(c);
                    cells[c] = cell == null ? "" : text(cell);
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String text(Cell cell) {
        if (cell.getCellType() == CellType.NUMERIC) {
            if (DateUtil.isCellDateFormatted(cell)) {
                LocalDate d = cell.getLocalDateTimeCellValue().toLocalDate();
                return d.toString();
            }
            double v = cell.getNumericCellValue();
            return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
        }
        return cell.getStringCellValue();
    }
}
