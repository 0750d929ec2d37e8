package cn.yinling.datasets;

import java.time.LocalDate;

/** Dates packed as yyyymmdd ints: compact, ordered like dates, and cheap to turn into the text forms of the feeds. */
final class Ymd {

    private static final LocalDate BASE = LocalDate.of(1880, 1, 1);
    private static final int BASE_EPOCH = (int) BASE.toEpochDay();
    private static final int[] FROM_EPOCH;

    static {
        int days = (int) (LocalDate.of(2101, 1, 1).toEpochDay() - BASE_EPOCH);
        FROM_EPOCH = new int[days];
        LocalDate d = BASE;
        for (int i = 0; i < days; i++) {
            FROM_EPOCH[i] = d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
            d = d.plusDays(1);
        }
    }

    private Ymd() {
    }

    static int fromEpochDay(long epochDay) {
        return FROM_EPOCH[(int) (epochDay - BASE_EPOCH)];
    }

    static int of(LocalDate d) {
        return d.getYear() * 10000 + d.getMonthValue() * 100 + d.getDayOfMonth();
    }

    static LocalDate toDate(int ymd) {
        return LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
    }

    static int year(int ymd) {
        return ymd / 10000;
    }

    static int month(int ymd) {
        return ymd / 100 % 100;
    }

    static int day(int ymd) {
        return ymd % 100;
    }

    /** Whole years of age on {@code date}; born 29 February: not a year older on 28 February. */
    static int age(int birth, int date) {
        return date / 10000 - birth / 10000 - (date % 10000 < birth % 10000 ? 1 : 0);
    }
}
