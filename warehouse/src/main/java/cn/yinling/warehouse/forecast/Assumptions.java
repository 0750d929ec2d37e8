package cn.yinling.warehouse.forecast;

/**
 * What the projection of one region assumes for every year ahead (the central variant; {@link Scenario}s scale it).
 *
 * @param deathRates     central death rates m(x) per person-year, by sex and age
 * @param inflow         persons a year entering the region by moving (into the city, or from another district), by
 *                       sex and age at the move
 * @param outflow        persons a year leaving it by moving, by sex and age at the move
 * @param fertility      births a year per woman aged 15–49 (a general fertility rate)
 * @param maleBirthShare share of boys among the births
 */
public record Assumptions(AgeSexTable deathRates, AgeSexTable inflow, AgeSexTable outflow, double fertility,
                          double maleBirthShare) {

    public static final int FERTILE_FROM = 15;
    public static final int FERTILE_TO = 49;
}
