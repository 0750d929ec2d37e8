package cn.yinling.warehouse.read;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
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

    private final InputStream in;
    private final Charset charset;
    private final String encoding;
    /**
     * The file is split into fields on its bytes and only each field is decoded: comma, quote, CR and LF are single
     * bytes that never occur inside a multi-byte character, neither in UTF-8 (whose continuation bytes are >= 0x80)
     * nor in GB18030 (whose trailing bytes are >= 0x30), and a field decoded on its own decodes as in the stream.
     */
    private final byte[] buf = new byte[1 << 16];
    private int pos;
    private int limit;
    private boolean eof;
    /** The 1-based line the next byte belongs to. */
    private int line = 1;
    /** The fields of the row being read: {@code fields[0..fieldCount)}, the array reused from row to row. */
    private String[] fields = new String[32];
    private int fieldCount;
    /** Bytes of a field that spans buffers or is quoted: {@code field[0..fieldLength)}. */
    private byte[] field = new byte[1 << 12];
    private int fieldLength;

    private CsvRowSource(InputStream in, Charset charset, String encoding) {
        this.in = in;
        this.charset = charset;
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
            String name = detected.charset().equals(StandardCharsets.UTF_8) ? "UTF-8" : "GB18030";
            return new CsvRowSource(in, detected.charset(), name);
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

    private String decode(byte[] bytes, int offset, int length) {
        return length == 0 ? "" : new String(bytes, offset, length, charset);
    }

    /** The field bytes gathered so far as text; empties the gathering buffer. */
    private String takeField() {
        String value = decode(field, 0, fieldLength);
        fieldLength = 0;
        return value;
    }

    private void appendField(byte[] bytes, int offset, int length) {
        if (fieldLength + length > field.length) {
            field = Arrays.copyOf(field, Math.max(2 * field.length, fieldLength + length));
        }
        System.arraycopy(bytes, offset, field, fieldLength, length);
        fieldLength += length;
    }

    private void appendField(byte b) {
        if (fieldLength == field.length) {
            field = Arrays.copyOf(field, 2 * field.length);
        }
        field[fieldLength++] = b;
    }

    /** Reads an unquoted field, adds it, and returns what ended it: ',', '\n' (any line end, consumed) or -1 (EOF). */
    private int readPlainField(int rowLine) throws IOException {
        int start = pos;
        while (true) {
            byte[] b = buf;
            int p = pos;
            int end = limit;
            while (p < end) {
                byte c = b[p];
                if (c == ',' || c == '\n' || c == '\r') {
                    String value;
                    if (fieldLength == 0) {
                        value = decode(b, start, p - start);
                    } else {
                        appendField(b, start, p - start);
                        value = takeField();
                    }
                    addField(value);
                    pos = p + 1;
                    if (c == ',') {
                        return ',';
                    }
                    endLine(c);
                    return '\n';
                }
                p++;
            }
            pos = p;
            // The buffer ran out inside the field: keep what we have and read on.
            appendField(b, start, p - start);
            checkLength(rowLine);
            if (!fill()) {
                addField(takeField());
                return -1;
            }
            start = pos;
        }
    }

    /** Reads a field that starts with a quote; same contract as {@link #readPlainField}. */
    private int readQuotedField(int rowLine) throws IOException {
        pos++; // opening quote
        fieldLength = 0;
        while (true) {
            if (pos >= limit && !fill()) {
                throw new FileUnreadableException("第 " + rowLine + " 行开始的双引号一直没有闭合，文件到结尾也没有找到对应的引号。"
                        + "请检查该行的双引号，或在 Excel 中另存为 UTF-8 CSV 后重新上传");
            }
            byte c = buf[pos++];
            if (c == '"') {
                if (pos >= limit && !fill()) {
                    addField(takeField());
                    return -1;
                }
                if (buf[pos] == '"') {
                    appendField((byte) '"');
                    pos++;
                    continue;
                }
                // Closing quote; anything up to the next comma or line end is kept as it is (Excel does the same).
                String quoted = takeField();
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
                appendField((byte) '\n');
            } else {
                if (c == '\n') {
                    line++;
                }
                appendField(c);
            }
            if ((fieldLength & 0xFFFF) == 0) {
                checkLength(rowLine);
            }
        }
    }

    /** Consumes the LF of a CRLF and counts the line. */
    private void endLine(byte c) throws IOException {
        line++;
        if (c == '\r' && (pos < limit || fill()) && buf[pos] == '\n') {
            pos++;
        }
    }

    /** A field past the limit in bytes is decoded to count its characters (a Chinese character is 2-4 bytes). */
    private void checkLength(int rowLine) throws FileUnreadableException {
        if (fieldLength > MAX_FIELD_CHARS && decode(field, 0, fieldLength).length() > MAX_FIELD_CHARS) {
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
            n = in.read(buf, 0, buf.length);
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
        in.close();
    }
}
