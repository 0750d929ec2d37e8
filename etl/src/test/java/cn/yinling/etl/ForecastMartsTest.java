package cn.yinling.etl;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forecast's input marts (marts/mart_population_age, mart_death_age, mart_population_flow) run on hand-made
 * upstream views: a city with two districts (鼓楼 320302, 云龙 320303), one community each, months January–March
 * 2024 (leap year: February ends on the 29th). Every expected row is worked out in the comments.
 */
class ForecastMartsTest {

    static ModelSession session;

    @BeforeAll
    static void views() {
        session = new ModelSession();
        session.view("dim_region", """
                select * from values
                  ('320300000000', 2, cast(null as string)),
                  ('320302000000', 3, '320302000000'),
                  ('320303000000', 3, '320303000000'),
                  ('320302001001', 5, '320302000000'),
                  ('320302001002', 5, '320302000000'),
                  ('320303001001', 5, '320303000000')
                  as t(region_code, level, district_code)""");
        session.view("dim_month", """
                select to_date(m) as month, last_day(to_date(m)) as month_end from values
                  ('2024-01-01'), ('2024-02-01'), ('2024-03-01') as t(m)""");
        // p1 moves out in March; p2 is born 10 Feb; p3 (born 1950-06-01) moves in in February, aged 73 on 29 Feb;
        // p4 (born 1960-03-31, 63 on 29 Feb) moves from 鼓楼 to 云龙 in February; p5 (born 1940-01-15) leaves in
        // February and comes back in March; p6 first appears dead; p7 is there from January (nothing to see);
        // p8 changes community within 鼓楼; p9 (born 1990-07-01) has his registration cancelled (注销) in March.
        session.view("dim_person", """
                select person_key, version, to_date(birth) as birth_date, sex, region_code, status,
                       to_date(valid_from) as valid_from, is_current
                from values
                  ('p1', 1, '1955-05-05', 'F', '320302001001', 'active',    '2024-01-01', false),
                  ('p1', 2, '1955-05-05', 'F', '320302001001', 'moved_out', '2024-03-01', true),
                  ('p2', 1, '2024-02-10', 'M', '320303001001', 'active',    '2024-02-01', true),
                  ('p3', 1, '1950-06-01', 'F', '320303001001', 'active',    '2024-02-01', true),
                  ('p4', 1, '1960-03-31', 'M', '320302001001', 'active',    '2024-01-01', false),
                  ('p4', 2, '1960-03-31', 'M', '320303001001', 'active',    '2024-02-01', true),
                  ('p5', 1, '1940-01-15', 'F', '320302001002', 'active',    '2024-01-01', false),
                  ('p5', 2, '1940-01-15', 'F', '320302001002', 'moved_out', '2024-02-01', false),
                  ('p5', 3, '1940-01-15', 'F', '320302001002', 'active',    '2024-03-01', true),
                  ('p6', 1, '1930-01-01', 'M', '320302001001', 'deceased',  '2024-02-01', true),
                  ('p7', 1, '1980-01-01', 'M', '320302001001', 'active',    '2024-01-01', true),
                  ('p8', 1, '1970-01-01', 'F', '320302001001', 'active',    '2024-01-01', false),
                  ('p8', 2, '1970-01-01', 'F', '320302001002', 'active',    '2024-02-01', true),
                  ('p9', 1, '1990-07-01', 'M', '320303001001', 'active',    '2024-01-01', false),
                  ('p9', 2, '1990-07-01', 'M', '320303001001', 'cancelled', '2024-03-01', true)
                  as t(person_key, version, birth, sex, region_code, status, valid_from, is_current)""");
        // alive or not at each month end; ages 101 and 104 both count as 100 (the open group)
        session.view("int_person_month", """
                select person_key, to_date(month) as month, region_code, sex, age, is_alive, age_band from values
                  ('a', '2024-01-01', '320302001001', 'F', 101, true, '100+'),
                  ('b', '2024-01-01', '320302001002', 'F', 104, true, '100+'),
                  ('c', '2024-01-01', '320302001001', 'F', 100, false, '100+'),
                  ('d', '2024-01-01', '320303001001', 'M', 0, true, '0-14'),
                  ('d', '2024-02-01', '320303001001', 'M', 0, true, '0-14'),
                  ('e', '2024-02-01', '320302001001', 'M', 64, true, '60-64')
                  as t(person_key, month, region_code, sex, age, is_alive, age_band)""");
        // registered deaths count in their district; the unregistered one (city code) and one before the spine do not
        session.view("fct_death", """
                select to_date(month) as death_month, region_code, is_registered, sex, age_at_month_end from values
                  ('2024-02-01', '320302001001', true, 'M', 74),
                  ('2024-02-01', '320302001002', true, 'M', 74),
                  ('2024-03-01', '320303001001', true, 'F', 103),
                  ('2024-03-01', '320300000000', false, 'F', 85),
                  ('2023-12-01', '320302001001', true, 'F', 80)
                  as t(month, region_code, is_registered, sex, age_at_month_end)""");
    }

    @Test
    void flowsAreReadFromThePersonHistory() {
        assertEquals(List.of(
                        "320302000000|2024-02|63|M|transfer_out|1",   // p4, 63 on 29 Feb (64 only on 31 Mar)
                        "320302000000|2024-02|84|F|move_out|1",       // p5 leaves, 84 since 15 Jan
                        "320302000000|2024-03|68|F|move_out|1",       // p1, 68 on 31 Mar (69 only in May)
                        "320302000000|2024-03|84|F|move_in|1",        // p5 comes back
                        "320303000000|2024-02|0|M|birth|1",           // p2
                        "320303000000|2024-02|63|M|transfer_in|1",    // p4
                        "320303000000|2024-02|73|F|move_in|1",        // p3, 73 on 29 Feb (74 only in June)
                        "320303000000|2024-03|33|M|move_out|1"),      // p9 注销, 33 on 31 Mar
                rows("mart_population_flow", "flow"));
    }

    @Test
    void populationByDistrictAndSingleYearWithTheOpenGroup() {
        assertEquals(List.of(
                        "320302000000|2024-01|100|F|2",   // a (101) and b (104); c is not alive
                        "320302000000|2024-02|64|M|1",
                        "320303000000|2024-01|0|M|1",
                        "320303000000|2024-02|0|M|1"),
                rows("mart_population_age", null));
    }

    @Test
    void registeredDeathsInTheSpineByDistrict() {
        assertEquals(List.of(
                        "320302000000|2024-02|74|M|2",
                        "320303000000|2024-03|100|F|1"),
                rows("mart_death_age", null));
    }

    /** region|month|age|sex[|flow]|count, sorted. */
    private static List<String> rows(String model, String flowColumn) {
        List<Row> rows = session.model(model).collectAsList();
        return rows.stream()
                .map(r -> Stream.of(r.getAs("region_code"), r.getAs("month").toString().substring(0, 7),
                                r.getAs("age").toString(), r.getAs("sex"),
                                flowColumn == null ? null : r.getAs(flowColumn), r.get(r.size() - 1).toString())
                        .filter(Objects::nonNull).map(Object::toString).collect(Collectors.joining("|")))
                .sorted()
                .toList();
    }
}
