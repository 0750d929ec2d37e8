package cn.yinling.warehouse.forecast;

import java.util.List;

/**
 * One variant of the assumptions: factors on the death rates, on the inflows (births and moves into the region) and
 * on the outflows (moves out). The band of a forecast is the range over {@link #BAND}: the central run and the four
 * corners of death rates ±{@value #MORTALITY_SPREAD_PERCENT} % × flows ±{@value #FLOW_SPREAD_PERCENT} %.
 */
public record Scenario(String name, double mortality, double inflow, double outflow) {

    public static final int MORTALITY_SPREAD_PERCENT = 10;
    public static final int FLOW_SPREAD_PERCENT = 20;

    public static final Scenario CENTRAL = new Scenario("central", 1, 1, 1);

    public static final List<Scenario> BAND = corners();

    private static List<Scenario> corners() {
        double m = MORTALITY_SPREAD_PERCENT / 100.0;
        double f = FLOW_SPREAD_PERCENT / 100.0;
        return List.of(CENTRAL,
                new Scenario("low_mortality_more_inflow", 1 - m, 1 + f, 1 - f),
                new Scenario("low_mortality_less_inflow", 1 - m, 1 - f, 1 + f),
                new Scenario("high_mortality_more_inflow", 1 + m, 1 + f, 1 - f),
                new Scenario("high_mortality_less_inflow", 1 + m, 1 - f, 1 + f));
    }
}
