// 银龄数仓 · 发展预测: plain JavaScript over /api/v1/forecast and /api/v1/forecast/backtest (no build step, no CDN).
(function () {
  'use strict';

  const state = { region: null, years: 10 };
  const $ = (id) => document.getElementById(id);
  const charts = {};
  let backtest = null;
  let labels = {};

  const ELDERLY = ['pop_60', 'pop_65', 'pop_80', 'pop_100'];
  const RATES = ['aging_rate_60', 'aging_rate_65'];
  const TABLE = ['pop_total', 'pop_60', 'pop_65', 'pop_80', 'pop_100', 'aging_rate_60', 'aging_rate_65'];
  const COLORS = { pop_60: '#8c1c13', pop_65: '#d9822b', pop_80: '#2f6f9f', pop_100: '#5c7f3a',
    aging_rate_60: '#8c1c13', aging_rate_65: '#2f6f9f' };

  const { getJson, el } = window.Shell;

  const isRate = (code) => code.startsWith('aging_rate');

  function format(value, code, signed) {
    if (value === null || value === undefined) return '—';
    const digits = isRate(code) ? 2 : 0;
    const text = new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits })
      .format(Math.abs(value));
    const sign = signed ? (value > 0 ? '+' : value < 0 ? '−' : '') : (value < 0 ? '−' : '');
    return sign + text;
  }

  function withUnit(value, code, signed) {
    const text = format(value, code, signed);
    if (text === '—') return text;
    return text + (isRate(code) ? (signed ? ' 个百分点' : '%') : ' 人');
  }

  function percent(value) {
    if (value === null || value === undefined) return '—';
    return (value > 0 ? '+' : value < 0 ? '−' : '') + Math.abs(value).toFixed(2) + '%';
  }

  function showError(error) {
    const box = $('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
  }

  function saveState() {
    const params = new URLSearchParams();
    if (state.region) params.set('region', state.region);
    if (state.years !== 10) params.set('years', String(state.years));
    history.replaceState(null, '', '?' + params.toString());
  }

  // ---- charts --------------------------------------------------------------------------------------------------

  /** A band as ECharts draws it: an invisible line at the low value and a stacked area of (high − low) above it. */
  function bandSeries(code, points, yAxisIndex) {
    const name = labels[code].name;
    const low = points.map((p) => p.values[code].low);
    const width = points.map((p) => p.values[code].high - p.values[code].low);
    const stack = 'band-' + code;
    return [
      { name: name + '（低）', type: 'line', data: low, stack, yAxisIndex, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, tooltip: { show: false } },
      { name: name + '（区间）', type: 'line', data: width, stack, yAxisIndex, symbol: 'none', silent: true,
        lineStyle: { opacity: 0 }, areaStyle: { color: COLORS[code], opacity: 0.18 }, tooltip: { show: false } },
      { name, type: 'line', data: points.map((p) => p.values[code].central), yAxisIndex, symbolSize: 6,
        itemStyle: { color: COLORS[code] }, lineStyle: { width: 2 } },
    ];
  }

  function tooltip(points, codes) {
    return (params) => {
      const index = params[0].dataIndex;
      const point = points[index];
      const lines = [point.year + (point.observed ? '（基期实际）' : '')];
      codes.forEach((code) => {
        const band = point.values[code];
        lines.push(labels[code].name + '：' + withUnit(band.central, code)
          + (point.observed ? '' : '（' + format(band.low, code) + '–' + format(band.high, code) + '）'));
      });
      return lines.join('<br>');
    };
  }

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function renderCharts(points) {
    const years = points.map((p) => p.observed ? p.year + '实际' : String(p.year));
    const main = ELDERLY.filter((c) => c !== 'pop_100');
    chart('population-chart').setOption({
      animation: false,
      grid: { left: 70, right: 60, top: 40, bottom: 30 },
      legend: { top: 0, data: ELDERLY.map((c) => labels[c].name) },
      tooltip: { trigger: 'axis', formatter: tooltip(points, ELDERLY) },
      xAxis: { type: 'category', boundaryGap: false, data: years },
      yAxis: [
        { type: 'value', scale: true, axisLabel: { formatter: (v) => format(v, 'pop_60') } },
        { type: 'value', scale: true, splitLine: { show: false },
          axisLabel: { formatter: (v) => format(v, 'pop_100') } },
      ],
      series: main.flatMap((c) => bandSeries(c, points, 0)).concat(bandSeries('pop_100', points, 1)),
    }, true);
    chart('rate-chart').setOption({
      animation: false,
      grid: { left: 60, right: 30, top: 40, bottom: 30 },
      legend: { top: 0, data: RATES.map((c) => labels[c].name) },
      tooltip: { trigger: 'axis', formatter: tooltip(points, RATES) },
      xAxis: { type: 'category', boundaryGap: false, data: years },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => v.toFixed(1) + '%' } },
      series: RATES.flatMap((c) => bandSeries(c, points, 0)),
    }, true);
  }

  // ---- tables --------------------------------------------------------------------------------------------------

  function renderTable(answer) {
    const head = $('forecast-table').querySelector('thead tr');
    head.replaceChildren(el('th', {}, '年份'),
      ...TABLE.map((c) => el('th', { className: 'num' }, labels[c].name + (isRate(c) ? '（%）' : '（人）'))));
    const body = $('forecast-table').querySelector('tbody');
    body.replaceChildren();
    answer.forecast.points.forEach((point) => {
      body.appendChild(el('tr', { className: point.observed ? 'observed' : null, 'data-year': String(point.year) },
        el('td', {}, point.observed ? point.year + '（' + point.month + ' 实际）' : point.year + '（' + point.month + '）'),
        ...TABLE.map((c) => {
          const band = point.values[c];
          return el('td', { className: 'num' }, format(band.central, c),
            point.observed ? null : el('span', { className: 'band' }, format(band.low, c) + '–' + format(band.high, c)));
        })));
    });
    $('table-title').textContent = '逐年预测：' + answer.forecast.region_name
      + '（中方案，下方小字为低方案至高方案区间）';
  }

  function renderBacktest() {
    $('backtest-message').textContent = backtest.message;
    $('backtest-body').hidden = !backtest.available;
    if (!backtest.available) return;
    const summary = $('backtest-summary').querySelector('tbody');
    summary.replaceChildren();
    backtest.summary.forEach((s) => {
      summary.appendChild(el('tr', { 'data-indicator': s.indicator },
        el('td', {}, labels[s.indicator].name),
        el('td', { className: 'num' }, percent(s.city_error_percent)),
        el('td', { className: 'num' }, s.district_mean_abs_error_percent === null ? '—'
          : s.district_mean_abs_error_percent.toFixed(2) + '%'),
        el('td', { className: 'num' }, s.district_max_abs_error_percent === null ? '—'
          : s.district_max_abs_error_percent.toFixed(2) + '%'),
        el('td', { className: 'num' }, s.districts_within_band + ' / ' + s.districts)));
    });
    const rows = backtest.rows.filter((r) => r.region_code === state.region);
    const detail = $('backtest-table').querySelector('tbody');
    detail.replaceChildren();
    rows.forEach((r) => {
      detail.appendChild(el('tr', { 'data-indicator': r.indicator },
        el('td', {}, labels[r.indicator].name),
        el('td', { className: 'num' }, format(r.observed, r.indicator)),
        el('td', { className: 'num' }, format(r.projected, r.indicator)),
        el('td', { className: 'num' }, format(r.low, r.indicator) + '–' + format(r.high, r.indicator)),
        el('td', { className: 'num' }, withUnit(r.error, r.indicator, true)),
        el('td', { className: 'num' }, percent(r.error_percent)),
        el('td', { className: r.within_band ? 'within-yes' : 'within-no' }, r.within_band ? '是' : '否')));
    });
    const name = rows.length ? rows[0].region_name : '';
    $('backtest-detail-title').textContent = name + '明细（' + backtest.base_month + ' 预测 ' + backtest.target_month
      + '，误差 = 预测 − 实际）';
  }

  function renderMethod(answer) {
    const m = answer.method;
    const b = answer.basis;
    const fit = (f) => f ? 'μ(x) = ' + f.a.toExponential(2) + ' + ' + f.b.toExponential(2) + '·e^(' + f.c.toFixed(4) + '·x)'
      : '死亡人数不足，改用五岁组死亡率';
    const num = (v, d) => new Intl.NumberFormat('zh-CN', { maximumFractionDigits: d || 0 }).format(v);
    const items = [
      '方法：队列要素法（分要素推算法）。以 ' + answer.base_month + ' 月末的户籍人口为基期，按单岁年龄（0–99 岁及 100 岁以上）和性别，'
        + '逐年推算每个区县：每人每年长一岁，按死亡率扣除死亡，加上迁入、减去迁出，再加上新出生的人口。全市 = 各区县之和。',
      '死亡率：用基期及以前最近 ' + b.death_months + ' 个月（最多 ' + m.rate_window_months + ' 个月，本次为 ' + b.from_month + ' 至 '
        + b.to_month + '）的死亡登记人数除以同期生存人年数（全市共死亡 ' + num(b.deaths) + ' 人，' + num(b.person_years) + ' 人年）。'
        + m.fit_from_age + ' 岁以下按 0、1–4、5–9……55–59 岁分组合并计算；' + m.fit_from_age
        + ' 岁及以上用 Gompertz–Makeham 曲线（泊松最大似然）拟合，以消除高龄组人数少造成的波动。女性：' + fit(b.female_fit)
        + '；男性：' + fit(b.male_fit) + '。',
      '区县死亡率：以全市死亡率为基础，按区县实际死亡人数与按全市死亡率计算的预期死亡人数之比调整（分性别、分 60 岁以下与以上），'
        + '并向全市水平收缩：调整系数 =（实际死亡 + ' + m.shrink_deaths + '）÷（预期死亡 + ' + m.shrink_deaths
        + '）。区县死亡人数少时基本采用全市水平，死亡人数多时采用本区县水平。',
      '迁移：按户籍变动统计每年分年龄、性别的迁入（含从本市其他区县迁入）和迁出（含迁往其他区县、注销）人数，共 '
        + b.flow_months + ' 个月（迁入 ' + num(b.moves_in) + ' 人、迁出 ' + num(b.moves_out) + ' 人）折算为全年，预测期内保持不变；'
        + '迁移人口一半按年初、一半按年末计入。',
      '出生：以新登记的 0 岁人口作为出生人数（同期 ' + num(b.births) + ' 人），折算为每名 15–49 岁妇女每年的生育数，'
        + '再乘以预测年份的 15–49 岁妇女人数；男婴比例取观测值。',
      '区间的含义：低方案和高方案不是统计置信区间，而是以下假设组合下结果的最低值和最高值：死亡率上下浮动 '
        + m.mortality_spread_percent + '%，迁入与出生上下浮动 ' + m.flow_spread_percent + '%、迁出反向浮动 '
        + m.flow_spread_percent + '%。中方案即按当前观测水平不变推算。',
      '回测：用“一年前”的数据（只用当时已有的死亡和迁移记录）按同样方法预测到最新月份，与实际户籍人口比较，误差越小说明方法越可靠。'
        + '区间只反映上述假设的变化，不含人数少带来的随机波动，人口少的区县实际值落在区间外是常见的。',
    ];
    $('method-body').replaceChildren(el('ul', {}, ...items.map((t) => el('li', {}, t))));
  }

  // ---- flow ----------------------------------------------------------------------------------------------------

  async function render() {
    $('error').hidden = true;
    const query = '?years=' + state.years + (state.region ? '&region=' + state.region : '');
    const answer = await getJson('/api/v1/forecast' + query);
    labels = Object.fromEntries(answer.indicators.map((i) => [i.code, i]));
    state.region = answer.forecast.region_code;
    const select = $('region-select');
    if (!select.options.length) {
      answer.regions.forEach((r) => select.appendChild(el('option', { value: r.region_code },
        (r.level === 2 ? '' : '　') + r.name)));
    }
    select.value = state.region;
    window.Shell.setVersion(answer.version);
    $('base-info').textContent = '基期 ' + answer.base_month + '，预测至 ' + (Number(answer.base_month.substring(0, 4))
      + answer.years) + ' 年';
    const notes = $('notes');
    notes.hidden = answer.notes.length === 0;
    notes.replaceChildren(...answer.notes.map((n) => el('p', {}, n)));
    $('forecast').hidden = false;
    renderCharts(answer.forecast.points);
    renderTable(answer);
    renderMethod(answer);
    if (!backtest) backtest = await getJson('/api/v1/forecast/backtest');
    renderBacktest();
    saveState();
  }

  function start() {
    const params = new URLSearchParams(location.search);
    state.region = params.get('region');
    const years = Number(params.get('years'));
    if ([5, 10, 20].includes(years)) state.years = years;
    $('years-select').value = String(state.years);
    $('region-select').addEventListener('change', (e) => { state.region = e.target.value; render().catch(showError); });
    $('years-select').addEventListener('change', (e) => { state.years = Number(e.target.value); render().catch(showError); });
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    render().catch(showError);
  }

  start();
})();
