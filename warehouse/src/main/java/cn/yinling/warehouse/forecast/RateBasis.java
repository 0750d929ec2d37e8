package cn.yinling.warehouse.forecast;

/**
 * The data the assumptions were estimated from, for the page and the annual report to state.
 *
 * @param fromMonth   first month of the rate window ({@code YYYY-MM})
 * @param toMonth     last month of the rate window: the base month
 * @param deathMonths months whose deaths and person-years give the death rates (at most 36)
 * @param flowMonths  months whose births and moves give the yearly flows (the window after the register's second snapshot)
 * @param deaths      deaths in the window, city
 * @param personYears person-years lived in the window, city
 * @param births      births (first registrations at age 0) in the flow months, city
 * @param movesIn     moves into the city's districts in the flow months (transfers between districts included)
 * @param movesOut    moves out of them (likewise)
 * @param femaleFit   the women's fitted Gompertz–Makeham hazard at 60+, null when five-year groups were used
 * @param maleFit     the men's, likewise
 */
public record RateBasis(String fromMonth, String toMonth, int deathMonths, int flowMonths, double deaths,
                        double personYears, double births, double movesIn, double movesOut,
                        GompertzMakeham femaleFit, GompertzMakeham maleFit) {
}
