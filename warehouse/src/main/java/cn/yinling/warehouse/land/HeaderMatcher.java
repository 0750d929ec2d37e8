package cn.yinling.warehouse.land;

import cn.yinling.warehouse.contract.ColumnSpec;
import cn.yinling.warehouse.contract.FeedContract;
import cn.yinling.warehouse.read.RawRow;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds a feed's header row and maps its cells to the contract's columns. A header matches a column by its Chinese
 * header or its English key, ignoring case, spaces, full-/half-width differences, a trailing （元）/(元), and the
 * asterisks templates put on required columns.
 */
final class HeaderMatcher {

    /** Layout of a detected header row: for each contract column, the index of its cell, or -1 when absent. */
    record Layout(int headerRow, int[] cellOfColumn, List<Rejection> extraColumns) {
    }

    private final FeedContract contract;
    private final Map<String, Integer> columnByName = new HashMap<>();
    private final List<Integer> requiredColumns = new ArrayList<>();

    HeaderMatcher(FeedContract contract) {
        this.contract = contract;
        List<ColumnSpec> columns = contract.columns();
        for (int i = 0; i < columns.size(); i++) {
            ColumnSpec c = columns.get(i);
            columnByName.put(normalise(c.header()), i);
            columnByName.putIfAbsent(normalise(c.key()), i);
            if (c.required()) {
                requiredColumns.add(i);
            }
        }
    }

    static String normalise(String header) {
        if (header == null) {
            return "";
        }
        String s = Normalizer.normalize(header, Normalizer.Form.NFKC);
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '\uFEFF') {
                b.append(c);
            }
        }
        String n = b.toString().toLowerCase(Locale.ROOT);
        if (n.endsWith("(元)")) {
            n = n.substring(0, n.length() - 3);
        }
        while (n.startsWith("*")) {
            n = n.substring(1);
        }
        while (n.endsWith("*")) {
            n = n.substring(0, n.length() - 1);
        }
        return n;
    }

    /** How many of the feed's required columns the row names. */
    int requiredMatches(RawRow row) {
        boolean[] seen = seenColumns(row);
        int n = 0;
        for (int i : requiredColumns) {
            if (seen[i]) {
                n++;
            }
        }
        return n;
    }

    boolean isHeader(RawRow row) {
        return requiredMatches(row) == requiredColumns.size();
    }

    private boolean[] seenColumns(RawRow row) {
        boolean[] seen = new boolean[contract.columns().size()];
        for (String cell : row.cells()) {
            Integer column = columnByName.get(normalise(cell));
            if (column != null) {
                seen[column] = true;
            }
        }
        return seen;
    }

    /** Maps a header row; unknown and repeated headers become EXTRA_COLUMN warnings. */
    Layout layout(RawRow header) {
        int[] cellOfColumn = new int[contract.columns().size()];
        Arrays.fill(cellOfColumn, -1);
        List<Rejection> extra = new ArrayList<>();
        String[] cells = header.cells();
        for (int cell = 0; cell < cells.length; cell++) {
            String text = cells[cell] == null ? "" : cells[cell].strip();
            if (text.isEmpty()) {
                continue;
            }
            Integer column = columnByName.get(normalise(text));
            if (column == null) {
                extra.add(new Rejection(header.rowNumber(), text, text, Rules.EXTRA_COLUMN, Severity.warning,
                        "未知列「" + text + "」不在" + contract.name() + "模板中，已忽略；如需报送该项请使用模板列名。"));
            } else if (cellOfColumn[column] >= 0) {
                extra.add(new Rejection(header.rowNumber(), text, text, Rules.EXTRA_COLUMN, Severity.warning,
                        "列「" + contract.columns().get(column).header() + "」重复出现，只读取第一列，本列已忽略；请删除重复列。"));
            } else {
                cellOfColumn[column] = cell;
            }
        }
        return new Layout(header.rowNumber(), cellOfColumn, extra);
    }

    /** HEADER_MISSING message: which required headers are missing and what the best candidate row held. */
    String missingMessage(RawRow best) {
        boolean[] seen = best == null ? new boolean[contract.columns().size()] : seenColumns(best);
        List<String> missing = new ArrayList<>();
        for (int i : requiredColumns) {
            if (!seen[i]) {
                missing.add(contract.columns().get(i).header());
            }
        }
        List<String> found = new ArrayList<>();
        if (best != null) {
            for (String cell : best.cells()) {
                if (cell != null && !cell.isBlank()) {
                    found.add(cell.strip());
                }
            }
        }
        return "缺少必填列：" + String.join("、", missing) + "。文件中找到的表头为："
                + (found.isEmpty() ? "（无）" : String.join("、", found))
                + "。请按" + contract.name() + "模板补齐列名后重新上传。";
    }
}
