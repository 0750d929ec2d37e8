package cn.yinling.warehouse.land;

import cn.yinling.warehouse.export.FormulaGuard;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * rejections.csv of a batch: UTF-8 with BOM (Excel opens it without garbling), columns
 * row,column,value,rule,severity,message. Cells go through {@link FormulaGuard} so a spreadsheet never runs one as a
 * formula; {@link #read} removes that prefix again.
 */
final class RejectionsCsv {

    static final String FILE_NAME = "rejections.csv";
    private static final String HEADER = "row,column,value,rule,severity,message";

    private RejectionsCsv() {
    }

    /** Streams rejections to a file. */
    static final class Writer implements AutoCloseable {
        private final BufferedWriter out;

        Writer(Path file) throws IOException {
            out = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(file), StandardCharsets.UTF_8));
            out.write('\uFEFF');
            out.write(HEADER);
            out.write("\r\n");
        }

        void write(Rejection r) throws IOException {
            out.write(r.row() == null ? "" : r.row().toString());
            out.write(',');
            out.write(cell(r.column()));
            out.write(',');
            out.write(cell(r.value()));
            out.write(',');
            out.write(cell(r.rule()));
            out.write(',');
            out.write(cell(r.severity().name()));
            out.write(',');
            out.write(cell(r.message()));
            out.write("\r\n");
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    static String cell(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String s = FormulaGuard.neutralise(value);
        boolean quote = false;
        for (int i = 0; i < s.length() && !quote; i++) {
            char c = s.charAt(i);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    private static String uncell(String s) {
        return FormulaGuard.restore(s);
    }

    /** Every rejection of a rejections.csv, in file order. */
    static void read(Path file, Consumer<Rejection> sink) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            int c = in.read();
            if (c != '\uFEFF' && c != -1) {
                throw new IOException("rejections.csv without BOM: " + file);
            }
            List<String> header = record(in);
            if (header == null || !String.join(",", header).equals(HEADER)) {
                throw new IOException("unexpected rejections.csv header: " + file);
            }
            List<String> fields;
            while ((fields = record(in)) != null) {
                if (fields.size() != 6) {
                    throw new IOException("malformed rejections.csv record in " + file);
                }
                Integer row = fields.get(0).isEmpty() ? null : Integer.valueOf(fields.get(0));
                sink.accept(new Rejection(row, nullIfEmpty(uncell(fields.get(1))), nullIfEmpty(uncell(fields.get(2))),
                        fields.get(3), Severity.valueOf(fields.get(4)), uncell(fields.get(5))));
            }
        }
    }

    private static String nullIfEmpty(String s) {
        return s.isEmpty() ? null : s;
    }

    /** One CSV record (RFC 4180), or null at the end. */
    private static List<String> record(Reader in) throws IOException {
        List<String> fields = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int c = in.read();
        if (c == -1) {
            return null;
        }
        boolean quoted = false;
        while (true) {
            if (quoted) {
                if (c == -1) {
                    throw new IOException("unterminated quote in rejections.csv");
                }
                if (c == '"') {
                    int next = in.read();
                    if (next == '"') {
                        field.append('"');
                    } else {
                        quoted = false;
                        c = next;
                        continue;
                    }
                } else {
                    field.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                fields.add(field.toString());
                field.setLength(0);
            } else if (c == '\r') {
                // part of the CRLF line end
            } else if (c == '\n' || c == -1) {
                fields.add(field.toString());
                return fields;
            } else {
                field.append((char) c);
            }
            c = in.read();
        }
    }
}
