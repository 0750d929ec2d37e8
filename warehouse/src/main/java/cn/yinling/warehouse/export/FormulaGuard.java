package cn.yinling.warehouse.export;

/**
 * The one guard against formula injection (CSV/spreadsheet injection) for every CSV and XLSX the system writes: a cell
 * whose text starts with {@code = + - @} (or a tab or carriage return, which some spreadsheets skip before looking for
 * a formula) is prefixed with an apostrophe, so Excel and WPS show it as text instead of running it.
 */
public final class FormulaGuard {

    private FormulaGuard() {
    }

    /** The text as it may safely go into a spreadsheet cell; null stays null. */
    public static String neutralise(String text) {
        return isDangerous(text) ? "'" + text : text;
    }

    /** Undoes {@link #neutralise} for a cell this system wrote (reading its own rejections.csv back). */
    public static String restore(String cell) {
        if (cell != null && cell.length() >= 2 && cell.charAt(0) == '\'' && isDangerous(cell.substring(1))) {
            return cell.substring(1);
        }
        return cell;
    }

    public static boolean isDangerous(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    }
}
