package cn.yinling.warehouse.forecast;

import java.time.YearMonth;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One district's monthly history as the forecast marts publish it: alive population at each month's end, deaths,
 * and the register's flows (births; moves in, counting transfers from another district; moves out, counting
 * transfers to another district), each by sex and single year of age.
 */
public final class RegionSeries {

    private final Map<YearMonth, AgeSexTable> population = new TreeMap<>();
    private final Map<YearMonth, AgeSexTable> deaths = new TreeMap<>();
    private final Map<YearMonth, AgeSexTable> births = new TreeMap<>();
    private final Map<YearMonth, AgeSexTable> inflow = new TreeMap<>();
    private final Map<YearMonth, AgeSexTable> outflow = new TreeMap<>();

    /** A flow of mart_population_flow. */
    public enum Flow {
        birth, move_in, move_out, transfer_in, transfer_out
    }

    public RegionSeries addPopulation(YearMonth month, int sex, int age, double persons) {
        cell(population, month).add(sex, age, persons);
        return this;
    }

    public RegionSeries addDeaths(YearMonth month, int sex, int age, double persons) {
        cell(deaths, month).add(sex, age, persons);
        return this;
    }

    public RegionSeries addFlow(YearMonth month, Flow flow, int sex, int age, double persons) {
        Map<YearMonth, AgeSexTable> target = switch (flow) {
            case birth -> births;
            case move_in, transfer_in -> inflow;
            case move_out, transfer_out -> outflow;
        };
        cell(target, month).add(sex, age, persons);
        return this;
    }

    /** The earliest month with any birth or move, if there is one. */
    public Optional<YearMonth> firstFlowMonth() {
        return Stream.of(births, inflow, outflow).flatMap(m -> m.keySet().stream()).min(YearMonth::compareTo);
    }

    /** The population at a month's end; empty when the month has no rows. */
    public AgeSexTable population(YearMonth month) {
        return get(population, month);
    }

    public AgeSexTable deaths(YearMonth month) {
        return get(deaths, month);
    }

    public AgeSexTable births(YearMonth month) {
        return get(births, month);
    }

    public AgeSexTable inflow(YearMonth month) {
        return get(inflow, month);
    }

    public AgeSexTable outflow(YearMonth month) {
        return get(outflow, month);
    }

    private static AgeSexTable get(Map<YearMonth, AgeSexTable> series, YearMonth month) {
        AgeSexTable table = series.get(month);
        return table == null ? new AgeSexTable() : table.copy();
    }

    private static AgeSexTable cell(Map<YearMonth, AgeSexTable> series, YearMonth month) {
        return series.computeIfAbsent(month, m -> new AgeSexTable());
    }
}
