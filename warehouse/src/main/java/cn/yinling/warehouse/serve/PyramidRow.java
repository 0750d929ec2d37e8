package cn.yinling.warehouse.serve;

/**
 * One cell of the population pyramid: the alive population of one region, month, age band and sex.
 *
 * @param month   {@code YYYY-MM}
 * @param ageBand {@code 0-14}, {@code 15-59}, {@code 60-64} … {@code 95-99}, {@code 100+} (dim_age_band)
 * @param sex     {@code M} or {@code F}
 */
public record PyramidRow(String month, String ageBand, String sex, long population) {
}
