package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * int_household_snapshot_set, int_person_snapshot, int_person_month and dim_person on hand-made upstream views: two
 * household units, A sending January and March 2024, B January and February, over January–April (2024 is a leap year).
 * The snapshots in force: January A@Jan+B@Jan, February A@Jan+B@Feb, March and April A@Mar+B@Feb, so March and April
 * share one set and the others are sets of their own. A facility snapshot must not split the sets.
 */
class PersonMonthModelsTest {

    static ModelSession session;

    @BeforeAll
    static void views() {
        session = new ModelSession();
        session.view("int_snapshot_in_force", """
                select feed, unit, to_date(month) as month, last_day(to_date(month)) as month_end,
                       to_date(snapshot_month) as snapshot_month
                from values
                  ('household', 'A', '2024-01-01', '2024-01-01'),
                  ('household', 'A', '2024-02-01', '2024-01-01'),
                  ('household', 'A', '2024-03-01', '2024-03-01'),
                  ('household', 'A', '2024-04-01', '2024-03-01'),
                  ('household', 'B', '2024-01-01', '2024-01-01'),
                  ('household', 'B', '2024-02-01', '2024-02-01'),
                  ('household', 'B', '2024-03-01', '2024-02-01'),
                  ('household', 'B', '2024-04-01', '2024-02-01'),
                  ('facility', 'C', '2024-01-01', '2024-01-01'),
                  ('facility', 'C', '2024-02-01', '2024-01-01'),
                  ('facility', 'C', '2024-03-01', '2024-01-01'),
                  ('facility', 'C', '2024-04-01', '2024-04-01')
                  as t(feed, unit, month, snapshot_month)""");
        // x (born 1950-04-30) is listed by A in January and by B from February: B's later snapshot wins from
        // February on. y is listed twice in A's January snapshot (the later batch b2 wins) and as moved out in A's
        // March one. z (born 1964-02-29) is in B's snapshots and dies on 15 March.
        session.view("stg_household", """
                select person_key, region_code, sex, to_date(birth) as birth_date, status,
                       cast(null as date) as status_date, to_date(snapshot) as snapshot_month, unit, batch_id,
                       source_row
                from values
                  ('x', 'r1', 'M', '1950-04-30', 'active', '2024-01-01', 'A', 'b1', 1),
                  ('x', 'r2', 'M', '1950-04-30', 'active', '2024-02-01', 'B', 'b3', 1),
                  ('y', 'r9', 'F', '1940-01-01', 'active', '2024-01-01', 'A', 'b1', 5),
                  ('y', 'r3', 'F', '1940-01-01', 'active', '2024-01-01', 'A', 'b2', 3),
                  ('y', 'r3', 'F', '1940-01-01', 'moved_out', '2024-03-01', 'A', 'b4', 1),
                  ('z', 'r4', 'F', '1964-02-29', 'active', '2024-01-01', 'B', 'b5', 1),
                  ('z', 'r4', 'F', '1964-02-29', 'active', '2024-02-01', 'B', 'b3', 2)
                  as t(person_key, region_code, sex, birth, status, snapshot, unit, batch_id, source_row)""");
        session.view("fct_death", "select 'z' as person_key, to_date('2024-03-15') as death_date");
        session.modelView("dim_age_band");
        session.modelView("int_household_snapshot_set");
        session.modelView("int_person_snapshot");
        session.modelView("int_person_month");
        session.modelView("dim_person");
    }

    @Test
    void monthsWithTheSameSnapshotsInForceShareASet() {
        List<String> sets = session.sql("select distinct month, set_month from int_household_snapshot_set")
                .collectAsList().stream().map(r -> r.get(0) + "→" + r.get(1)).sorted().toList();
        assertEquals(List.of("2024-01-01→2024-01-01", "2024-02-01→2024-02-01", "2024-03-01→2024-03-01",
                "2024-04-01→2024-03-01"), sets);
    }

