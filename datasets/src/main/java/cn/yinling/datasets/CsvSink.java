package cn.yinling.datasets;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

/** A CSV file: UTF-8 (optionally with BOM) or GB18030, CRLF line ends as Excel writes them, quoting only when needed. */
final class CsvSink implements TableSink {

    private final Writer out;
    private final StringBuilder line = new StringBuilder(256);
    private int row;

    CsvSink(Path file, Charset charset, boolean bom) throws IOException {
        OutputStream stream = Files.newOutputStream(file);
        this.out = new BufferedWriter(new OutputStreamWriter(stream, charset), 1 << 20);
        if (bom) {
            out.write('\uFEFF');
        }
    }

    @Override
    public int row(Object... cells) throws IOException {
        line.setLength(0);
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            Object cell = cells[i];
            if (cell == null) {
                continue;
            }
            if (cell instanceof LocalDate d) {
                line.append(d);
            } else {
                appendEscaped(cell.toString());
            }
        }
        line.append("\r\n");
        out.append(line);
        return ++row;
    }

    private void appendEscaped(String value) {
        boolean quote = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                quote = true;
                break;
            }
        }
        if (!quote) {
            line.append(value);
            return;
        }
        line.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
    }

    @Override
    public int blank() throws IOException {
        out.write("\r\n");
        return ++row;
    }

    @Override
    public int lastRow() {
        return row;
    }

    @Override
    public void close() throws IOException {
        out.close();
    }
}
