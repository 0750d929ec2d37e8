package cn.yinling.warehouse.read;

import org.apache.poi.ss.usermodel.DateUtil;

/** Tells date and date-time number formats from plain ones, the way Excel displays a numeric cell. */
final class NumberFormats {

    static final int PLAIN = 1;
    static final int DATE = 2;
    static final int DATE_TIME = 3;

    private NumberFormats() {
    }

    /**
     * @param formatId the numFmtId of the cell style
     * @param format its format code, or POI's placeholder for ids whose code depends on the Excel locale
     */
    static int kind(int formatId, String format) {
        // Ids 27-36 and 50-58 are locale-dependent built-ins; in Chinese Excel and WPS all of them are dates or times
        // (27 yyyy"年"m"月", 31 yyyy"年"m"月"d"日", 32-35 and 55-56 times …) and files often carry no code for them.
        if (formatId >= 27 && formatId <= 36 || formatId >= 50 && formatId <= 58) {
            boolean time = formatId >= 32 && formatId <= 35 || formatId == 55 || formatId == 56;
            return time ? DATE_TIME : DATE;
        }
        boolean date;
        try {
            date = DateUtil.isADateFormat(formatId, format);
        } catch (RuntimeException e) {
            date = false;
        }
        if (!date) {
            return PLAIN;
        }
        return showsTime(formatId, format) ? DATE_TIME : DATE;
    }

    /** Whether the format shows hours or seconds (m alone is ambiguous: minutes or months). */
    static boolean showsTime(int formatId, String format) {
        if (formatId >= 18 && formatId <= 22 || formatId >= 45 && formatId <= 47) {
            return true;
        }
        if (format == null) {
            return false;
        }
        boolean quoted = false;
        boolean bracket = false;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (quoted) {
                quoted = c != '"';
            } else if (c == '"') {
                quoted = true;
            } else if (c == '\\') {
                i++;
            } else if (bracket) {
                if (c == ']') {
                    bracket = false;
                } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
                    return true; // [h]:mm elapsed time
                }
            } else if (c == '[') {
                bracket = true;
            } else if (c == 'h' || c == 'H' || c == 's' || c == 'S') {
                return true;
            }
        }
        return false;
    }
}
