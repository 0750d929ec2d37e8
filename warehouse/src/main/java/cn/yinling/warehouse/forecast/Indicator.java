package cn.yinling.warehouse.forecast;

/**
 * What the forecast reports for a region and year. The codes are the KPI codes of the catalog (names and units come
 * from there), computed here from a projected population the way the KPI models compute them from the register.
 */
public enum Indicator {
    pop_total, pop_60, pop_65, pop_80, pop_100, aging_rate_60, aging_rate_65;

    public boolean isRate() {
        return this == aging_rate_60 || this == aging_rate_65;
    }

    /** The value for a population table; rates in percent (0–100), null when the population is 0. */
    public Double of(AgeSexTable population) {
        return switch (this) {
            case pop_total -> population.total();
            case pop_60 -> population.sumFrom(60);
            case pop_65 -> population.sumFrom(65);
            case pop_80 -> population.sumFrom(80);
            case pop_100 -> population.sumFrom(100);
            case aging_rate_60 -> rate(population.sumFrom(60), population.total());
            case aging_rate_65 -> rate(population.sumFrom(65), population.total());
        };
    }

    private static Double rate(double part, double whole) {
        return whole <= 0 ? null : part / whole * 100;
    }
}
