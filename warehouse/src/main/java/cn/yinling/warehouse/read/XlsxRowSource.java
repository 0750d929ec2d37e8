package cn.yinling.warehouse.read;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;

/**
 * Streams the first visible sheet of an XLSX file with a StAX pull parser over the sheet XML (POI's XSSFReader gives
 * the parts; the workbook is never loaded whole). Rows come with their Excel row numbers; rows absent from the sheet
 * XML (never touched in Excel) are not returned, rows present with no values are returned with empty cells. Cells
 * missing inside a row are "". Shared strings are held in memory (POI's ReadOnlySharedStringsTable), so their size is
 * checked against the heap before reading.
 *
 * <p>Values: text as typed; date-formatted numbers as {@code 2024-01-05}, or {@code 2024-01-05 10:30:00} when the
 * format shows a time or the value has one; other numbers as plain decimals rounded to Excel's 15 significant digits,
 * without exponent or trailing zeros; booleans as TRUE / FALSE; error cells as their code (#N/A).
 */
final class XlsxRowSource implements RowSource {

    /** Excel's limit for the text of a cell; more means a crafted file. */
    static final int MAX_CELL_CHARS = 32_767;
    static final int MAX_COLUMNS = 16_384;

    private static final String CORRUPT = "文件已损坏或不是有效的 Excel .xlsx 文件，无法读取。请用 Excel 打开确认无误后，" + RowSources.SAVE_AS_HINT;
    private static final String BOMB = "文件内容异常（解压后体积远大于文件本身，可能是恶意构造的压缩文件），系统拒绝读取。请用 Excel 打开后，"
            + RowSources.SAVE_AS_HINT;

    private final OPCPackage pkg;
    private final InputStream sheetStream;
    private final XMLStreamReader xml;
    private final ReadOnlySharedStringsTable sharedStrings;
    private final StylesTable styles;
    private final boolean date1904;
    /** Per cell style: 0 unknown yet, 1 not a date, 2 date, 3 date with time. */
    private byte[] styleKinds = new byte[64];

    private String[] cells = new String[32];
    private int lastRowNumber;
    private boolean done;

    private XlsxRowSource(OPCPackage pkg, InputStream sheetStream, XMLStreamReader xml,
            ReadOnlySharedStringsTable sharedStrings, StylesTable styles, boolean date1904) {
        this.pkg = pkg;
        this.sheetStream = sheetStream;
        this.xml = xml;
        this.sharedStrings = sharedStrings;
        this.styles = styles;
        this.date1904 = date1904;
    }

