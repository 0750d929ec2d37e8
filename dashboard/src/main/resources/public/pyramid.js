// The population pyramid and age-band table of one region and month beside the same month a year earlier
// (GET /api/v1/population/pyramid), drawn by the 人口概况 theme page and the explorer's 人口结构 tab alike.
(function () {
  'use strict';

  const { el, esc, format: F } = window.Shell;
  const COLORS = { male: '#3b6ea8', female: '#c0504d' };
  const NO_DATA_GRAPHIC = [{ type: 'text', left: 'center', top: 'middle',
    style: { text: '暂无数据', fontSize: 16, fill: '#9aa5b1' } }];

  /** The pyramid's half width: the largest band rounded up to a round number (6,000 for 5,967), the axis's end. */
  function roundUp(value) {
    const magnitude = Math.pow(10, Math.floor(Math.log10(value)));
    return [1, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10].map((m) => m * magnitude).find((n) => n >= value);
  }

  function drawPyramid(chart, bands, maleKey, femaleKey, hasData, max) {
    const people = (v) => F.count(Math.abs(v)) + ' 人';
    chart.setOption({
      animation: false,
      grid: { left: 84, right: 24, top: 30, bottom: 28 },
      legend: { top: 0, data: ['男', '女'] },
      graphic: hasData ? [] : NO_DATA_GRAPHIC,
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' },
        formatter: (items) => esc(items[0].name) + '<br>' + items.map((i) => i.seriesName + '：' + people(i.value)).join('<br>') },
      xAxis: { type: 'value', min: -max, max, axisLabel: { formatter: (v) => F.count(Math.abs(v)) } },
      yAxis: { type: 'category', data: bands.map((b) => b.label), axisTick: { show: false } },
      series: [
        { name: '男', type: 'bar', stack: 'people', barCategoryGap: '15%', itemStyle: { color: COLORS.male },
          data: hasData ? bands.map((b) => -(b[maleKey] || 0)) : [] },
        { name: '女', type: 'bar', stack: 'people', itemStyle: { color: COLORS.female },
          data: hasData ? bands.map((b) => b[femaleKey] || 0) : [] },
      ],
    }, true);
  }

  function drawTable(table, answer) {
    const share = (n, totals) => (F.isNumber(n) && totals && totals.total ? F.number(n * 100 / totals.total, 2) + '%' : '—');
    const diff = (b) => (F.isNumber(b.total) && F.isNumber(b.previous_total) ? F.change(b.total - b.previous_total, { unit: '人' }) : '—');
    const t = answer.totals;
    const p = answer.previous_totals;
    table.replaceChildren(
      el('thead', {}, el('tr', {}, ['年龄段', '男', '女', '合计', '占总人口', '上年同期', '较上年'].map((h, i) =>
        el('th', { className: i ? 'num' : null }, h)))),
      el('tbody', {}, answer.bands.map((b) => el('tr', { className: b.elderly ? 'elderly' : null, 'data-band': b.age_band },
        el('td', {}, b.label), el('td', { className: 'num' }, F.count(b.male)), el('td', { className: 'num' }, F.count(b.female)),
        el('td', { className: 'num' }, F.count(b.total)), el('td', { className: 'num' }, share(b.total, t)),
        el('td', { className: 'num' }, F.count(b.previous_total)), el('td', { className: 'num' }, diff(b))))),
      el('tfoot', {},
        el('tr', {}, el('td', {}, '60岁及以上'), el('td', {}), el('td', {}),
          el('td', { className: 'num' }, t ? F.count(t.elderly) : '—'), el('td', { className: 'num' }, share(t && t.elderly, t)),
          el('td', { className: 'num' }, p ? F.count(p.elderly) : '—'),
          el('td', { className: 'num' }, t && p ? F.change(t.elderly - p.elderly, { unit: '人' }) : '—')),
        el('tr', {}, el('td', {}, '合计'), el('td', { className: 'num' }, t ? F.count(t.male) : '—'),
          el('td', { className: 'num' }, t ? F.count(t.female) : '—'), el('td', { className: 'num' }, t ? F.count(t.total) : '—'),
          el('td', { className: 'num' }, t ? '100%' : '—'), el('td', { className: 'num' }, p ? F.count(p.total) : '—'),
          el('td', { className: 'num' }, t && p ? F.change(t.total - p.total, { unit: '人' }) : '—'))));
    if (!answer.bands.length) {
      table.querySelector('tbody').appendChild(el('tr', {}, el('td', { colspan: 7, className: 'muted' },
        '该区域本月暂无人口年龄结构数据。')));
    }
  }

  /**
   * Draws an answer of /api/v1/population/pyramid. parts: { chart, previousChart } (ECharts instances), { table,
   * currentTitle, previousTitle } (elements); all: with the bands under 60 in the charts (the table has every band).
   */
  function render(answer, parts, all) {
    const bands = answer.bands.filter((b) => all || b.elderly);
    const max = roundUp(Math.max(1, ...bands.flatMap((b) => [b.male, b.female, b.previous_male, b.previous_female]
      .filter(F.isNumber))));
    parts.currentTitle.textContent = F.month(answer.month) + '　' + answer.region.name
      + (answer.has_data ? '　合计 ' + F.count(answer.totals.total) + ' 人' : '');
    parts.previousTitle.textContent = F.month(answer.previous_month) + '（上年同期）'
      + (answer.has_previous ? '　合计 ' + F.count(answer.previous_totals.total) + ' 人' : '');
    drawPyramid(parts.chart, bands, 'male', 'female', answer.has_data, max);
    drawPyramid(parts.previousChart, bands, 'previous_male', 'previous_female', answer.has_previous, max);
    drawTable(parts.table, answer);
  }

  window.Pyramid = { render };
})();
