package cn.yinling.warehouse.parse;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;

/**
 * Readers for the value types of spec/feeds.md §2. Each takes a cell already passed through {@link #clean} and never
 * null; an error carries its rule code (ID_FORMAT, ID_CHECKSUM, USCC_CHECKSUM, TYPE_FORMAT) and a Chinese message that
 * says what to fix.
 */
public final class Values {

    private Values() {
    }

    /** Trimmed and NFKC-normalised; null for an empty cell or an empty marker (无, /, -, —). */
    public static String clean(String raw) {
        throw new UnsupportedOperationException();
    }

    /** 18 characters with a verified check digit, or 15 digits upgraded; birth date real, not future, not before 1880. */
    public static Parsed<IdNumber> idNumber(String cell, LocalDate today) {
        throw new UnsupportedOperationException();
    }

    /** Unified social credit code, check character verified (GB 32100-2015). */
    public static Parsed<String> uscc(String cell) {
        throw new UnsupportedOperationException();
    }

    /** 2024-01-05, 2024/1/5, 2024.1.5, 20240105, 2024年1月5日, an Excel serial number, or an XLSX date cell. */
    public static Parsed<LocalDate> date(String cell) {
        throw new UnsupportedOperationException();
    }

    /** A date form followed by H:MM or HH:MM:SS. */
    public static Parsed<LocalDateTime> dateTime(String cell) {
        throw new UnsupportedOperationException();
    }

    /** 2024-01, 2024/01, 202401, 2024年1月, or any date; the first day of the month. */
    public static Parsed<LocalDate> month(String cell) {
        throw new UnsupportedOperationException();
    }

    /** 2024 or 2024年. */
    public static Parsed<Integer> year(String cell) {
        throw new UnsupportedOperationException();
    }

    /** Yuan with at most 2 decimals; thousands separators and a trailing 元 allowed; scale 2. */
    public static Parsed<BigDecimal> amount(String cell) {
        throw new UnsupportedOperationException();
    }

    /** A whole number (may be negative here; ranges are the caller's). */
    public static Parsed<Long> integer(String cell) {
        throw new UnsupportedOperationException();
    }

    public static Parsed<Double> decimal(String cell) {
        throw new UnsupportedOperationException();
    }

    /** 是/否, Y/N, 1/0, true/false. */
    public static Parsed<Boolean> flag(String cell) {
        throw new UnsupportedOperationException();
    }

    /** 男/女, 1/2, M/F → "M" / "F". */
    public static Parsed<String> sex(String cell) {
        throw new UnsupportedOperationException();
    }
}
