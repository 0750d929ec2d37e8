package cn.yinling.datasets;

import java.time.LocalDate;

/** The written forms units use for dates and sex (spec/feeds.md §2), built without String.format. */
final class CellText {

    private CellText() {
    }

    /** How a file writes its dates. EXCEL writes date cells (XLSX only; a CSV falls back to ISO). */
    enum DateStyle {
        ISO, SLASH, DOT, COMPACT, CHINESE, EXCEL;

        Object cell(int ymd) {
            if (ymd == 0) {
                return null;
            }
            return this == EXCEL ? Ymd.toDate(ymd) : text(ymd);
        }

        String text(int ymd) {
            int y = Ymd.year(ymd);
            int m = Ymd.month(ymd);
            int d = Ymd.day(ymd);
            StringBuilder sb = new StringBuilder(12);
            switch (this) {
                case ISO, EXCEL -> {
                    sb.append(y).append('-');
                    two(sb, m).append('-');
                    two(sb, d);
                }
                case SLASH -> sb.append(y).append('/').append(m).append('/').append(d);
                case DOT -> sb.append(y).append('.').append(m).append('.').append(d);
                case COMPACT -> sb.append(ymd);
                case CHINESE -> sb.append(y).append('年').append(m).append('月').append(d).append('日');
                default -> throw new IllegalStateException();
            }
            return sb.toString();
        }
    }

    enum SexStyle {
        CHINESE, CODE;

        String text(boolean male) {
            if (this == CHINESE) {
                return male ? "男" : "女";
            }
            return male ? "1" : "2";
        }
    }

    static StringBuilder two(StringBuilder sb, int v) {
        if (v < 10) {
            sb.append('0');
        }
        return sb.append(v);
    }

    /** Half-width digits and letters turned full-width (０１２…), as some staff type them. */
    static String fullWidth(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            sb.append(c >= '!' && c <= '~' ? (char) (c - '!' + '！') : c);
        }
        return sb.toString();
    }

    /** An impossible date in a file's style: day 32 of the month, which no date reader may accept. */
    static String impossibleDate(int ymd) {
        StringBuilder sb = new StringBuilder(12);
        sb.append(Ymd.year(ymd)).append('-');
        two(sb, Ymd.month(ymd)).append("-32");
        return sb.toString();
    }

    static int plusDays(int ymd, int days) {
        LocalDate d = Ymd.toDate(ymd).plusDays(days);
        return Ymd.of(d);
    }
}
