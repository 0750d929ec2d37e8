package cn.yinling.warehouse.parse;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;

/**
 * Readers for the value types of spec/feeds.md §2. Each takes a cell already passed through {@link #clean} and never
 * null; an error carries its rule code (ID_FORMAT, ID_CHECKSUM, USCC_CHECKSUM, TYPE_FORMAT) and a Chinese message that
 * says what to fix.
 *
 * <p>Landing runs these on every cell of files with millions of rows, so the common forms are read by hand, char by
 * char, without regular expressions, formatters or intermediate strings.
 */
public final class Values {

    public static final String ID_FORMAT = "ID_FORMAT";
    public static final String ID_CHECKSUM = "ID_CHECKSUM";
    public static final String USCC_CHECKSUM = "USCC_CHECKSUM";
    public static final String TYPE_FORMAT = "TYPE_FORMAT";
    public static final String RANGE = "RANGE";

    /** Years a date cell may carry; outside them the value is almost surely a typing error. */
    static final int MIN_YEAR = 1800;
    static final int MAX_YEAR = 2200;

    private static final LocalDate ID_MIN_BIRTH = LocalDate.of(1880, 1, 1);

    /**
     * The LocalDate of each day of MIN_YEAR..MAX_YEAR, made on first use: a file of millions of rows holds a few
     * thousand distinct dates, and LocalDate.of validates its fields every time. LocalDate is immutable, so a racy
     * first fill by two threads is harmless.
     */
    private static final LocalDate[] DATES = new LocalDate[(MAX_YEAR - MIN_YEAR + 1) * 12 * 31];

