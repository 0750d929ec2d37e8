// 趋势分析 (explorer.html): several KPIs of several regions over a range of months in one chart, the table of their
// values, numerators, denominators and changes (环比, 同比) beside it, and the 人口结构 tab (the pyramid of any
// region and month). The whole view is in the URL (tab, kpis, regions, from, to, chart, breakdown; region and month
// for the pyramid), so it can be bookmarked and sent; every change is a history entry, the back button undoes it.
(function () {
  'use strict';

  const { el, esc, getJson, format: F } = window.Shell;
  const { Exports, Pyramid } = window;
  const $ = (id) => document.getElementById(id);
  const MAX_SERIES = 12;   // TrendExplorer.MAX_SERIES
  const LEVELS = { 2: '市', 3: '区县', 4: '街道乡镇', 5: '社区村' };
  const NO_DATA_GRAPHIC = [{ type: 'text', left: 'center', top: 'middle',
    style: { text: '暂无数据', fontSize: 16, fill: '#9aa5b1' } }];
  const PALETTE = ['#a61b1b', '#3b6ea8', '#2e7d32', '#b26a00', '#6a3d9a', '#00838f', '#c2185b', '#5d4037',
    '#7b8794', '#827717', '#1565c0', '#ef6c00'];

  const state = { tab: 'trend', kpis: [], regions: [], from: null, to: null, chart: 'line', breakdown: {},
    region: null, month: null };
  let catalog = {};          // KPI code → definition of /api/v1/catalog
  let groups = [];           // the themes, in catalog order
  let themes = [];
  let months = [];
  let city = null;
  let breakdownOptions = {}; // KPI code → [{code, label}] of /api/v1/explorer/breakdowns
  let version = null;
  const regionNames = {};    // region code → { name, level, path }: for the chips, known from the tree, search, API
  let answer = null;         // the last series answer, drawn in the chart and the table
  let ticket = 0;            // a newer render makes the answers of an older one void
  const charts = {};

  // ---- helpers ---------------------------------------------------------------------------------------------

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function showError(error) {
    $('error').textContent = error.message || String(error);
    $('error').hidden = false;
  }

  function hideError() {
    $('error').hidden = true;
  }

  /** Codes and months need no escaping; commas and colons stay readable in the address bar. */
  function param(value) {
    return encodeURIComponent(value).replace(/%2C/gi, ',').replace(/%3A/gi, ':');
  }

  function breakdownParam() {
    return state.kpis.filter((k) => state.breakdown[k]).map((k) => k + ':' + state.breakdown[k]).join(',');
  }

  /** The series query of the view: the same for the chart, the table and the table's export. */
  function seriesQuery() {
    const parts = ['kpis=' + param(state.kpis.join(',')), 'regions=' + param(state.regions.join(',')),
      'from=' + param(state.from), 'to=' + param(state.to)];
    const bd = breakdownParam();
    if (bd) parts.push('breakdown=' + param(bd));
    return parts.join('&');
  }

  function pageQuery() {
    const parts = [];
    if (state.tab !== 'trend') parts.push('tab=' + state.tab);
    parts.push(seriesQuery(), 'chart=' + state.chart);
    if (state.tab === 'pyramid') {
      if (state.region) parts.push('region=' + param(state.region));
      if (state.month) parts.push('month=' + param(state.month));
    }
    return parts.join('&');
  }

  /** Every change of the view is a history entry; a view restored or corrected on load replaces the entry. */
  function saveState(newEntry) {
    const url = location.pathname + '?' + pageQuery();
    if (url !== location.pathname + location.search) {
      if (newEntry) history.pushState(null, '', url);
      else history.replaceState(null, '', url);
    }
    window.Shell.setPlace(state.tab === 'pyramid' && state.region ? state.region : state.regions[0],
      state.tab === 'pyramid' && state.month ? state.month : state.to);
  }

  function list(text) {
    return (text || '').split(',').map((s) => s.trim()).filter(Boolean)
      .filter((value, i, all) => all.indexOf(value) === i);
  }

  /** The view of the URL; what the live version no longer has is left out, with a note saying so. */
  function readState() {
    const params = new URLSearchParams(location.search);
    const dropped = [];
    state.tab = params.get('tab') === 'pyramid' ? 'pyramid' : 'trend';
    state.kpis = list(params.get('kpis')).filter((code) => catalog[code] || !dropped.push('指标 ' + code));
    if (!state.kpis.length && !params.get('kpis')) state.kpis = defaultKpis();
    // a theme page's navigation link carries one region and month
    state.regions = list(params.get('regions') || params.get('region')).filter((code) => /^\d{12}$/.test(code)
      || !dropped.push('区域 ' + code));
    if (!state.regions.length && city) state.regions = [city.region_code];
    state.from = months.includes(params.get('from')) ? params.get('from') : months[0];
    state.to = months.includes(params.get('to')) ? params.get('to') : months[months.length - 1];
    if (state.from > state.to) state.from = state.to;
    state.chart = params.get('chart') === 'bar' ? 'bar' : 'line';
    state.breakdown = {};
    list(params.get('breakdown')).forEach((pair) => {
      const [kpi, code] = pair.split(':');
      if (state.kpis.includes(kpi) && (breakdownOptions[kpi] || []).some((o) => o.code === code)) state.breakdown[kpi] = code;
      else dropped.push('分项 ' + pair);
    });
    const region = params.get('region');
    state.region = /^\d{12}$/.test(region || '') ? region : null;
    state.month = months.includes(params.get('month')) ? params.get('month') : null;
    return dropped;
  }

  function defaultKpis() {
    const first = themes.find((t) => t.headline_kpis.length);
    return first ? [first.headline_kpis[0]] : [];
  }

  function seriesCount() {
    return state.kpis.length * state.regions.length;
  }

  // ---- layout (built once) ---------------------------------------------------------------------------------

  function layout() {
    // a new version lays the page out again: the old charts belong to elements about to go
    Object.keys(charts).forEach((id) => { charts[id].dispose(); delete charts[id]; });
    const tab = (code, label) => el('button', { type: 'button', role: 'tab', className: 'tab', 'data-tab': code,
      onclick: () => { if (state.tab !== code) { state.tab = code; go(); } } }, label);
    const monthSelect = (id, label, key) => el('label', {}, label, el('select', { id, 'aria-label': label,
      onchange: (e) => { state[key] = e.target.value; if (state.from > state.to) state[key === 'from' ? 'to' : 'from'] = e.target.value; go(); } }));
    const chartType = (value, label) => el('label', { className: 'radio' }, el('input', { type: 'radio', name: 'chart-type',
      value, id: 'chart-' + value, onchange: () => { state.chart = value; go(); } }), label);

    $('app').replaceChildren(
      el('section', { className: 'controls' },
        el('h2', { className: 'page-title', id: 'page-title' }, '趋势分析'),
        el('div', { className: 'tabs', role: 'tablist' }, tab('trend', '指标趋势'), tab('pyramid', '人口结构'))),
      el('main', {},
        el('section', { id: 'picker', className: 'panel picker', 'aria-label': '选择指标、区域和月份' },
          el('div', { className: 'picker-column trend-only' },
            el('h3', {}, '指标', el('span', { id: 'kpi-count', className: 'muted count' })),
            el('input', { id: 'kpi-filter', type: 'search', placeholder: '筛选指标名称或代码', 'aria-label': '筛选指标',
              oninput: filterKpis }),
            el('div', { id: 'kpi-list', className: 'choice-list' })),
          el('div', { className: 'picker-column' },
            el('h3', {}, '区域', el('span', { id: 'region-count', className: 'muted count' })),
            el('div', { className: 'search-box' },
              el('input', { id: 'region-search', type: 'search', placeholder: '搜索区域名称或区划代码', 'aria-label': '搜索区域',
                autocomplete: 'off', oninput: searchRegions }),
              el('ul', { id: 'region-results', className: 'results', hidden: true })),
            el('div', { id: 'region-chips', className: 'chips' }),
            el('div', { id: 'region-tree', className: 'choice-list tree', role: 'tree' })),
          el('div', { className: 'picker-column narrow trend-only' },
            el('h3', {}, '月份与图表'),
            monthSelect('from-select', '起始月份', 'from'),
            monthSelect('to-select', '截止月份', 'to'),
            el('div', { className: 'chart-types', role: 'radiogroup', 'aria-label': '图表类型' },
              chartType('line', '折线图'), chartType('bar', '柱状图')),
            el('p', { id: 'series-note', className: 'muted' }))),
        el('section', { id: 'trend-tab', className: 'row row-explorer' },
          el('div', { className: 'panel' },
            el('div', { className: 'panel-head' }, el('h3', { id: 'chart-title' }, '指标趋势'),
              Exports.pngButton(() => charts['explorer-chart'], () => '趋势分析-' + state.from + '至' + state.to)),
            el('p', { id: 'chart-empty', className: 'muted empty-note', hidden: true }),
            el('div', { id: 'explorer-chart', className: 'chart explorer-chart' })),
          el('div', { className: 'panel' },
            el('div', { className: 'panel-head' }, el('h3', {}, '数据表'),
              Exports.tableButtons((format) => '/api/v1/exports/explorer/series?' + seriesQuery() + '&format=' + format,
                showError)),
            el('div', { className: 'table-wrap explorer-table' },
              el('table', { id: 'series-table', className: 'data' })))),
        el('section', { id: 'pyramid-tab', className: 'panel', hidden: true },
          el('div', { className: 'panel-head' },
            el('h3', {}, '人口年龄结构（人口金字塔）'),
            el('span', { className: 'tools' },
              el('label', {}, '区域 ', el('select', { id: 'pyramid-region', 'aria-label': '金字塔的区域',
                onchange: (e) => { state.region = e.target.value; go(); } })),
              el('label', {}, '月份 ', el('select', { id: 'pyramid-month', 'aria-label': '金字塔的月份',
                onchange: (e) => { state.month = e.target.value; go(); } })),
              el('label', { className: 'toggle' }, el('input', { type: 'checkbox', id: 'pyramid-all',
                onchange: () => render() }), ' 含60岁以下年龄段'),
              Exports.tableButtons((format) => '/api/v1/exports/population/pyramid?region=' + param(pyramidRegion())
                + '&month=' + param(pyramidMonth()) + '&format=' + format, showError))),
          el('p', { className: 'muted' }, '区域取自上方已选区域，可在区域选择中加入任意一级的区域（市、区县、街道乡镇、社区村）。'),
          el('div', { className: 'row row-half' },
            el('div', {}, el('div', { className: 'panel-head' }, el('h4', { id: 'pyramid-current-title' }),
              Exports.pngButton(() => charts['pyramid-chart'], () => '人口金字塔-' + regionName(pyramidRegion()) + '-' + pyramidMonth())),
            el('div', { id: 'pyramid-chart', className: 'chart tall' })),
            el('div', {}, el('div', { className: 'panel-head' }, el('h4', { id: 'pyramid-previous-title' }),
              Exports.pngButton(() => charts['pyramid-previous-chart'], () => '人口金字塔-上年同期-' + regionName(pyramidRegion()))),
            el('div', { id: 'pyramid-previous-chart', className: 'chart tall' }))),
          el('table', { id: 'pyramid-table', className: 'data' }))));

    const options = months.map((m) => el('option', { value: m }, F.month(m)));
    $('from-select').replaceChildren(...options.map((o) => o.cloneNode(true)));
    $('to-select').replaceChildren(...options.map((o) => o.cloneNode(true)));
    $('pyramid-month').replaceChildren(...months.slice().reverse().map((m) => el('option', { value: m }, F.month(m))));
    drawKpiList();
    drawTreeRoot();
  }

  // ---- KPI picker ------------------------------------------------------------------------------------------

  function drawKpiList() {
    $('kpi-list').replaceChildren(...groups.map((group) => el('fieldset', { className: 'kpi-group', 'data-group': group.code },
      el('legend', {}, group.name),
      Object.values(catalog).filter((k) => k.group === group.code).map((kpi) => el('div', { className: 'choice',
        'data-kpi': kpi.code, 'data-search': (kpi.name + ' ' + kpi.code).toLowerCase() },
      el('label', { title: kpi.formula },
        el('input', { type: 'checkbox', value: kpi.code, onchange: (e) => toggleKpi(kpi.code, e.target.checked) }),
        ' ' + kpi.name, kpi.unit ? el('span', { className: 'muted' }, '（' + kpi.unit + '）') : null),
      breakdownOptions[kpi.code] ? el('select', { className: 'breakdown-select', 'data-kpi': kpi.code,
        'aria-label': kpi.name + '的分项', hidden: true,
        onchange: (e) => { if (e.target.value) state.breakdown[kpi.code] = e.target.value; else delete state.breakdown[kpi.code]; go(); } },
      el('option', { value: '' }, '合计'),
      breakdownOptions[kpi.code].map((o) => el('option', { value: o.code }, o.label))) : null)))));
  }

  function filterKpis() {
    const text = $('kpi-filter').value.trim().toLowerCase();
    document.querySelectorAll('#kpi-list .choice').forEach((node) => {
      node.hidden = text !== '' && !node.dataset.search.includes(text);
    });
    document.querySelectorAll('#kpi-list fieldset').forEach((set) => {
      set.hidden = !set.querySelector('.choice:not([hidden])');
    });
  }

  function toggleKpi(code, on) {
    state.kpis = on ? state.kpis.concat(code) : state.kpis.filter((k) => k !== code);
    if (!on) delete state.breakdown[code];
    go();
  }

  function syncKpiList() {
    document.querySelectorAll('#kpi-list .choice').forEach((node) => {
      const on = state.kpis.includes(node.dataset.kpi);
      node.querySelector('input').checked = on;
      node.classList.toggle('checked', on);
      const select = node.querySelector('select');
      if (select) {
        select.hidden = !on;
        select.value = state.breakdown[node.dataset.kpi] || '';
      }
    });
    $('kpi-count').textContent = '已选 ' + state.kpis.length + ' 项';
  }

  // ---- region picker: chips, search, tree ------------------------------------------------------------------

  function remember(region, path) {
    regionNames[region.region_code] = { name: region.name, level: region.level,
      path: path !== undefined ? path : (regionNames[region.region_code] || {}).path };
  }

  function regionName(code) {
    return regionNames[code] ? regionNames[code].name : code;
  }

  function toggleRegion(code, on) {
    state.regions = on ? state.regions.filter((c) => c !== code).concat(code) : state.regions.filter((c) => c !== code);
    go();
  }

  function drawChips() {
    $('region-chips').replaceChildren(...state.regions.map((code) => el('span', { className: 'chip region-chip',
      'data-region': code, title: (regionNames[code] && regionNames[code].path) || code },
    el('span', { className: 'chip-name' }, regionName(code)), el('button', { type: 'button', className: 'chip-remove', 'aria-label': '移除' + regionName(code),
      onclick: () => toggleRegion(code, false) }, '×'))));
    $('region-count').textContent = '已选 ' + state.regions.length + ' 个';
    document.querySelectorAll('#region-tree input[type=checkbox]').forEach((box) => {
      box.checked = state.regions.includes(box.value);
    });
  }

  let searchTimer = null;
  let searchTicket = 0;
  function searchRegions() {
    clearTimeout(searchTimer);
    const text = $('region-search').value.trim();
    const results = $('region-results');
    if (!text) { results.hidden = true; return; }
    searchTimer = setTimeout(async () => {
      const my = ++searchTicket;
      try {
        const found = await getJson('/api/v1/explorer/regions?q=' + encodeURIComponent(text));
        if (my !== searchTicket) return;
        results.replaceChildren(...found.regions.map((r) => {
          remember(r, r.path);
          return el('li', { 'data-region': r.region_code, tabindex: 0, role: 'option',
            className: state.regions.includes(r.region_code) ? 'chosen' : null,
            onclick: () => pick(r.region_code), onkeydown: (e) => { if (e.key === 'Enter') pick(r.region_code); } },
          el('span', {}, r.name), el('span', { className: 'muted' }, ' ' + LEVELS[r.level] + (r.path ? ' · ' + r.path : '')));
        }));
        if (!found.regions.length) results.appendChild(el('li', { className: 'muted' }, '没有找到“' + text + '”'));
        if (found.truncated) results.appendChild(el('li', { className: 'muted' }, '结果较多，请输入更完整的名称。'));
        results.hidden = false;
      } catch (error) {
        showError(error);
      }
    }, 200);
  }

  function pick(code) {
    $('region-results').hidden = true;
    $('region-search').value = '';
    if (!state.regions.includes(code)) toggleRegion(code, true);
  }

  function treeNode(region) {
    remember(region);
    const node = el('div', { className: 'tree-node', role: 'treeitem', 'data-region': region.region_code,
      'aria-expanded': region.level < 5 ? 'false' : null });
    const toggle = region.level < 5
      ? el('button', { type: 'button', className: 'tree-toggle', 'aria-label': '展开' + region.name,
        onclick: () => expand(node, region) }, '▸')
      : el('span', { className: 'tree-toggle leaf' });
    node.append(el('div', { className: 'tree-row' }, toggle,
      el('label', {}, el('input', { type: 'checkbox', value: region.region_code,
        checked: state.regions.includes(region.region_code),
        onchange: (e) => toggleRegion(region.region_code, e.target.checked) }), ' ' + region.name),
      el('span', { className: 'muted level' }, LEVELS[region.level] || '')),
    el('div', { className: 'tree-children', hidden: true }));
    return node;
  }

  async function expand(node, region) {
    const box = node.querySelector('.tree-children');
    const open = node.getAttribute('aria-expanded') === 'true';
    node.setAttribute('aria-expanded', open ? 'false' : 'true');
    node.querySelector('.tree-toggle').textContent = open ? '▸' : '▾';
    box.hidden = open;
    if (open || box.dataset.loaded) return;
    try {
      const answer = await getJson('/api/v1/regions/' + encodeURIComponent(region.region_code));
      box.dataset.loaded = '1';
      box.replaceChildren(...(answer.children.length ? answer.children.map(treeNode)
        : [el('div', { className: 'muted tree-empty' }, '没有下级区域')]));
    } catch (error) {
      showError(error);
    }
  }

  function drawTreeRoot() {
    $('region-tree').replaceChildren(...(city ? [treeNode(city)] : []));
    const root = $('region-tree').querySelector('.tree-node');
    if (root && city) expand(root, city);
  }

  /** Names of regions the URL brought that neither the tree nor a search has shown yet; unknown ones are left out. */
  async function resolveRegions() {
    const unknown = state.regions.filter((code) => !regionNames[code]);
    const dropped = [];
    await Promise.all(unknown.map(async (code) => {
      try {
        const answer = await getJson('/api/v1/regions/' + code);
        remember(answer.region, answer.ancestors.map((a) => a.name).join(' › '));
      } catch (error) {
        if (error.status !== 404 && error.status !== 400) throw error;
        dropped.push('区域 ' + code);
      }
    }));
    state.regions = state.regions.filter((code) => regionNames[code]);
    if (!state.regions.length && city) state.regions = [city.region_code];
    return dropped;
  }

  // ---- the trend chart and table ---------------------------------------------------------------------------

  function unitLabel(series) {
    return series.unit || (series.ratio ? '比值' : '');
  }

  function valueText(value, series) {
    return F.valueText(value, catalog[series.kpi]);
  }

  function pointText(point, series) {
    if (point.data_status === 'no_data') return '暂无数据';
    if (point.data_status === 'no_value') return '无法计算';
    return valueText(point.value, series);
  }

  /** 环比 / 同比 as the table shows them: points for a % KPI, else the difference and its rate. */
  function changeText(difference, rate, series) {
    if (!F.isNumber(difference)) return '—';
    const text = F.change(difference, catalog[series.kpi]);
    return F.isNumber(rate) && text !== '持平' ? text + '（' + (rate > 0 ? '+' : rate < 0 ? '−' : '')
      + F.number(Math.abs(rate), 2) + '%）' : text;
  }

  /** Lines the legend takes at this width (every series named in full, wrapped like ECharts' plain legend). */
  function legendLines(names, width) {
    let lines = 1;
    let used = 0;
    names.forEach((name) => {
      const item = 36 + name.length * 12;   // symbol and gap, then about 12 px per character at 12 px
      if (used > 0 && used + item > width) { lines += 1; used = 0; }
      used += item;
    });
    return lines;
  }

  function drawChart() {
    const series = answer.series;
    const units = [];
    series.forEach((s) => { if (!units.includes(unitLabel(s))) units.push(unitLabel(s)); });
    // Up to two units share one chart (a y-axis each side); more get one small chart each, one under another.
    const multiples = units.length > 2;
    const gridHeight = 160;
    const gap = 48;   // room for the x labels of one chart and the unit name of the next
    const box = $('explorer-chart');
    const top = 24 + legendLines(series.map((s) => s.name), box.clientWidth || 800) * 22 + 20;
    box.style.height = (multiples ? top + units.length * (gridHeight + gap) : top + 330) + 'px';
    const c = chart('explorer-chart');
    c.resize();
    const labels = answer.months.map(F.month);
    const grids = multiples ? units.map((u, i) => ({ left: 72, right: 24, top: top + i * (gridHeight + gap), height: gridHeight }))
      : [{ left: 72, right: units.length > 1 ? 72 : 24, top, bottom: 36 }];
    const xAxes = grids.map((g, i) => ({ type: 'category', gridIndex: i, data: labels }));
    const yAxes = units.map((unit, i) => {
      const sample = series.find((s) => unitLabel(s) === unit);
      const kpi = catalog[sample.kpi];
      const name = multiples || units.length === 1 ? unit : unit + (i === 0 ? '（左轴，实线）' : '（右轴，虚线）');
      return { type: 'value', gridIndex: multiples ? i : 0, name, position: !multiples && i === 1 ? 'right' : 'left',
        nameTextStyle: { align: !multiples && i === 1 ? 'right' : 'left' },
        scale: true, minInterval: kpi.ratio ? 0 : 1, splitLine: { show: multiples || i === 0 },
        axisLabel: { formatter: (v) => F.number(v, kpi.ratio ? 1 : 0) } };
    });
    const hasData = series.some((s) => s.points.some((p) => F.isNumber(p.value)));
    c.setOption({
      animation: false,
      color: PALETTE,
      legend: { type: 'plain', top: 0, left: 0, right: 0, data: series.map((s) => s.name) },
      grid: grids,
      xAxis: xAxes,
      yAxis: yAxes,
      graphic: hasData ? [] : NO_DATA_GRAPHIC,
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const index = items[0].dataIndex;
          const lines = [F.month(answer.months[index])];
          series.forEach((s, i) => {
            lines.push('<span style="color:' + PALETTE[i % PALETTE.length] + '">●</span> ' + esc(s.name) + '：'
              + esc(pointText(s.points[index], s)));
          });
          return lines.join('<br>');
        },
      },
      series: series.map((s) => {
        const axis = units.indexOf(unitLabel(s));
        // on a shared chart the right axis's series are dashed (bars: lighter), so each reads against its axis
        const right = !multiples && axis === 1;
        return { name: s.name, type: state.chart, xAxisIndex: multiples ? axis : 0, yAxisIndex: axis,
          connectNulls: false, symbolSize: 6, barMaxWidth: 22, data: s.points.map((p) => p.value),
          lineStyle: right ? { type: 'dashed' } : undefined, itemStyle: right && state.chart === 'bar' ? { opacity: 0.6 } : undefined };
      }),
    }, true);
    box.dataset.series = String(series.length);
    $('chart-title').textContent = '指标趋势（' + F.month(answer.from) + '至' + F.month(answer.to) + '，数据版本第 '
      + answer.version + ' 版）';
    $('chart-empty').hidden = hasData;
    $('chart-empty').textContent = hasData ? '' : '所选指标和区域在这些月份暂无数据。';
  }

  function drawTable() {
    const head = el('thead', {}, el('tr', {}, ['月份', '指标值', '分子', '分母', '环比', '同比'].map((h, i) =>
      el('th', { className: i ? 'num' : null }, h))));
    const bodies = answer.series.map((s, i) => el('tbody', { 'data-series': s.key },
      el('tr', { className: 'series-head' }, el('th', { colspan: 6 },
        el('span', { className: 'dot', style: 'background:' + PALETTE[i % PALETTE.length] }), s.name,
        s.unit ? el('span', { className: 'muted' }, '（' + s.unit + '）') : null)),
      s.points.map((p) => el('tr', { 'data-series': s.key, 'data-month': p.month, title: p.note || null,
        className: p.data_status !== 'ok' ? 'no-figure' : null },
      el('td', {}, F.month(p.month)),
      el('td', { className: 'num value' }, pointText(p, s)),
      el('td', { className: 'num numerator' }, p.data_status === 'no_data' ? '—' : F.count(p.numerator)),
      el('td', { className: 'num denominator' }, p.data_status === 'no_data' || !s.ratio ? '—' : F.count(p.denominator)),
      el('td', { className: 'num mom' }, changeText(p.mom_change, p.mom_rate, s)),
      el('td', { className: 'num yoy' }, changeText(p.yoy_change, p.yoy_rate, s))))));
    $('series-table').replaceChildren(head, ...bodies);
  }

  async function renderTrend(my) {
    const count = seriesCount();
    $('series-note').textContent = state.kpis.length + ' 项指标 × ' + state.regions.length + ' 个区域 = ' + count
      + ' 条序列（最多 ' + MAX_SERIES + ' 条）';
    $('series-note').classList.toggle('over', count > MAX_SERIES);
    if (!count || count > MAX_SERIES) {
      answer = null;
      if (charts['explorer-chart']) charts['explorer-chart'].clear();
      $('explorer-chart').dataset.series = '0';
      $('series-table').replaceChildren();
      $('chart-empty').hidden = false;
      $('chart-empty').textContent = !count ? '请在上方至少选择一项指标和一个区域。'
        : '一张图最多比较 ' + MAX_SERIES + ' 条序列，请减少指标或区域。';
      return;
    }
    const result = await getJson('/api/v1/explorer/series?' + seriesQuery());
    if (my !== ticket) return;
    answer = result;
    answer.series.forEach((s) => remember(s.region));
    drawChips();
    drawChart();
    drawTable();
  }

  // ---- the pyramid tab -------------------------------------------------------------------------------------

  function pyramidRegion() {
    return state.region && state.regions.includes(state.region) ? state.region : state.regions[0];
  }

  function pyramidMonth() {
    return state.month || state.to;
  }

  async function renderPyramidTab(my) {
    const region = pyramidRegion();
    const month = pyramidMonth();
    $('pyramid-region').replaceChildren(...state.regions.map((code) => el('option', { value: code }, regionName(code))));
    $('pyramid-region').value = region;
    $('pyramid-month').value = month;
    const result = await getJson('/api/v1/population/pyramid?region=' + param(region) + '&month=' + param(month));
    if (my !== ticket) return;
    Pyramid.render(result, {
      chart: chart('pyramid-chart'), previousChart: chart('pyramid-previous-chart'), table: $('pyramid-table'),
      currentTitle: $('pyramid-current-title'), previousTitle: $('pyramid-previous-title'),
    }, $('pyramid-all').checked);
  }

  // ---- rendering -------------------------------------------------------------------------------------------

  function syncControls() {
    document.querySelectorAll('.tabs .tab').forEach((b) => {
      b.classList.toggle('active', b.dataset.tab === state.tab);
      b.setAttribute('aria-selected', String(b.dataset.tab === state.tab));
    });
    $('trend-tab').hidden = state.tab !== 'trend';
    $('picker').dataset.tab = state.tab;
    $('pyramid-tab').hidden = state.tab !== 'pyramid';
    $('from-select').value = state.from;
    $('to-select').value = state.to;
    $(state.chart === 'bar' ? 'chart-bar' : 'chart-line').checked = true;
    syncKpiList();
    drawChips();
  }

  async function render() {
    const my = ++ticket;
    hideError();
    syncControls();
    try {
      if (state.tab === 'trend') await renderTrend(my);
      else await renderPyramidTab(my);
      Object.values(charts).forEach((c) => c.resize());
    } catch (error) {
      if (my !== ticket) return;
      if (error.status === 503) { await start(); return; }
      showError(error);
    }
  }

  /** A change made on the page: a history entry, then the view drawn again. */
  function go() {
    saveState(true);
    render();
  }

  async function start() {
    try {
      const status = await getJson('/api/v1/status');
      if (!status.published) {
        $('app').hidden = true;
        window.Shell.setVersion(null);
        $('notice').textContent = status.message;
        $('notice').hidden = false;
        version = null;
        setTimeout(start, 10000);
        return;
      }
      $('notice').hidden = true;
      version = status.version;
      window.Shell.setVersion(version);
      const [catalogA, monthsA, cities, themesA, breakdownsA] = await Promise.all([getJson('/api/v1/catalog'),
        getJson('/api/v1/months'), getJson('/api/v1/regions'), getJson('/api/v1/themes'),
        getJson('/api/v1/explorer/breakdowns')]);
      catalog = {};
      catalogA.kpis.forEach((kpi) => { catalog[kpi.code] = kpi; });
      groups = catalogA.groups;
      themes = themesA;
      months = monthsA.months;
      city = cities[0] || null;
      breakdownOptions = breakdownsA.kpis;
      if (city) remember(city, '');
      layout();
      const dropped = readState().concat(await resolveRegions());
      saveState(false);
      $('app').hidden = false;
      await render();
      if (dropped.length) showError(new Error('链接中的' + dropped.join('、') + '在当前数据版本中不存在，已略去。'));
    } catch (error) {
      showError(error);
    }
  }

  // A newer version published while the page is open: draw the view again from it.
  async function watchVersion() {
    try {
      const status = await getJson('/api/v1/status');
      if (status.published && version !== null && status.version !== version) await start();
    } catch (ignored) { /* the next poll tries again */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    window.addEventListener('popstate', async () => {
      readState();
      await resolveRegions().catch(showError);
      render();
    });
    document.addEventListener('click', (event) => {
      if ($('region-results') && !event.target.closest('.search-box')) $('region-results').hidden = true;
    });
    setInterval(watchVersion, 30000);
    start();
  });
})();
