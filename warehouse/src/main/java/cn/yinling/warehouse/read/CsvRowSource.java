package cn.yinling.warehouse.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Comma-separated rows as Excel writes and reads them (RFC 4180, leniently): a field in double quotes may hold commas,
 * line breaks and doubled quotes; a quote inside an unquoted field is an ordinary character; text after a closing
 * quote is kept. Lines end with CRLF, LF or CR. A blank line is a row with one empty cell. A line break inside a quoted
 * field is returned as {@code \n}.
 */
final class CsvRowSource implements RowSource {

    /** Excel's own cell limit is 32,767 characters; far beyond it the file is broken, e.g. a quote never closed. */
    static final int MAX_FIELD_CHARS = 1_000_000;
    /** Excel's column limit. */
    static final int MAX_FIELDS = 16_384;

    private final Reader reader;
    private final String encoding;
    private final char[] buf = new char[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    /** The 1-based line the next char belongs to. */
    private int line = 1;
    /** The fields of the row being read: {@code fields[0..fieldCount)}, the array reused from row to row. */
    private String[] fields = new String[32];
    private int fieldCount;
    private final StringBuilder field = new StringBuilder();

    private CsvRowSource(Reader reader, String encoding) {
        this.reader = reader;
        this.encoding = encoding;
    }

    static CsvRowSource open(Path file, byte[] head, int headLength, ByteScan scan) throws FileRefusedException {
        CsvEncoding.Detected detected = CsvEncoding.detect(file, head, headLength, scan);
        try {
            InputStream in = Files.newInputStream(file);
            try {
                in.skipNBytes(detected.bomLength());
            } catch (IOException e) {
                in.close();
                throw e;
            }
            // Already validated for the whole file: decoding errors cannot happen, the default replacement is moot.
            Reader reader = new InputStreamReader(in, detected.charset());
            String name = detected.charset().equals(StandardCharsets.UTF_8) ? "UTF-8" : "GB18030";
            return new CsvRowSource(reader, name);
        } catch (IOException e) {
            throw new FileRefusedException(RowSources.FILE_UNREADABLE, "文件无法读取，请重新上传", e);
        }
    }

    @Override
    public RawRow next() throws IOException {
        if (pos >= limit && !fill()) {
            return null;
        }
        int rowLine = line;
        fieldCount = 0;
        while (true) {
            if (fieldCount >= MAX_FIELDS) {
                throw new FileUnreadableException("第 " + rowLine + " 行的列数超过 " + MAX_FIELDS
                        + "，文件可能已损坏。请检查后另存为 UTF-8 CSV 或 .xlsx 重新上传");
            }
            if (pos >= limit && !fill()) {
                addField(""); // a trailing comma at the end of the file: one last empty field
                return row(rowLine);
            }
            int terminator = buf[pos] == '"' ? readQuotedField(rowLine) : readPlainField(rowLine);
            if (terminator == ',') {
                continue;
            }
            return row(rowLine); // end of line or end of file
        }
    }

    private RawRow row(int rowLine) {
        return new RawRow(rowLine, Arrays.copyOf(fields, fieldCount));
    }

    private void addField(String value) {
        if (fieldCount == fields.length) {
            fields = Arrays.copyOf(fields, 2 * fields.length);
        }
        fields[fieldCount++] = value;
    }

    /** Reads an unquoted field, adds it, and returns what ended it: ',', '\n' (any line end, consumed) or -1 (EOF). */
    private int readPlainField(int rowLine) throws IOException {
        int start = pos;
        while (true) {
            while (pos < limit) {
                char c = buf[pos];
                if (c == ',' || c == '\n' || c == '\r') {
                    String value;
                    if (field.length() == 0) {
                        value = start == pos ? "" : new String(buf, start, pos - start);
                    } else {
                        field.append(buf, start, pos - start);
                        value = field.toString();
                        field.setLength(0);
                    }
                    addField(value);
                    pos++;
                    if (c == ',') {
                        return ',';
                    }
                    endLine(c);
                    return '\n';
                }
                pos++;
            }
            // The buffer ran out inside the field: keep what we have and read on.
            field.append(buf, start, pos - start);
            checkLength(rowLine);
            if (!fill()) {
                addField(field.toString());
                field.setLength(0);
                return -1;
            }
            start = pos;
        }
    }

    /** Reads a field that starts with a quote; same contract as {@link #readPlainField}. */
    private int readQuotedField(int rowLine) throws IOException {
        pos++; // opening quote
        field.setLength(0);
        while (true) {
            if (pos >= limit && !fill()) {
                throw new FileUnreadableException("第 " + rowLine + " 行开始的双引号一直没有闭合，文件到结尾也没有找到对应的引号。"
                        + "请检查该行的双引号，或在 Excel 中另存为 UTF-8 CSV 后重新上传");
            }
            char c = buf[pos++];
            if (c == '"') {
                if (pos >= limit && !fill()) {
                    addField(field.toString());
                    field.setLength(0);
                    return -1;
                }
                if (buf[pos] == '"') {
                    field.append('"');
                    pos++;
                    continue;
                }
                // Closing quote; anything up to the next comma or line end is kept as it is (Excel does the same).
                String quoted = field.toString();
                field.setLength(0);
                int terminator = readPlainField(rowLine);
                int last = fieldCount - 1;
                String rest = fields[last];
                fields[last] = rest.isEmpty() ? quoted : quoted + rest;
                return terminator;
            }
            if (c == '\r') {
                line++;
                if ((pos < limit || fill()) && buf[pos] == '\n') {
                    pos++;
                }
                field.append('\n');
            } else {
                if (c == '\n') {
                    line++;
                }
                field.append(c);
            }
            if ((field.length() & 0xFFF) == 0) {
                checkLength(rowLine);
            }
        }
    }

    /** Consumes the LF of a CRLF and counts the line. */
    private void endLine(char c) throws IOException {
        line++;
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    private void checkLength(int rowLine) throws FileUnreadableException {
        if (field.length() > MAX_FIELD_CHARS) {
            throw new FileUnreadableException("第 " + rowLine + " 行有一个单元格超过 " + MAX_FIELD_CHARS
                    + " 个字符，多半是双引号没有闭合。请检查该行的双引号，或在 Excel 中另存为 UTF-8 CSV 后重新上传");
        }
    }

    private boolean fill() throws IOException {
        if (eof) {
            return false;
        }
        int n;
        do {
            n = reader.read(buf, 0, buf.length);
        } while (n == 0);
        if (n < 0) {
            eof = true;
            pos = 0;
            limit = 0;
            return false;
        }
        pos = 0;
        limit = n;
        return true;
    }

    @Override
    public FileFormat format() {
        return FileFormat.CSV;
    }

    @Override
    public String encoding() {
        return encoding;
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
