package cn.yinling.warehouse.serve;

import java.time.YearMonth;
import java.util.Map;
import java.util.SortedSet;

/**
 * Which feeds went into a published version, and for which periods: the batches of its lineage.json. Lets the
 * dashboard tell a KPI that is truly zero from one whose feed was never sent (the mart holds a row of zeros either
 * way).
 *
 * @param periodsByFeed feed → the periods of its batches ({@code YYYY-MM} or {@code YYYY}); empty when unknown
 * @param known         false when the version has no readable lineage.json: then every feed counts as delivered
 */
public record FeedDeliveries(Map<String, SortedSet<String>> periodsByFeed, boolean known) {

    public static FeedDeliveries unknown() {
        return new FeedDeliveries(Map.of(), false);
    }

    /**
     * Whether some batch of {@code feed} covers {@code month} or an earlier period: a snapshot stays in force and a
     * feed that started later has no figures before it started. A single month skipped is not seen here; the
     * data-quality KPI submission_rate reports that.
     */
    public boolean deliveredBy(String feed, YearMonth month) {
        if (!known) {
            return true;
        }
        SortedSet<String> periods = periodsByFeed.get(feed);
        if (periods == null) {
            return false;
        }
        return periods.stream().anyMatch(period -> !start(period).isAfter(month));
    }

    private static YearMonth start(String period) {
        return period.length() == 4 ? YearMonth.of(Integer.parseInt(period), 1) : YearMonth.parse(period);
    }
}
