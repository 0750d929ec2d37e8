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

    /** How a file writes a month (spec/feeds.md §2): 2024-01, 2024/01, 202401, 2024年1月, or a date of the month. */
    enum MonthStyle {
        ISO, SLASH, COMPACT, CHINESE, FIRST_DAY;

        String text(int year, int month) {
            StringBuilder sb = new StringBuilder(10);
            switch (this) {
                case ISO -> two(sb.append(year).append('-'), month);
                case SLASH -> two(sb.append(year).append('/'), month);
                case COMPACT -> two(sb.append(year), month);
                case CHINESE -> sb.append(year).append('年').append(month).append('月');
                case FIRST_DAY -> two(two(sb.append(year).append('-'), month).append('-'), 1);
                default -> throw new IllegalStateException();
            }
            return sb.toString();
        }
    }

    /** How a file writes yes/no (spec/feeds.md §2 flag). */
    enum FlagStyle {
        CHINESE("是", "否"), LETTER("Y", "N"), DIGIT("1", "0");

        private final String yes;
        private final String no;

        FlagStyle(String yes, String no) {
            this.yes = yes;
            this.no = no;
        }

        String text(boolean value) {
            return value ? yes : no;
        }
    }

    /** How a file writes money: 3124.37, 3,124.37 (thousands separators) or 50元. */
    enum AmountStyle {
        PLAIN, GROUPED, YUAN;

        String text(long fen) {
            String plain = yuan(fen);
            return switch (this) {
                case PLAIN -> plain;
                case GROUPED -> grouped(plain);
                case YUAN -> (fen % 100 == 0 ? Long.toString(fen / 100) : plain) + "元";
            };
        }
    }

    /** Fen as yuan with two decimals: 312437 → 3124.37, -5000 → -50.00. */
    static String yuan(long fen) {
        StringBuilder sb = new StringBuilder(12);
        if (fen < 0) {
            sb.append('-');
            fen = -fen;
        }
        sb.append(fen / 100).append('.');
        return two(sb, (int) (fen % 100)).toString();
    }

    private static String grouped(String plain) {
        int dot = plain.indexOf('.');
        String whole = plain.substring(0, dot);
        boolean negative = whole.startsWith("-");
        String digits = negative ? whole.substring(1) : whole;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                sb.append(',');
            }
            sb.append(digits.charAt(i));
        }
        return (negative ? "-" : "") + sb + plain.substring(dot);
    }

    /** How a file writes a date-time: 2024-01-05 09:30, 2024/1/5 9:30, or 2024-01-05 09:30:00. */
    enum DateTimeStyle {
        ISO_MINUTES, SLASH_SHORT, ISO_SECONDS;

        /** @param minuteOfDay minutes since midnight */
        String text(int ymd, int minuteOfDay) {
            int h = minuteOfDay / 60;
            int mi = minuteOfDay % 60;
            StringBuilder sb = new StringBuilder(20);
            switch (this) {
                case ISO_MINUTES -> two(two(sb.append(DateStyle.ISO.text(ymd)).append(' '), h).append(':'), mi);
                case SLASH_SHORT -> two(sb.append(DateStyle.SLASH.text(ymd)).append(' ').append(h).append(':'), mi);
                case ISO_SECONDS -> two(two(sb.append(DateStyle.ISO.text(ymd)).append(' '), h).append(':'), mi)
                        .append(":00");
                default -> throw new IllegalStateException();
            }
            return sb.toString();
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
