package cn.yinling.warehouse.forecast;

import static cn.yinling.warehouse.forecast.AgeSexTable.FEMALE;
import static cn.yinling.warehouse.forecast.AgeSexTable.MALE;

import cn.yinling.warehouse.serve.Region;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The starting point and assumptions of a projection from a base month, estimated only from months up to it:
 *
 * <ul>
 *   <li>base population: each district's alive population at the base month's end;</li>
 *   <li>death rates: deaths / person-years over the last {@value #RATE_WINDOW_MONTHS} months up to the base (as many
 *       as the version holds), person-years being the month-end populations / 12, smoothed by {@link DeathRates};</li>
 *   <li>moves: each district's moves in and out per year by sex and age: the flows of the window's months after
 *       the first month that has any flow, divided by their number of years. The register's first snapshot cannot
 *       show a flow, and its second (the first month with flows: the second month of monthly snapshots, the second
 *       quarter of quarterly ones) shows as newcomers the persons whose rows were rejected in the first snapshot (a
 *       rejected row is absent from that snapshot only), so both are left out;</li>
 *   <li>births: the district's first registrations at age 0 per woman-year aged 15–49 in those months, and the
 *       city's share of boys among them ({@value #DEFAULT_MALE_BIRTH_SHARE} when there are none).</li>
 * </ul>
 */
public record ForecastModel(YearMonth base, Map<String, AgeSexTable> basePopulation,
                            Map<String, Assumptions> assumptions, RateBasis basis, List<String> notes) {

    public static final int RATE_WINDOW_MONTHS = 36;
    public static final double DEFAULT_MALE_BIRTH_SHARE = 0.52;

    public static ForecastModel build(ForecastInputs inputs, YearMonth base) {
        List<YearMonth> window = inputs.months().stream()
                .filter(m -> !m.isAfter(base) && m.isAfter(base.minusMonths(RATE_WINDOW_MONTHS)))
                .toList();
        if (window.isEmpty()) {
            throw new IllegalArgumentException("基期 " + base + " 之前没有人口数据");
        }
        // The register's first snapshot shows no flows, and its second shows, as if they had just arrived, the
        // persons whose rows were rejected in the first: flows count from the month after the second snapshot.
        YearMonth flowsFrom = inputs.firstFlowMonth().map(m -> m.plusMonths(1)).orElse(base.plusMonths(1));
        List<YearMonth> flowWindow = window.stream().filter(m -> !m.isBefore(flowsFrom)).toList();
        double flowYears = flowWindow.size() / 12.0;

        Map<String, AgeSexTable> exposure = new LinkedHashMap<>();
        Map<String, AgeSexTable> deaths = new LinkedHashMap<>();
        AgeSexTable cityExposure = new AgeSexTable();
        AgeSexTable cityDeaths = new AgeSexTable();
        double cityBirths = 0;
        double cityMaleBirths = 0;
        double cityIn = 0;
        double cityOut = 0;
        Map<String, double[]> fertilityParts = new LinkedHashMap<>();
        Map<String, AgeSexTable[]> flows = new LinkedHashMap<>();
        for (Region district : inputs.districts()) {
            RegionSeries series = inputs.series(district.regionCode());
            AgeSexTable e = new AgeSexTable();
            AgeSexTable d = new AgeSexTable();
            for (YearMonth m : window) {
                e.plus(series.population(m).times(1 / 12.0));
                d.plus(series.deaths(m));
            }
            AgeSexTable in = new AgeSexTable();
            AgeSexTable out = new AgeSexTable();
            AgeSexTable born = new AgeSexTable();
            double womanYears = 0;
            for (YearMonth m : flowWindow) {
                in.plus(series.inflow(m));
                out.plus(series.outflow(m));
                born.plus(series.births(m));
                womanYears += series.population(m).sum(FEMALE, Assumptions.FERTILE_FROM, Assumptions.FERTILE_TO) / 12;
            }
            exposure.put(district.regionCode(), e);
            deaths.put(district.regionCode(), d);
            cityExposure.plus(e);
            cityDeaths.plus(d);
            cityBirths += born.total();
            cityMaleBirths += born.sum(MALE, 0, AgeSexTable.OPEN_AGE);
            cityIn += in.total();
            cityOut += out.total();
            fertilityParts.put(district.regionCode(), new double[] {born.total(), womanYears});
            flows.put(district.regionCode(), new AgeSexTable[] {in, out});
        }

        DeathRates.CityRates city = DeathRates.city(cityDeaths, cityExposure);
        double cityWomanYears = fertilityParts.values().stream().mapToDouble(p -> p[1]).sum();
        double cityFertility = cityWomanYears > 0 ? cityBirths / cityWomanYears : 0;
        double maleShare = cityBirths > 0 ? cityMaleBirths / cityBirths : DEFAULT_MALE_BIRTH_SHARE;

        Map<String, AgeSexTable> basePopulation = new LinkedHashMap<>();
        Map<String, Assumptions> assumptions = new LinkedHashMap<>();
        for (Region district : inputs.districts()) {
            String code = district.regionCode();
            AgeSexTable rates = DeathRates.district(city.rates(), deaths.get(code), exposure.get(code));
            AgeSexTable[] flow = flows.get(code);
            AgeSexTable in = flowYears > 0 ? flow[0].times(1 / flowYears) : new AgeSexTable();
            AgeSexTable out = flowYears > 0 ? flow[1].times(1 / flowYears) : new AgeSexTable();
            double[] fertility = fertilityParts.get(code);
            double rate = fertility[1] > 0 ? fertility[0] / fertility[1] : cityFertility;
            assumptions.put(code, new Assumptions(rates, in, out, rate, maleShare));
            basePopulation.put(code, inputs.series(code).population(base));
        }

        List<String> notes = new ArrayList<>();
        if (window.size() < 12) {
            notes.add("死亡率仅依据 " + window.size() + " 个月的死亡登记（建议至少 12 个月），预测的不确定性较大。");
        }
        if (flowWindow.isEmpty()) {
            notes.add("基期及以前没有可识别的出生和迁移（户籍变动从第二期户籍快照之后起统计：第一期无法区分新增人口，"
                    + "第二期的新增人口含第一期被拒收的记录），本次预测未计出生和迁移。");
        } else if (flowWindow.size() < 12) {
            notes.add("出生和迁移按 " + flowWindow.size() + " 个月的户籍变动折算为全年。");
        }
        String[] sexNames = {"女性", "男性"};
        for (int s = 0; s < 2; s++) {
            if (city.fits()[s] == null) {
                notes.add(sexNames[s] + "60岁及以上死亡人数不足 " + DeathRates.MIN_FIT_DEATHS
                        + " 人（或曲线拟合未收敛），未采用 Gompertz–Makeham 曲线，改用五岁组死亡率。");
            }
        }
        RateBasis basis = new RateBasis(window.get(0).toString(), base.toString(), window.size(), flowWindow.size(),
                cityDeaths.total(), cityExposure.total(), cityBirths, cityIn, cityOut, city.fits()[FEMALE],
                city.fits()[MALE]);
        return new ForecastModel(base, basePopulation, assumptions, basis, List.copyOf(notes));
    }
}