    @Test
    void oneRowPerPersonAndSetFromTheLatestSnapshotAndBatch() {
        List<String> rows = session.model("int_person_snapshot").collectAsList().stream()
                .map(r -> r.getAs("person_key") + "|" + r.getAs("set_month") + "|" + r.getAs("region_code") + "|"
                        + r.getAs("status") + "|" + r.getAs("death_date"))
                .sorted().toList();
        assertEquals(List.of(
                "x|2024-01-01|r1|active|null",
                "x|2024-02-01|r2|active|null",
                "x|2024-03-01|r2|active|null",
                "y|2024-01-01|r3|active|null",
                "y|2024-02-01|r3|active|null",
                "y|2024-03-01|r3|moved_out|null",
                "z|2024-01-01|r4|active|2024-03-15",
                "z|2024-02-01|r4|active|2024-03-15",
                "z|2024-03-01|r4|active|2024-03-15"), rows);
    }

    @Test
    void dimPersonHasAVersionPerChangeFromEachSnapshotMonthsLatestBatch() {
        // x: A's January row, then B's February one (A's March snapshot does not list x); y: the January row of the
        // later batch b2, not b1's r9, and A's March row; z: the same region and status in both of B's snapshots
        List<String> rows = session.model("dim_person").collectAsList().stream()
                .map(r -> r.getAs("person_key") + "|" + r.getAs("version") + "|" + r.getAs("region_code") + "|"
                        + r.getAs("status") + "|" + r.getAs("valid_from") + "|" + r.getAs("valid_to") + "|"
                        + r.getAs("is_current"))
                .sorted().toList();
        assertEquals(List.of(
                "x|1|r1|active|2024-01-01|2024-01-31|false",
                "x|2|r2|active|2024-02-01|null|true",
                "y|1|r3|active|2024-01-01|2024-02-29|false",
                "y|2|r3|moved_out|2024-03-01|null|true",
                "z|1|r4|active|2024-01-01|null|true"), rows);
    }

    @Test
    void everyMonthOfASetWithTheAgeAndAliveAtItsEnd() {
        List<String> rows = session.model("int_person_month").collectAsList().stream()
                .map(PersonMonthModelsTest::personMonth).sorted().toList();
        assertEquals(List.of(
                "x|2024-01|r1|73|70-74|true",
                "x|2024-02|r2|73|70-74|true",
                "x|2024-03|r2|73|70-74|true",
                "x|2024-04|r2|74|70-74|true",      // the birthday on 30 April, the month's last day, counts
                "y|2024-01|r3|84|80-84|true",
                "y|2024-02|r3|84|80-84|true",
                "y|2024-03|r3|84|80-84|false",     // moved out
                "y|2024-04|r3|84|80-84|false",
                "z|2024-01|r4|59|15-59|true",
                "z|2024-02|r4|60|60-64|true",      // 60 on 29 February
                "z|2024-03|r4|60|60-64|false",     // died on 15 March
                "z|2024-04|r4|60|60-64|false"), rows);
    }

    @Test
    void theAliveUnder60AreCountedByCommunityMonthBandAndSex() {
        List<String> counts = session.model("fct_population_young_month").collectAsList().stream()
                .map(r -> r.getAs("region_code") + "|" + r.getAs("month").toString().substring(0, 7) + "|"
                        + r.getAs("age_band") + "|" + r.getAs("sex") + "|" + r.getAs("population"))
                .sorted().toList();
        // of the rows of everyMonthOfASetWithTheAgeAndAliveAtItsEnd only z in January is alive and under 60: 60 on
        // 29 February
        assertEquals(List.of("r4|2024-01|15-59|F|1"), counts);
    }

    private static String personMonth(Row r) {
        return r.getAs("person_key") + "|" + r.getAs("month").toString().substring(0, 7) + "|" + r.getAs("region_code")
                + "|" + r.getAs("age") + "|" + r.getAs("age_band") + "|" + r.getAs("is_alive");
    }
}