    static XlsxRowSource open(Path file) throws FileRefusedException {
        long sharedStringsBytes = checkZip(file);
        long heapBudget = Runtime.getRuntime().maxMemory() / 4;
        if (sharedStringsBytes > heapBudget) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, "文件中的文字内容过多（约 "
                    + RowSources.megabytes(sharedStringsBytes) + "），超出系统一次能读取的范围。请在 Excel 中另存为 UTF-8 CSV 后重新上传，或拆分成几个文件");
        }
        OPCPackage pkg = null;
        InputStream sheet = null;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(pkg);
            WorkbookInfo workbook;
            try (InputStream in = reader.getWorkbookData()) {
                workbook = WorkbookInfo.read(in);
            }
            if (workbook.firstVisibleSheetId() == null) {
                throw new FileRefusedException(RowSources.FILE_UNREADABLE,
                        "工作簿中没有可见的工作表。请在 Excel 中取消隐藏要上传的工作表，并把它放在第一个，然后重新上传");
            }
            StylesTable styles = reader.getStylesTable();
            ReadOnlySharedStringsTable sharedStrings = new ReadOnlySharedStringsTable(pkg, false);
            sheet = reader.getSheet(workbook.firstVisibleSheetId());
            XMLStreamReader xml = xmlInputFactory().createXMLStreamReader(sheet);
            return new XlsxRowSource(pkg, sheet, xml, sharedStrings, styles, workbook.date1904());
        } catch (FileRefusedException e) {
            closeQuietly(sheet, pkg);
            throw e;
        } catch (Exception e) {
            closeQuietly(sheet, pkg);
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, isBomb(e) ? BOMB : CORRUPT, e);
        }
    }

    /**
     * Looks at the ZIP directory before POI touches the file: a corrupt archive, too many entries, or an entry that
     * claims to inflate beyond POI's ratio or size limits is refused up front. POI checks the real bytes again while
     * they stream (ZipSecureFile), which catches a directory that lies. Returns the inflated size of the shared
     * strings part.
     */
    private static long checkZip(Path file) throws FileRefusedException {
        long sharedStrings = 0;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            if (zip.size() > ZipSecureFile.getMaxFileCount()) {
                throw new FileRefusedException(RowSources.FILE_UNREADABLE, BOMB);
            }
            double minRatio = ZipSecureFile.getMinInflateRatio();
            long grace = ZipSecureFile.getGraceEntrySize();
            long maxEntry = ZipSecureFile.getMaxEntrySize();
            Enumeration<? extends ZipEntry> entries = zip.entries();
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                long size = entry.getSize();
                long compressed = entry.getCompressedSize();
                if (size > maxEntry || size > grace && compressed >= 0 && (double) compressed / size < minRatio) {
                    throw new FileRefusedException(RowSources.FILE_UNREADABLE, BOMB);
                }
                if (entry.getName().endsWith("sharedStrings.xml")) {
                    sharedStrings = Math.max(sharedStrings, size);
                }
            }
        } catch (ZipException e) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, CORRUPT, e);
        } catch (IOException e) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, CORRUPT, e);
        }
        return sharedStrings;
    }

    private static boolean isBomb(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && (m.contains("Zip bomb") || m.contains("zip bomb") || m.contains("MAX_ENTRY_SIZE")
                    || m.contains("MAX_FILE_COUNT") || m.contains("potentially malicious"))) {
                return true;
            }
        }
        return false;
    }

    static XMLInputFactory xmlInputFactory() {
        XMLInputFactory factory = XMLHelper.newXMLInputFactory();
        factory.setProperty(XMLInputFactory.IS_COALESCING, false);
        return factory;
    }

    @Override
    public RawRow next() throws IOException {
        if (done) {
            return null;
        }
        try {
            return readRow();
        } catch (XMLStreamException | RuntimeException e) {
            done = true;
            throw new FileUnreadableException(isBomb(e) ? BOMB
                    : "第 " + (lastRowNumber + 1) + " 行附近的表格内容已损坏，无法读取。请用 Excel 打开确认无误后，" + RowSources.SAVE_AS_HINT, e);
        } catch (FileUnreadableException e) {
            done = true;
            throw e;
        } catch (IOException e) {
            done = true;
            throw new FileUnreadableException(isBomb(e) ? BOMB : CORRUPT, e);
        }
    }

    private RawRow readRow() throws XMLStreamException, IOException {
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                String r = xml.getAttributeValue(null, "r");
                int rowNumber = r != null ? parseInt(r) : lastRowNumber + 1;
                if (rowNumber <= lastRowNumber) {
                    rowNumber = lastRowNumber + 1; // out-of-order or bad numbers: keep them increasing
                }
                lastRowNumber = rowNumber;
                return new RawRow(rowNumber, readCells());
            }
            if (event == XMLStreamConstants.END_ELEMENT && "sheetData".equals(xml.getLocalName())) {
                break;
            }
        }
        done = true;
        return null;
    }

    /** Reads the cells of the current row up to its end tag. */
    private String[] readCells() throws XMLStreamException, IOException {
        int width = 0;
        int nextColumn = 0;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                break;
            }
            if (event != XMLStreamConstants.START_ELEMENT || !"c".equals(xml.getLocalName())) {
                continue;
            }
            String ref = xml.getAttributeValue(null, "r");
            int column = ref != null ? columnOf(ref) : nextColumn;
            if (column < 0 || column >= MAX_COLUMNS) {
                column = nextColumn;
            }
            String type = xml.getAttributeValue(null, "t");
            String style = xml.getAttributeValue(null, "s");
            String value = readCellValue(type, style);
            nextColumn = column + 1;
            if (value == null || value.isEmpty()) {
                continue;
            }
            if (column >= cells.length) {
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            while (width < column) {
                cells[width++] = "";
            }
            cells[column] = value;
            width = column + 1;
        }
        String[] row = Arrays.copyOf(cells, width);
        return row;
    }

    /** Reads the content of a {@code <c>} element up to its end tag and renders it. */
    private String readCellValue(String type, String style) throws XMLStreamException, IOException {
        String raw = null;
        StringBuilder inline = null;
        int depth = 1;
        boolean inPhonetic = false;
        while (depth > 0) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                depth++;
                String name = xml.getLocalName();
                if ("v".equals(name)) {
                    raw = readText();
                    depth--;
                } else if ("rPh".equals(name)) {
                    inPhonetic = true;
                } else if ("t".equals(name) && !inPhonetic) {
                    if (inline == null) {
                        inline = new StringBuilder();
                    }
                    inline.append(readText());
                    depth--;
                    if (inline.length() > MAX_CELL_CHARS) {
                        throw tooLong();
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
                if ("rPh".equals(xml.getLocalName())) {
                    inPhonetic = false;
                }
            }
        }
        if ("inlineStr".equals(type)) {
            return inline == null ? "" : inline.toString();
        }
        if (raw == null) {
            return "";
        }
        if (type == null || "n".equals(type)) {
            return renderNumber(raw, style);
        }
        switch (type) {
            case "s":
                int index = parseInt(raw);
                if (index < 0 || index >= sharedStrings.getCount()) {
                    throw new FileUnreadableException(CORRUPT);
                }
                return sharedStrings.getItemAt(index).getString();
            case "b":
                return "1".equals(raw) || "true".equals(raw) ? "TRUE" : "FALSE";
            case "d":
                return raw.endsWith("T00:00:00") ? raw.substring(0, raw.length() - 9) : raw.replace('T', ' ');
            default: // str (formula text), e (#N/A …)
                return raw;
        }
    }

    /** The text of the current element, with a length cap (the elements read here hold text only). */
    private String readText() throws XMLStreamException, IOException {
        String first = null;
        StringBuilder more = null;
        while (true) {
            int event = xml.next();
            if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE || event == XMLStreamConstants.ENTITY_REFERENCE) {
                String text = xml.getText();
                if (first == null) {
                    first = text;
                } else {
                    if (more == null) {
                        more = new StringBuilder(first);
                    }
                    more.append(text);
                    if (more.length() > MAX_CELL_CHARS) {
                        throw tooLong();
                    }
                }
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                break;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                throw new FileUnreadableException(CORRUPT);
            }
        }
        String text = more != null ? more.toString() : first != null ? first : "";
        if (text.length() > MAX_CELL_CHARS) {
            throw tooLong();
        }
        return text;
    }

    private FileUnreadableException tooLong() {
        return new FileUnreadableException("第 " + lastRowNumber + " 行有单元格超过 Excel 允许的 " + MAX_CELL_CHARS
                + " 个字符，文件可能是恶意构造或已损坏。请用 Excel 打开后，" + RowSources.SAVE_AS_HINT);
    }

    private String renderNumber(String raw, String style) throws FileUnreadableException {
        int kind = style == null ? 1 : styleKind(parseInt(style));
        if (kind >= 2) {
            double serial;
            try {
                serial = Double.parseDouble(raw);
            } catch (NumberFormatException e) {
                throw new FileUnreadableException(CORRUPT, e);
            }
            if (serial >= 0 && serial < 1 && kind == 3) {
                return time(Math.round(serial * 86_400d));
            }
            if (DateUtil.isValidExcelDate(serial)) {
                LocalDateTime t = DateUtil.getLocalDateTime(serial, date1904, true);
                if (t != null) {
                    int secondOfDay = t.toLocalTime().toSecondOfDay();
                    String date = t.toLocalDate().toString();
                    return kind == 3 || secondOfDay != 0 ? date + " " + time(secondOfDay) : date;
                }
            }
        }
        return plainNumber(raw);
    }

    private static String time(long secondOfDay) {
        long h = secondOfDay / 3600 % 24;
        long m = secondOfDay / 60 % 60;
        long s = secondOfDay % 60;
        return (h < 10 ? "0" : "") + h + (m < 10 ? ":0" : ":") + m + (s < 10 ? ":0" : ":") + s;
    }

    private static final MathContext EXCEL_PRECISION = new MathContext(15, RoundingMode.HALF_EVEN);

    /** 12, 12.5, 0.3 (not 0.30000000000000004: Excel shows 15 significant digits), 110105194912310000. */
    static String plainNumber(String raw) {
        int len = raw.length();
        boolean digitsOnly = len > 0 && len <= 15;
        for (int i = 0; i < len && digitsOnly; i++) {
            char c = raw.charAt(i);
            digitsOnly = c >= '0' && c <= '9';
        }
        if (digitsOnly && (len == 1 || raw.charAt(0) != '0')) {
            return raw;
        }
        try {
            BigDecimal value = new BigDecimal(raw);
            if (value.precision() > 15) {
                value = value.round(EXCEL_PRECISION);
            }
            value = value.stripTrailingZeros();
            if (value.signum() == 0) {
                return "0";
            }
            return value.scale() < 0 ? value.setScale(0).toPlainString() : value.toPlainString();
        } catch (NumberFormatException e) {
            return raw;
        }
    }

    /** 1 plain number, 2 date, 3 date with time (a format that shows hours or seconds). */
    private int styleKind(int styleIndex) {
        if (styles == null || styleIndex < 0) {
            return 1;
        }
        if (styleIndex >= styleKinds.length) {
            styleKinds = Arrays.copyOf(styleKinds, Math.max(styleIndex + 1, styleKinds.length * 2));
        }
        if (styleKinds[styleIndex] == 0) {
            styleKinds[styleIndex] = (byte) classifyStyle(styleIndex);
        }
        return styleKinds[styleIndex];
    }

    private int classifyStyle(int styleIndex) {
        if (styleIndex >= styles.getNumCellStyles()) {
            return 1;
        }
        XSSFCellStyle style = styles.getStyleAt(styleIndex);
        if (style == null) {
            return 1;
        }
        int formatId = style.getDataFormat() & 0xFFFF;
        String format = style.getDataFormatString();
        return NumberFormats.kind(formatId, format);
    }

    private static int columnOf(String ref) {
        int column = 0;
        int i = 0;
        for (; i < ref.length(); i++) {
            char c = ref.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                column = column * 26 + (c - 'A' + 1);
            } else if (c >= 'a' && c <= 'z') {
                column = column * 26 + (c - 'a' + 1);
            } else {
                break;
            }
            if (column > MAX_COLUMNS) {
                return -1;
            }
        }
        return i == 0 ? -1 : column - 1;
    }

    private static int parseInt(String s) {
        int v = 0;
        int len = s.length();
        if (len == 0 || len > 9) {
            return -1;
        }
        for (int i = 0; i < len; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    @Override
    public FileFormat format() {
        return FileFormat.XLSX;
    }

    @Override
    public String encoding() {
        return null;
    }

    @Override
    public void close() throws IOException {
        done = true;
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a reader over a stream we close next: nothing to keep
        }
        closeQuietly(sheetStream, pkg);
    }

    private static void closeQuietly(InputStream in, OPCPackage pkg) {
        try {
            if (in != null) {
                in.close();
            }
        } catch (IOException e) {
            // the stream belongs to the package closed next
        }
        if (pkg != null) {
            pkg.revert(); // opened read-only: revert closes without trying to save
        }
    }
}