    /** Excel's 1900 date system: serial 1 is 1900-01-01, but Excel counts a 29 Feb 1900 that never was. */
    private static final long EXCEL_EPOCH_DAY = LocalDate.of(1899, 12, 30).toEpochDay();
    /**
     * Serial numbers accepted in a date column: 1908-03-18 (3000) to 2100-12-31. Smaller whole numbers are far more
     * likely a year (2024) or a typing error than a date before 1908.
     */
    static final int MIN_SERIAL = 3000;
    static final int MAX_SERIAL = (int) (LocalDate.of(2100, 12, 31).toEpochDay() - EXCEL_EPOCH_DAY);

    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final char[] ID_CHECK_CHARS = {'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};

    private static final String USCC_ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static final int[] USCC_WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
    /** Value of each ASCII character in the USCC alphabet, -1 when not allowed (I, O, Z, S, V and the rest). */
    private static final int[] USCC_VALUE = new int[128];

    static {
        java.util.Arrays.fill(USCC_VALUE, -1);
        for (int i = 0; i < USCC_ALPHABET.length(); i++) {
            USCC_VALUE[USCC_ALPHABET.charAt(i)] = i;
        }
    }

    private static final long MAX_AMOUNT_CENTS = 99_999_999_999_999L; // DECIMAL(14,2)

    private Values() {
    }

    // ------------------------------------------------------------------------------------------------ cleaning

    /** Trimmed and NFKC-normalised; null for an empty cell or an empty marker (无, /, -, —). */
    public static String clean(String raw) {
        String s = normalize(raw);
        if (s == null) {
            return null;
        }
        return isEmptyMarker(s) ? null : s;
    }

    /**
     * Trimmed and NFKC-normalised like {@link #clean}, null only when nothing is left; the empty markers (无, /, -, —)
     * are kept. For the one column where 无 is a value of its code list (living_status.hardship: 无 = none).
     */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        int len = raw.length();
        int i = 0;
        while (i < len && raw.charAt(i) < 0x80) {
            i++;
        }
        if (i == len) {
            // Plain ASCII, the bulk of the cells: NFKC changes nothing; String.trim drops spaces and control chars.
            String t = raw.trim();
            return t.isEmpty() ? null : t;
        }
        String s = isNfkcStable(raw, i) || Normalizer.isNormalized(raw, Normalizer.Form.NFKC) ? raw
                : Normalizer.normalize(raw, Normalizer.Form.NFKC);
        int start = 0;
        int end = s.length();
        while (start < end && isBlankChar(s.charAt(start))) {
            start++;
        }
        while (end > start && isBlankChar(s.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return null;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /**
     * Whether the text from {@code from} on holds only ASCII and CJK Unified Ideographs (basic block and extension A):
     * characters with no decomposition that never combine with a neighbour, so the text is in NFKC already. A Chinese
     * name is the common case; the full check of the Normalizer costs more than the rest of reading the cell.
     */
    private static boolean isNfkcStable(String s, int from) {
        for (int i = from, n = s.length(); i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x80 && (c < 0x3400 || c > 0x9FFF || c > 0x4DBF && c < 0x4E00)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isBlankChar(char c) {
        return c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF' || c == '\u200B'
                || c == '\u200C' || c == '\u200D' || c == '\u2060';
    }

    private static boolean isEmptyMarker(String s) {
        switch (s.length()) {
            case 1: {
                char c = s.charAt(0);
                return c == '无' || c == '/' || c == '-' || c == '—' || c == '\u2013';
            }
            case 2:
                return s.equals("——") || s.equals("--");
            default:
                return false;
        }
    }

    // ------------------------------------------------------------------------------------------------ ID number

    /** 18 characters with a verified check digit, or 15 digits upgraded; birth date real, not future, not before 1880. */
    public static Parsed<IdNumber> idNumber(String cell, LocalDate today) {
        if (cell == null) {
            return Parsed.empty();
        }
        String s = cell;
        if (s.length() != 18 && s.length() != 15) {
            s = stripDecorations(s);
        }
        int len = s.length();
        if (len == 18) {
            for (int i = 0; i < 17; i++) {
                if (!isDigit(s.charAt(i))) {
                    return Parsed.error(ID_FORMAT, "公民身份号码第" + (i + 1) + "位不是数字：18位号码的前17位应为数字，最后一位为数字或X，请核对");
                }
            }
            char last = s.charAt(17);
            if (!isDigit(last) && last != 'X' && last != 'x') {
                return Parsed.error(ID_FORMAT, "公民身份号码第18位应为数字或X，请核对");
            }
            int year = digits(s, 6, 4);
            int month = digits(s, 10, 2);
            int day = digits(s, 12, 2);
            String birthError = birthDateError(year, month, day, today, s, 6, 14, "第7-14位");
            if (birthError != null) {
                return Parsed.error(ID_FORMAT, birthError);
            }
            char expected = idCheckChar(s);
            char actual = last == 'x' ? 'X' : last;
            if (expected != actual) {
                return Parsed.error(ID_CHECKSUM, "公民身份号码校验位错误，请核对第18位");
            }
            String value = last == 'x' ? s.substring(0, 17) + 'X' : s;
            return Parsed.ok(new IdNumber(value, dateOf(year, month, day), sexOfDigit(s.charAt(16))));
        }
        if (len == 15) {
            for (int i = 0; i < 15; i++) {
                if (!isDigit(s.charAt(i))) {
                    return Parsed.error(ID_FORMAT, "公民身份号码第" + (i + 1) + "位不是数字：15位旧号码应全部为数字，请核对");
                }
            }
            int year = 1900 + digits(s, 6, 2);
            int month = digits(s, 8, 2);
            int day = digits(s, 10, 2);
            String birthError = birthDateError(year, month, day, today, s, 6, 12, "第7-12位");
            if (birthError != null) {
                return Parsed.error(ID_FORMAT, birthError);
            }
            char[] upgraded = new char[18];
            s.getChars(0, 6, upgraded, 0);
            upgraded[6] = '1';
            upgraded[7] = '9';
            s.getChars(6, 15, upgraded, 8);
            upgraded[17] = idCheckChar(upgraded);
            return Parsed.ok(new IdNumber(new String(upgraded), dateOf(year, month, day),
                    sexOfDigit(s.charAt(14))));
        }
        return Parsed.error(ID_FORMAT, "公民身份号码应为18位（旧版为15位），现在是" + len + "位，请核对是否漏填或多填");
    }

    /** Drops what people put around a number so Excel keeps it as text: a leading ', a ="..." formula, inner spaces. */
    private static String stripDecorations(String s) {
        if (s.startsWith("=\"") && s.endsWith("\"") && s.length() >= 3) {
            s = s.substring(2, s.length() - 1);
        }
        if (s.startsWith("'")) {
            s = s.substring(1);
        }
        if (s.indexOf(' ') >= 0) {
            s = s.replace(" ", "");
        }
        return s;
    }

    private static String birthDateError(int year, int month, int day, LocalDate today, String id, int from, int to,
            String where) {
        if (month < 1 || month > 12 || day < 1 || day > lengthOfMonth(year, month)) {
            return "公民身份号码中的出生日期“" + id.substring(from, to) + "”不存在，请核对" + where;
        }
        if (year < 1880) {
            return "公民身份号码中的出生日期" + year + "年早于1880年，请核对" + where;
        }
        if (today != null && (year * 10000 + month * 100 + day) > (today.getYear() * 10000 + today.getMonthValue() * 100
                + today.getDayOfMonth())) {
            return "公民身份号码中的出生日期" + LocalDate.of(year, month, day) + "晚于今天，请核对" + where;
        }
        return null;
    }

    /** ISO 7064 MOD 11-2 check character over the first 17 digits. */
    static char idCheckChar(CharSequence first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17.charAt(i) - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS[sum % 11];
    }

    private static char idCheckChar(char[] first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            sum += (first17[i] - '0') * ID_WEIGHTS[i];
        }
        return ID_CHECK_CHARS[sum % 11];
    }

    private static String sexOfDigit(char c) {
        return ((c - '0') & 1) == 1 ? "M" : "F";
    }

    // ------------------------------------------------------------------------------------------------ USCC

    /** Unified social credit code, check character verified (GB 32100-2015). */
    public static Parsed<String> uscc(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        String s = cell.length() == 18 ? cell : stripDecorations(cell);
        if (s.length() != 18) {
            return Parsed.error(USCC_CHECKSUM, "统一社会信用代码应为18位，现在是" + s.length() + "位，请核对是否漏填或多填");
        }
        boolean lower = false;
        int sum = 0;
        int checkValue = -1;
        for (int i = 0; i < 18; i++) {
            char c = s.charAt(i);
            if (c >= 'a' && c <= 'z') {
                c = (char) (c - 32);
                lower = true;
            }
            int v = c < 128 ? USCC_VALUE[c] : -1;
            if (v < 0) {
                return Parsed.error(USCC_CHECKSUM, "统一社会信用代码第" + (i + 1) + "位“" + s.charAt(i)
                        + "”不是允许的字符（只用数字和大写字母，不用 I、O、Z、S、V），请核对");
            }
            if (i < 17) {
                sum += v * USCC_WEIGHTS[i];
            } else {
                checkValue = v;
            }
        }
        int expected = (31 - sum % 31) % 31;
        if (expected != checkValue) {
            return Parsed.error(USCC_CHECKSUM, "统一社会信用代码校验位错误，请核对第18位（应与营业执照一致）");
        }
        return Parsed.ok(lower ? s.toUpperCase(java.util.Locale.ROOT) : s);
    }

    // ------------------------------------------------------------------------------------------------ dates

    /**
     * 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日, an Excel serial number, or an XLSX date cell. A time
     * after the date ({@code 2024-01-05 00:00:00}, as date-time cells come) is accepted and dropped.
     */
    public static Parsed<LocalDate> date(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        long scanned = scanDate(cell, 0);
        if (scanned >= 0) {
            int end = (int) (scanned >>> 32);
            if (end == cell.length() || scanTime(cell, end) >= 0) {
                return Parsed.ok(unpackDate(scanned));
            }
            return Parsed.error(TYPE_FORMAT, dateMessage(cell));
        }
        if (scanned == SCAN_NO_SUCH_DAY) {
            return Parsed.error(TYPE_FORMAT, noSuchDayMessage(cell));
        }
        if (scanned == SCAN_YEAR_RANGE) {
            return Parsed.error(TYPE_FORMAT, "日期的年份超出范围：“" + shown(cell) + "”，请核对年份");
        }
        double serial = serial(cell);
        if (!Double.isNaN(serial)) {
            if (serial >= MIN_SERIAL && serial < MAX_SERIAL + 1) {
                return Parsed.ok(LocalDate.ofEpochDay(EXCEL_EPOCH_DAY + (long) serial));
            }
            if (serial >= 1000 && serial < 10000 && serial == Math.floor(serial)) {
                return Parsed.error(TYPE_FORMAT, "“" + shown(cell) + "”像是年份而不是日期，请填写完整日期，如 2024-01-05");
            }
        }
        return Parsed.error(TYPE_FORMAT, dateMessage(cell));
    }

    /**
     * A date form followed by H:MM or HH:MM:SS (a space or T between), or an Excel serial number with a fraction for
     * the time. A date with no time is an error: a time column needs the time.
     */
    public static Parsed<LocalDateTime> dateTime(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        long scanned = scanDate(cell, 0);
        if (scanned >= 0) {
            int end = (int) (scanned >>> 32);
            if (end == cell.length()) {
                return Parsed.error(TYPE_FORMAT, "时间缺少时和分：“" + shown(cell) + "”，请按 2024-01-05 10:30 的格式填写");
            }
            long nanoOfDay = scanTime(cell, end);
            if (nanoOfDay >= 0) {
                return Parsed.ok(LocalDateTime.of(unpackDate(scanned), LocalTime.ofNanoOfDay(nanoOfDay)));
            }
            return Parsed.error(TYPE_FORMAT, dateTimeMessage(cell));
        }
        if (scanned == SCAN_NO_SUCH_DAY) {
            return Parsed.error(TYPE_FORMAT, noSuchDayMessage(cell));
        }
        double serial = serial(cell);
        if (!Double.isNaN(serial) && serial >= MIN_SERIAL && serial < MAX_SERIAL + 1) {
            long days = (long) serial;
            long seconds = Math.round((serial - days) * 86_400d);
            return Parsed.ok(LocalDate.ofEpochDay(EXCEL_EPOCH_DAY + days).atStartOfDay().plusSeconds(seconds));
        }
        return Parsed.error(TYPE_FORMAT, dateTimeMessage(cell));
    }

    /** 2024-01, 2024/01, 2024.01, 202401, 2024年1月, or any date; the first day of the month. */
    public static Parsed<LocalDate> month(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        int len = cell.length();
        int run = digitRun(cell, 0);
        if (run == 6 && len == 6) {
            return monthOf(cell, digits(cell, 0, 4), digits(cell, 4, 2));
        }
        if (run == 4 && len > 5) {
            char sep = cell.charAt(4);
            if (sep == '-' || sep == '/' || sep == '.' || sep == '年') {
                int monthRun = digitRun(cell, 5);
                int end = 5 + monthRun;
                if (monthRun == 1 || monthRun == 2) {
                    boolean whole;
                    if (sep == '年') {
                        whole = end < len && cell.charAt(end) == '月'
                                && (end + 1 == len || end + 2 == len && cell.charAt(end + 1) == '份');
                    } else {
                        whole = end == len;
                    }
                    if (whole) {
                        return monthOf(cell, digits(cell, 0, 4), digits(cell, 5, monthRun));
                    }
                }
            }
        }
        Parsed<LocalDate> asDate = date(cell);
        if (asDate.value() != null) {
            return Parsed.ok(asDate.value().withDayOfMonth(1));
        }
        return Parsed.error(TYPE_FORMAT, "月份无法识别：“" + shown(cell) + "”，请按 2024-01 的格式填写");
    }

    private static Parsed<LocalDate> monthOf(String cell, int year, int month) {
        if (month < 1 || month > 12) {
            return Parsed.error(TYPE_FORMAT, "月份无法识别：“" + shown(cell) + "”，月份应在1到12之间，请按 2024-01 的格式填写");
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return Parsed.error(TYPE_FORMAT, "月份的年份超出范围：“" + shown(cell) + "”，请核对年份");
        }
        return Parsed.ok(LocalDate.of(year, month, 1));
    }

    /** 2024 or 2024年. */
    public static Parsed<Integer> year(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        int len = cell.length();
        if (digitRun(cell, 0) == 4 && (len == 4 || len == 5 && cell.charAt(4) == '年')) {
            int year = digits(cell, 0, 4);
            if (year >= MIN_YEAR && year <= MAX_YEAR) {
                return Parsed.ok(year);
            }
            return Parsed.error(TYPE_FORMAT, "年份超出范围：“" + shown(cell) + "”，请核对");
        }
        return Parsed.error(TYPE_FORMAT, "年份无法识别：“" + shown(cell) + "”，请按 2024 的格式填写四位年份");
    }

    private static final long SCAN_UNRECOGNISED = -1;
    private static final long SCAN_NO_SUCH_DAY = -2;
    private static final long SCAN_YEAR_RANGE = -3;

    /**
     * Reads a date at {@code from}: yyyy-M-d (separator - / .), yyyyMMdd, yyyy年M月d[日|号]. Returns
     * {@code end << 32 | yyyymmdd} where end is the index after the date, or a negative SCAN_ code.
     */
    static long scanDate(String s, int from) {
        int len = s.length();
        int run = digitRun(s, from);
        int year;
        int month;
        int day;
        int end;
        if (run == 8) {
            year = digits(s, from, 4);
            month = digits(s, from + 4, 2);
            day = digits(s, from + 6, 2);
            end = from + 8;
        } else if (run == 4 && from + 4 < len) {
            char sep = s.charAt(from + 4);
            if (sep != '-' && sep != '/' && sep != '.' && sep != '年') {
                return SCAN_UNRECOGNISED;
            }
            int i = from + 5;
            int monthRun = digitRun(s, i);
            if (monthRun < 1 || monthRun > 2) {
                return SCAN_UNRECOGNISED;
            }
            month = digits(s, i, monthRun);
            i += monthRun;
            char sep2 = sep == '年' ? '月' : sep;
            if (i >= len || s.charAt(i) != sep2) {
                return SCAN_UNRECOGNISED;
            }
            i++;
            int dayRun = digitRun(s, i);
            if (dayRun < 1 || dayRun > 2) {
                return SCAN_UNRECOGNISED;
            }
            day = digits(s, i, dayRun);
            i += dayRun;
            if (sep == '年' && i < len && (s.charAt(i) == '日' || s.charAt(i) == '号')) {
                i++;
            }
            year = digits(s, from, 4);
            end = i;
        } else {
            return SCAN_UNRECOGNISED;
        }
        if (month < 1 || month > 12 || day < 1 || day > 31) {
            return SCAN_UNRECOGNISED;
        }
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return SCAN_YEAR_RANGE;
        }
        if (day > lengthOfMonth(year, month)) {
            return SCAN_NO_SUCH_DAY;
        }
        return ((long) end << 32) | (year * 10000L + month * 100L + day);
    }

    /**
     * Reads the time after a date: one or more spaces or a single T, then H:MM, H:MM:SS or H:MM:SS.fff, up to the end
     * of the string. Returns the nano of day, or -1.
     */
    static long scanTime(String s, int from) {
        int len = s.length();
        int i = from;
        if (i < len && s.charAt(i) == 'T') {
            i++;
        } else {
            while (i < len && s.charAt(i) == ' ') {
                i++;
            }
            if (i == from) {
                return -1;
            }
        }
        int hourRun = digitRun(s, i);
        if (hourRun < 1 || hourRun > 2) {
            return -1;
        }
        int hour = digits(s, i, hourRun);
        i += hourRun;
        if (i >= len || s.charAt(i) != ':' || digitRun(s, i + 1) != 2) {
            return -1;
        }
        int minute = digits(s, i + 1, 2);
        i += 3;
        int second = 0;
        long nanos = 0;
        if (i < len) {
            if (s.charAt(i) != ':' || digitRun(s, i + 1) != 2) {
                return -1;
            }
            second = digits(s, i + 1, 2);
            i += 3;
            if (i < len) {
                int fractionRun = digitRun(s, i + 1);
                if (s.charAt(i) != '.' || fractionRun < 1 || fractionRun > 9 || i + 1 + fractionRun != len) {
                    return -1;
                }
                nanos = digits(s, i + 1, fractionRun);
                for (int k = fractionRun; k < 9; k++) {
                    nanos *= 10;
                }
                i = len;
            }
        }
        if (hour > 23 || minute > 59 || second > 59) {
            return -1;
        }
        return ((hour * 60L + minute) * 60L + second) * 1_000_000_000L + nanos;
    }

    private static LocalDate unpackDate(long scanned) {
        int packed = (int) (scanned & 0xFFFFFFFFL);
        return dateOf(packed / 10000, packed / 100 % 100, packed % 100);
    }

    /** LocalDate.of for a date known to exist, from the cache within MIN_YEAR..MAX_YEAR. */
    static LocalDate dateOf(int year, int month, int day) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            return LocalDate.of(year, month, day);
        }
        int index = ((year - MIN_YEAR) * 12 + month - 1) * 31 + day - 1;
        LocalDate date = DATES[index];
        if (date == null) {
            date = LocalDate.of(year, month, day);
            DATES[index] = date;
        }
        return date;
    }

    /** An Excel serial number (digits with an optional fraction), or NaN. */
    private static double serial(String s) {
        int len = s.length();
        int run = digitRun(s, 0);
        if (run < 1 || run > 7) {
            return Double.NaN;
        }
        if (run == len) {
            return digits(s, 0, run);
        }
        if (s.charAt(run) != '.' || digitRun(s, run + 1) != len - run - 1 || len - run - 1 > 12) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    private static String dateMessage(String cell) {
        return "日期无法识别：“" + shown(cell) + "”，请按 2024-01-05 的格式填写";
    }

    private static String dateTimeMessage(String cell) {
        return "时间无法识别：“" + shown(cell) + "”，请按 2024-01-05 10:30 的格式填写";
    }

    private static String noSuchDayMessage(String cell) {
        return "日期不存在：“" + shown(cell) + "”，该月没有这一天，请核对";
    }

    static int lengthOfMonth(int year, int month) {
        switch (month) {
            case 2:
                return isLeap(year) ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    private static boolean isLeap(int year) {
        return (year & 3) == 0 && (year % 100 != 0 || year % 400 == 0);
    }

    // ------------------------------------------------------------------------------------------------ numbers

    /** Yuan with at most 2 decimals; thousands separators, a leading ¥ and a trailing 元 allowed; scale 2. */
    public static Parsed<BigDecimal> amount(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        int start = 0;
        int end = cell.length();
        if (end > 0 && cell.charAt(end - 1) == '元') {
            end--;
            if (end > 0 && (cell.charAt(end - 1) == '万' || cell.charAt(end - 1) == '千')) {
                return Parsed.error(TYPE_FORMAT, "金额请以元为单位填写：“" + shown(cell) + "”，如 1234.50");
            }
            while (end > 0 && cell.charAt(end - 1) == ' ') {
                end--;
            }
        }
        boolean negative = false;
        if (start < end && (cell.charAt(start) == '-' || cell.charAt(start) == '+')) {
            negative = cell.charAt(start) == '-';
            start++;
        }
        if (start < end && cell.charAt(start) == '¥') {
            start++;
            while (start < end && cell.charAt(start) == ' ') {
                start++;
            }
        }
        long units = readGroupedDigits(cell, start, end);
        if (units == BAD_NUMBER) {
            return Parsed.error(TYPE_FORMAT, "金额无法识别：“" + shown(cell) + "”，请填写数字，如 1234.50");
        }
        int intEnd = (int) (units >>> 40);
        long yuan = units & 0xFF_FFFF_FFFFL;
        if (yuan == OVERFLOW_MARK) {
            return Parsed.error(RANGE, "金额过大：“" + shown(cell) + "”，请核对");
        }
        long cents = 0;
        if (intEnd < end) {
            // the rest is '.' and decimals (readGroupedDigits stops only there)
            int fractionRun = digitRun(cell, intEnd + 1);
            if (intEnd + 1 + fractionRun != end || (fractionRun == 0 && intEnd == start)) {
                return Parsed.error(TYPE_FORMAT, "金额无法识别：“" + shown(cell) + "”，请填写数字，如 1234.50");
            }
            for (int k = 2; k < fractionRun; k++) {
                if (cell.charAt(intEnd + 1 + k) != '0') {
                    return Parsed.error(TYPE_FORMAT, "金额最多保留2位小数（到分）：“" + shown(cell) + "”，请四舍五入到分后填写");
                }
            }
            if (fractionRun >= 1) {
                cents += (cell.charAt(intEnd + 1) - '0') * 10;
            }
            if (fractionRun >= 2) {
                cents += cell.charAt(intEnd + 2) - '0';
            }
        } else if (intEnd == start) {
            return Parsed.error(TYPE_FORMAT, "金额无法识别：“" + shown(cell) + "”，请填写数字，如 1234.50");
        }
        if (yuan > MAX_AMOUNT_CENTS / 100) {
            return Parsed.error(RANGE, "金额过大：“" + shown(cell) + "”，请核对");
        }
        long total = yuan * 100 + cents;
        return Parsed.ok(BigDecimal.valueOf(negative ? -total : total, 2));
    }

    private static final long BAD_NUMBER = Long.MIN_VALUE;
    private static final long OVERFLOW_MARK = 0xFF_FFFF_FFFFL;

    /**
     * Reads digits from {@code start} with optional thousands separators (1,234,567: a first group of 1-3 digits, then
     * groups of exactly 3) up to {@code end} or a '.'. Returns {@code stopIndex << 40 | value} (value OVERFLOW_MARK when
     * it does not fit 40 bits), or BAD_NUMBER when a character other than a digit, a well-placed comma or '.' appears.
     */
    private static long readGroupedDigits(String s, int start, int end) {
        long value = 0;
        int i = start;
        int groupLength = 0;
        boolean grouped = false;
        boolean overflow = false;
        for (; i < end; i++) {
            char c = s.charAt(i);
            if (isDigit(c)) {
                if (!overflow) {
                    value = value * 10 + (c - '0');
                    if (value >= OVERFLOW_MARK / 10) {
                        overflow = true;
                    }
                }
                groupLength++;
            } else if (c == ',') {
                if (grouped ? groupLength != 3 : groupLength < 1 || groupLength > 3) {
                    return BAD_NUMBER;
                }
                grouped = true;
                groupLength = 0;
            } else if (c == '.') {
                break;
            } else {
                return BAD_NUMBER;
            }
        }
        if (grouped && groupLength != 3) {
            return BAD_NUMBER;
        }
        return ((long) i << 40) | (overflow ? OVERFLOW_MARK : value);
    }

    /** A whole number (may be negative here; ranges are the caller's). Thousands separators and a .0 are allowed. */
    public static Parsed<Long> integer(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        int len = cell.length();
        int start = 0;
        boolean negative = false;
        if (len > 0 && (cell.charAt(0) == '-' || cell.charAt(0) == '+')) {
            negative = cell.charAt(0) == '-';
            start = 1;
        }
        int run = digitRun(cell, start);
        if (run > 0 && run <= 18 && start + run == len) {
            long v = 0;
            for (int i = start; i < len; i++) {
                v = v * 10 + (cell.charAt(i) - '0');
            }
            return Parsed.ok(negative ? -v : v);
        }
        long units = readGroupedDigits(cell, start, len);
        if (units != BAD_NUMBER) {
            int intEnd = (int) (units >>> 40);
            long v = units & 0xFF_FFFF_FFFFL;
            boolean zerosOnly = true;
            for (int i = intEnd + 1; i < len; i++) {
                zerosOnly &= cell.charAt(i) == '0';
            }
            if (intEnd > start && v != OVERFLOW_MARK && zerosOnly) {
                return Parsed.ok(negative ? -v : v);
            }
            if (intEnd > start && v != OVERFLOW_MARK && intEnd < len) {
                return Parsed.error(TYPE_FORMAT, "应为整数：“" + shown(cell) + "”，请不要填写小数");
            }
        }
        return Parsed.error(TYPE_FORMAT, "数字无法识别：“" + shown(cell) + "”，请只填写整数，如 120");
    }

    /** A decimal number such as 117.283 or -3.5E2; thousands separators and a trailing ° are allowed. */
    public static Parsed<Double> decimal(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        String s = cell;
        if (s.endsWith("°")) {
            s = s.substring(0, s.length() - 1).trim();
        }
        if (s.indexOf(',') >= 0) {
            int start = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
            if (readGroupedDigits(s, start, s.length()) == BAD_NUMBER) {
                return Parsed.error(TYPE_FORMAT, decimalMessage(cell));
            }
            s = s.replace(",", "");
        }
        // Only plain decimal notation: Double.parseDouble alone would also take NaN, Infinity, 1d and hex.
        int len = s.length();
        int i = 0;
        if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
            i++;
        }
        int intRun = digitRun(s, i);
        i += intRun;
        int fractionRun = 0;
        if (i < len && s.charAt(i) == '.') {
            fractionRun = digitRun(s, i + 1);
            i += 1 + fractionRun;
        }
        if (intRun + fractionRun == 0) {
            return Parsed.error(TYPE_FORMAT, decimalMessage(cell));
        }
        if (i < len && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < len && (s.charAt(i) == '-' || s.charAt(i) == '+')) {
                i++;
            }
            int expRun = digitRun(s, i);
            if (expRun < 1 || expRun > 3) {
                return Parsed.error(TYPE_FORMAT, decimalMessage(cell));
            }
            i += expRun;
        }
        if (i != len) {
            return Parsed.error(TYPE_FORMAT, decimalMessage(cell));
        }
        return Parsed.ok(Double.parseDouble(s));
    }

    private static String decimalMessage(String cell) {
        return "数字无法识别：“" + shown(cell) + "”，请填写数字，如 117.28";
    }

    // ------------------------------------------------------------------------------------------------ codes

    /** 是/否, Y/N, 1/0, true/false (also yes/no), case ignored. */
    public static Parsed<Boolean> flag(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "是":
            case "y":
            case "yes":
            case "1":
            case "true":
                return Parsed.ok(Boolean.TRUE);
            case "否":
            case "n":
            case "no":
            case "0":
            case "false":
                return Parsed.ok(Boolean.FALSE);
            default:
                return Parsed.error(TYPE_FORMAT, "是否项无法识别：“" + shown(cell) + "”，请填写“是”或“否”");
        }
    }

    /** 男/女, 1/2 (GB/T 2261.1), M/F (case ignored) → "M" / "F". */
    public static Parsed<String> sex(String cell) {
        if (cell == null) {
            return Parsed.empty();
        }
        switch (cell.toLowerCase(java.util.Locale.ROOT)) {
            case "男":
            case "男性":
            case "1":
            case "m":
            case "male":
                return Parsed.ok("M");
            case "女":
            case "女性":
            case "2":
            case "f":
            case "female":
                return Parsed.ok("F");
            default:
                return Parsed.error(TYPE_FORMAT, "性别无法识别：“" + shown(cell) + "”，请填写“男”或“女”");
        }
    }

    // ------------------------------------------------------------------------------------------------ helpers

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    /** Number of ASCII digits starting at {@code from}. */
    private static int digitRun(String s, int from) {
        int i = from;
        int len = s.length();
        while (i < len && isDigit(s.charAt(i))) {
            i++;
        }
        return i - from;
    }

    private static int digits(String s, int from, int count) {
        int v = 0;
        for (int i = from; i < from + count; i++) {
            v = v * 10 + (s.charAt(i) - '0');
        }
        return v;
    }

    /** The cell as quoted in a message, cut short so a pasted paragraph does not flood the report. */
    private static String shown(String cell) {
        return cell.length() <= 40 ? cell : cell.substring(0, 40) + "…";
    }
}
