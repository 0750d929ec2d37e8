package cn.yinling.warehouse.forecast;

import cn.yinling.warehouse.serve.Region;
import cn.yinling.warehouse.serve.RegionQueries;
import cn.yinling.warehouse.serve.WarehouseReader;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import org.jdbi.v3.core.Jdbi;

/**
 * The forecast of the live published version: the Java API behind {@code aging forecast}, the 发展预测 page and the
 * annual report. Reads the forecast marts (mart_population_age, mart_death_age, mart_population_flow) through the
 * {@link WarehouseReader}, all from one version, and keeps the inputs of the last version read (a few thousand rows)
 * so that repeated calls only recompute the projection (milliseconds). Thread-safe.
 */
public final class ForecastService {

    public static final List<String> REQUIRED_TABLES =
            List.of("mart_population_age", "mart_death_age", "mart_population_flow", "dim_region", "dim_month");

    private record Loaded(int version, ForecastInputs inputs) {
    }

    private final WarehouseReader warehouse;
    private final AtomicReference<Loaded> cache = new AtomicReference<>();

    public ForecastService(WarehouseReader warehouse) {
        this.warehouse = warehouse;
    }

    /** The city and every district, {@code years} years ahead (1–30). */
    public Forecast forecast(int years) {
        Loaded loaded = load();
        return ForecastEngine.forecast(loaded.inputs(), years, loaded.version());
    }

    /** The backtest of the live version (see {@link ForecastEngine#backtest}). */
    public Backtest backtest() {
        return ForecastEngine.backtest(load().inputs());
    }

    /**
     * The forecast of one given version, read through its own Jdbi: for a reader that has pinned a version (the annual
     * report) and must not mix it with a newer live one. Nothing is cached.
     */
    public static Forecast forecastOf(Jdbi versionJdbi, int version, int years) {
        return ForecastEngine.forecast(read(versionJdbi), years, version);
    }

    /** The regions a forecast covers: the city, then its districts. */
    public List<Region> regions() {
        ForecastInputs inputs = load().inputs();
        List<Region> regions = new ArrayList<>();
        regions.add(inputs.city());
        regions.addAll(inputs.districts());
        return regions;
    }

    /** The inputs as read from the live version (for the tests and the report's method section). */
    public ForecastInputs inputs() {
        return load().inputs();
    }

    private Loaded load() {
        int version = warehouse.liveVersion().orElse(-1);
        Loaded cached = cache.get();
        if (cached != null && cached.version() == version) {
            return cached;
        }
        Loaded fresh = new Loaded(version, warehouse.withVersion(ForecastService::read));
        cache.set(fresh);
        return fresh;
    }

    private static ForecastInputs read(Jdbi jdbi) {
        return jdbi.withHandle(handle -> {
            ForecastQueries q = handle.attach(ForecastQueries.class);
            RegionQueries regions = handle.attach(RegionQueries.class);
            List<String> tables = q.tables();
            List<String> missing = REQUIRED_TABLES.stream().filter(t -> !tables.contains(t)).toList();
            if (!missing.isEmpty()) {
                throw new ForecastUnavailableException("当前发布的数仓版本缺少发展预测所需的数据表 " + String.join("、", missing)
                        + "（该版本由较早的程序生成）。请运行 ./aging etl 重新发布一个版本。");
            }
            List<Region> cities = regions.cities();
            if (cities.isEmpty()) {
                throw new ForecastUnavailableException("当前数仓版本中没有市级区划，无法预测。");
            }
            Region city = cities.get(0);
            List<Region> districts = regions.children(city.regionCode()).stream().filter(r -> r.level() == 3).toList();
            Map<String, RegionSeries> series = new TreeMap<>();
            TreeSet<YearMonth> months = new TreeSet<>();
            for (ForecastQueries.AgeCount c : q.population()) {
                YearMonth month = YearMonth.parse(c.month());
                months.add(month);
                series.computeIfAbsent(c.regionCode(), k -> new RegionSeries())
                        .addPopulation(month, AgeSexTable.sex(c.sex()), c.age(), c.persons());
            }
            for (ForecastQueries.AgeCount c : q.deaths()) {
                series.computeIfAbsent(c.regionCode(), k -> new RegionSeries())
                        .addDeaths(YearMonth.parse(c.month()), AgeSexTable.sex(c.sex()), c.age(), c.persons());
            }
            for (ForecastQueries.FlowCount c : q.flows()) {
                series.computeIfAbsent(c.regionCode(), k -> new RegionSeries()).addFlow(YearMonth.parse(c.month()),
                        RegionSeries.Flow.valueOf(c.flow()), AgeSexTable.sex(c.sex()), c.age(), c.persons());
            }
            if (months.isEmpty()) {
                throw new ForecastUnavailableException("当前数仓版本没有人口数据（mart_population_age 为空），无法预测。");
            }
            return new ForecastInputs(city, districts, List.copyOf(months), series);
        });
    }
}
