package cn.yinling.dashboard.forecast;

import cn.yinling.dashboard.PublishedVersionFixture;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.locator.ClasspathSqlLocator;

/**
 * A published version with the forecast marts (test resource forecast_marts.sql): the dashboard fixture's regions
 * and KPIs, twelve months 2024-01..2024-12, and hand-chosen populations, deaths and flows.
 */
public final class ForecastVersionFixture {

    public static final String CITY = "320300000000";
    public static final String GULOU = "320302000000";
    public static final String YUNLONG = "320303000000";

    private ForecastVersionFixture() {
    }

    /** Version 1 with the forecast marts; {@code withMarts} false publishes a version from before the forecast. */
    public static void publish(Path home, boolean withMarts) {
        new PublishedVersionFixture(home).publish(1, "mart_kpi_v1.sql");
        if (!withMarts) {
            return;
        }
        Path dir = home.resolve("warehouse/versions/1");
        try {
            for (String table : new String[] {"mart_population_age", "mart_death_age", "mart_population_flow"}) {
                Files.createDirectories(dir.resolve(table));
            }
            Files.delete(dir.resolve("dim_month/part-00000.parquet"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Jdbi.create("jdbc:duckdb:").useHandle(h -> h.createScript(ClasspathSqlLocator.removingComments()
                        .getResource("cn/yinling/dashboard/forecast_marts.sql"))
                .define("dim_month_file", file(dir, "dim_month"))
                .define("population_file", file(dir, "mart_population_age"))
                .define("death_file", file(dir, "mart_death_age"))
                .define("flow_file", file(dir, "mart_population_flow"))
                .execute());
    }

    /** A quoted SQL string literal: COPY TO takes no bind parameters. */
    private static String file(Path dir, String table) {
        return "'" + dir.resolve(table).resolve("part-00000.parquet").toString().replace("'", "''") + "'";
    }

    /** Persons of one sex at one age in a district, as the fixture defines them. */
    public static long population(String district, int age) {
        return (district.equals(GULOU) ? 2L : 1L) * (1000 - 9L * age);
    }

    /** Both sexes, ages {@code from}..100, of the city (both districts). */
    public static long cityFrom(int from) {
        long sum = 0;
        for (int age = from; age <= 100; age++) {
            sum += 2 * (population(GULOU, age) + population(YUNLONG, age));
        }
        return sum;
    }
}
