package cn.yinling.datasets;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** The months generated, indexed 0..n-1, with their first and last days as yyyymmdd. */
final class Timeline {

    private final List<YearMonth> months = new ArrayList<>();
    private final int[] startYmd;
    private final int[] endYmd;
    private final long[] startEpoch;

    Timeline(YearMonth from, YearMonth to) {
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            months.add(m);
        }
        startYmd = new int[months.size()];
        endYmd = new int[months.size()];
        startEpoch = new long[months.size()];
        for (int i = 0; i < months.size(); i++) {
            startYmd[i] = Ymd.of(months.get(i).atDay(1));
            endYmd[i] = Ymd.of(months.get(i).atEndOfMonth());
            startEpoch[i] = months.get(i).atDay(1).toEpochDay();
        }
    }

    int size() {
        return months.size();
    }

    YearMonth month(int index) {
        return months.get(index);
    }

    List<YearMonth> months() {
        return months;
    }

    int start(int index) {
        return startYmd[index];
    }

    int end(int index) {
        return endYmd[index];
    }

    long startEpochDay(int index) {
        return startEpoch[index];
    }

    int days(int index) {
        return months.get(index).lengthOfMonth();
    }

    /** Month index of a date: negative before the range, ≥ size() after it. */
    int indexOf(int ymd) {
        YearMonth first = months.get(0);
        return (Ymd.year(ymd) - first.getYear()) * 12 + Ymd.month(ymd) - first.getMonthValue();
    }

    /** {@code 2024-03}. */
    String label(int index) {
        return months.get(index).toString();
    }
}
