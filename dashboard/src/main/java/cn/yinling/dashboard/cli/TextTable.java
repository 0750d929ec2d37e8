package cn.yinling.dashboard.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A plain-text table for the terminal whose columns line up with Chinese text: a Han character takes two terminal
 * columns, so padding by {@code String.length()} (what {@code %-12s} does) pushes every later column out of line.
 */
final class TextTable {

    enum Align { LEFT, RIGHT }

    private final List<String> header;
    private final Align[] aligns;
    private final List<List<String>> rows = new ArrayList<>();

    private TextTable(List<String> header, Align[] aligns) {
        this.header = header;
        this.aligns = aligns;
    }

    /** Columns named by {@code header}; a name ending in {@code >} is right-aligned (numbers), the mark not printed. */
    static TextTable of(String... header) {
        Align[] aligns = new Align[header.length];
        List<String> names = new ArrayList<>();
        for (int i = 0; i < header.length; i++) {
            boolean right = header[i].endsWith(">");
            aligns[i] = right ? Align.RIGHT : Align.LEFT;
            names.add(right ? header[i].substring(0, header[i].length() - 1) : header[i]);
        }
        return new TextTable(names, aligns);
    }

    TextTable row(String... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("expected " + header.size() + " cells, got " + cells.length);
        }
        rows.add(Arrays.stream(cells).map(c -> c == null ? "" : c).toList());
        return this;
    }

    /** The header and the rows, columns two spaces apart, each line ending in a line break; no trailing blanks. */
    String render() {
        int[] widths = new int[header.size()];
        for (List<String> line : allLines()) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], width(line.get(i)));
            }
        }
        StringBuilder out = new StringBuilder();
        for (List<String> line : allLines()) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < widths.length; i++) {
                String cell = line.get(i);
                String padding = " ".repeat(widths[i] - width(cell));
                if (i > 0) {
                    text.append("  ");
                }
                text.append(aligns[i] == Align.RIGHT ? padding + cell : cell + padding);
            }
            out.append(text.toString().stripTrailing()).append('\n');
        }
        return out.toString();
    }

    private List<List<String>> allLines() {
        List<List<String>> lines = new ArrayList<>(rows.size() + 1);
        lines.add(header);
        lines.addAll(rows);
        return lines;
    }

    /** Terminal columns of a text: two for East Asian wide and full-width characters, one for the others. */
    static int width(String text) {
        return text.codePoints().map(TextTable::width).sum();
    }

    private static int width(int codePoint) {
        boolean wide = (codePoint >= 0x1100 && codePoint <= 0x115F)
                || (codePoint >= 0x2E80 && codePoint <= 0xA4CF && codePoint != 0x303F)
                || (codePoint >= 0xAC00 && codePoint <= 0xD7A3)
                || (codePoint >= 0xF900 && codePoint <= 0xFAFF)
                || (codePoint >= 0xFE30 && codePoint <= 0xFE4F)
                || (codePoint >= 0xFF00 && codePoint <= 0xFF60)
                || (codePoint >= 0xFFE0 && codePoint <= 0xFFE6)
                || (codePoint >= 0x20000 && codePoint <= 0x3FFFD);
        return wide ? 2 : 1;
    }
}
