// 银龄数仓 KPI pages: the overview (index.html) and the five theme pages (theme.html, served at /themes/<group>),
// plain JavaScript over the JSON API of /api/v1 (no build step, no CDN). shell.js draws the header and formats
// numbers. The selected region, month, KPI and breakdown live in the URL, so every view can be bookmarked.
(function () {
  'use strict';

  const { el, getJson, format: F } = window.Shell;
  const { Exports } = window;
  const $ = (id) => document.getElementById(id);
  const isTheme = document.body.dataset.page === 'theme';
  const themeCode = isTheme ? decodeURIComponent(location.pathname.split('/')[2] || '') : null;

  const state = { region: null, month: null, kpi: null, bd: null };
  let version = null;
  let catalog = {};          // KPI code → definition of /api/v1/catalog
  let themes = [];           // /api/v1/themes
  let theme = null;          // this page's theme; null on the overview
  let months = [];
  let city = null;
  let cards = {};            // KPI code → card of the region and month shown
  let regionAnswer = null;   // /api/v1/regions/{code}: the region, its breadcrumb and children
  let renderTicket = 0;      // a newer render makes the answers of an older one void
  let detailTicket = 0;
  let comparison = null;     // the last comparison answer, redrawn when the table is sorted
  let sort = { key: 'region_code', dir: 1 };
  const charts = {};

  const STATUS_TEXT = { met: '达标', not_met: '未达标' };
  const COLORS = { main: '#a61b1b', met: '#2e7d32', notMet: '#c62828', neutral: '#4a6fa5', target: '#2e7d32',
    parent: '#7b8794' };
  const NO_DATA_GRAPHIC = [{ type: 'text', left: 'center', top: 'middle',
    style: { text: '暂无数据', fontSize: 16, fill: '#9aa5b1' } }];

  // ---- small helpers -----------------------------------------------------------------------------------------

  /** ECharts tooltips are HTML: names from the data (region names come from an uploaded feed) are escaped. */
  const esc = window.Shell.esc;

  function chart(id) {
    if (!charts[id]) charts[id] = echarts.init($(id), null, { renderer: 'canvas' });
    return charts[id];
  }

  function showError(error) {
    const box = $('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
  }

  function hideError() {
    $('error').hidden = true;
  }

  function query(params) {
    const search = new URLSearchParams();
    Object.entries(params).forEach(([key, value]) => { if (value) search.set(key, value); });
    return search.toString();
  }

  function placeQuery() {
    return query({ region: state.region, month: state.month });
  }

  /** The URL keeps the view; a new region or month is a history entry (the back button goes up again). */
  function saveState(newEntry) {
    const url = location.pathname + '?' + query(state);
    if (url === location.pathname + location.search) return;
    if (newEntry) history.pushState(null, '', url);
    else history.replaceState(null, '', url);
    window.Shell.setPlace(state.region, state.month);
  }

  function readState() {
    const params = new URLSearchParams(location.search);
    state.region = params.get('region') || (city ? city.region_code : null);
    const wanted = params.get('month');
    state.month = months.includes(wanted) ? wanted : months[months.length - 1];
    state.kpi = params.get('kpi');
    state.bd = params.get('bd');
  }

  function sourcesText(kpi) {
    return kpi.sources.length ? kpi.sources.map((s) => s.name).join('、') : '各成员单位的全部报送（接收与校验记录）';
  }

  /** What a figure is made of: "242.4 ÷ 1,010 × 100 = 24.00"; a count is its numerator. */
  function calculation(kpi, figures) {
    if (!figures || figures.numerator === null || figures.numerator === undefined) return '—';
    if (!kpi.ratio) return '计数：' + F.count(figures.numerator);
    const scale = kpi.scale === 1 ? '' : ' × ' + F.count(kpi.scale);
    const result = F.isNumber(figures.value) ? F.number(figures.value, F.decimals(kpi)) : '无法计算（分母为 0）';
    return F.count(figures.numerator) + ' ÷ ' + F.count(figures.denominator) + scale + ' = ' + result;
  }

  function hoverText(kpi, figures) {
    const lines = [kpi.name, '计算公式：' + kpi.formula, '数据来源：' + sourcesText(kpi)];
    if (figures && figures.data_status !== 'no_data') {
      lines.push('分子：' + F.count(figures.numerator)
        + (kpi.ratio ? '　分母：' + F.count(figures.denominator) : '（计数指标，无分母）'));
    }
    if (figures && figures.target_text) lines.push('目标：' + F.target(figures.target_text, kpi));
    if (figures && figures.note) lines.push(figures.note);
    return lines.join('\n');
  }

  /** good / bad / flat colouring of a change, by the KPI's direction. */
  function changeClass(delta, kpi) {
    if (!F.isNumber(delta) || Math.abs(delta) < 1e-9 || kpi.direction === 'neutral') return 'flat';
    const better = kpi.direction === 'higher_better' ? delta > 0 : delta < 0;
    return better ? 'good' : 'bad';
  }

  function statusColor(status) {
    return status === 'met' ? COLORS.met : status === 'not_met' ? COLORS.notMet : COLORS.neutral;
  }

  /** A value axis in the KPI's terms: whole steps for counts, so an axis of 0–2 facilities does not read 1, 1, 2. */
  function valueAxis(kpi, extra) {
    return { type: 'value', minInterval: kpi.ratio ? 0 : 1,
      axisLabel: { formatter: (v) => F.number(v, kpi.ratio ? 1 : 0) }, ...extra };
  }

  function themeHref(t) {
    return t.path + '?' + placeQuery();
  }

  // ---- layout (built once) ---------------------------------------------------------------------------------

  function layout() {
    const detail = el('section', { id: 'detail', className: 'detail' },
      el('div', { className: 'detail-head' },
        el('h2', { id: 'detail-title' }),
        el('span', { id: 'detail-place', className: 'muted' })),
      el('div', { className: 'row row-trend' },
        el('div', { className: 'panel' },
          el('div', { className: 'panel-head' }, el('h3', {}, '月度趋势'),
            el('span', { className: 'tools' },
              el('a', { id: 'explorer-link', href: '/explorer.html', title: '多指标、多区域比较，查看环比与同比' }, '在趋势分析中查看'),
              Exports.pngButton(() => charts['trend-chart'], () => pngName('月度趋势')))),
          el('div', { id: 'trend-chart', className: 'chart' })),
        el('aside', { id: 'definition', className: 'panel definition', 'aria-label': '指标说明' })),
      el('div', { id: 'breakdown-panel', className: 'panel', hidden: true },
        el('div', { className: 'panel-head' }, el('h3', { id: 'breakdown-title' }, '分项构成'),
          el('span', { className: 'tools' },
            Exports.pngButton(() => charts['breakdown-chart'], () => pngName('分项构成')),
            Exports.tableButtons((format) => '/api/v1/exports/kpis/' + encodeURIComponent(state.kpi) + '?'
              + query({ region: state.region, month: state.month, format }), showError))),
        el('div', { className: 'row row-half' },
          el('div', { id: 'breakdown-chart', className: 'chart short' }),
          el('div', { className: 'table-wrap short' }, el('table', { id: 'breakdown-table', className: 'data' })))),
      el('div', { className: 'panel', id: 'compare-panel' },
        el('div', { className: 'panel-head' }, el('h3', { id: 'compare-title' }, '下级区域对比'),
          el('span', { className: 'tools' },
            Exports.pngButton(() => charts['compare-chart'], () => pngName('区域对比')),
            Exports.tableButtons(comparisonExport, showError))),
        el('p', { id: 'compare-empty', className: 'muted empty-note', hidden: true }),
        el('div', { className: 'row row-half', id: 'compare-body' },
          el('div', { id: 'compare-chart', className: 'chart' }),
          el('div', { className: 'table-wrap' }, el('table', { id: 'children-table', className: 'data sortable' },
            el('thead', {}, el('tr', {},
              sortHeader('region_code', '区域', false), sortHeader('value', '指标值', true),
              sortHeader('numerator', '分子', true), sortHeader('denominator', '分母', true),
              el('th', {}, '达标'))),
            el('tbody'))))));

    const pyramid = theme && theme.code === 'population' ? el('section', { id: 'pyramid', className: 'panel' },
      el('div', { className: 'panel-head' },
        el('h3', {}, '人口年龄结构（人口金字塔）'),
        el('span', { className: 'tools' },
          el('label', { className: 'toggle' }, el('input', { type: 'checkbox', id: 'pyramid-all' }), ' 含60岁以下年龄段'),
          Exports.tableButtons((format) => '/api/v1/exports/population/pyramid?' + placeQuery() + '&format=' + format,
            showError))),
      el('div', { className: 'row row-half' },
        el('div', {}, el('div', { className: 'panel-head' }, el('h4', { id: 'pyramid-current-title' }),
          Exports.pngButton(() => charts['pyramid-chart'], () => pngName('人口金字塔'))),
        el('div', { id: 'pyramid-chart', className: 'chart tall' })),
        el('div', {}, el('div', { className: 'panel-head' }, el('h4', { id: 'pyramid-previous-title' }),
          Exports.pngButton(() => charts['pyramid-previous-chart'], () => pngName('人口金字塔-上年同期'))),
        el('div', { id: 'pyramid-previous-chart', className: 'chart tall' }))),
      el('table', { id: 'pyramid-table', className: 'data' })) : null;

    $('app').replaceChildren(
      el('section', { className: 'controls' },
        el('h2', { className: 'page-title', id: 'page-title' }, theme ? theme.name : '总览'),
        el('div', { className: 'region-picker' },
          el('span', { className: 'label' }, '区域：'),
          el('nav', { id: 'breadcrumb', 'aria-label': '区域层级' }),
          el('select', { id: 'child-select', 'aria-label': '选择下级区域' })),
        el('label', { className: 'month-picker' }, '月份：', el('select', { id: 'month-select', 'aria-label': '选择月份' }))),
      el('main', {}, el('div', { id: 'cards' }), detail, pyramid));

    $('month-select').addEventListener('change', (event) => { state.month = event.target.value; go(); });
    $('child-select').addEventListener('change', (event) => { if (event.target.value) selectRegion(event.target.value); });
    if (pyramid) $('pyramid-all').addEventListener('change', () => renderPyramid(renderTicket));
  }

  /** A chart's PNG name: what it shows, the KPI (or the page), the region and month. */
  function pngName(what) {
    const kpi = catalog[state.kpi];
    const region = regionAnswer ? regionAnswer.region.name : '';
    return [what, what.startsWith('人口金字塔') || !kpi ? null : kpi.name, region, state.month].filter(Boolean).join('-');
  }

  /** The export of the comparison table drawn last: the same KPI, base region, month and breakdown. */
  function comparisonExport(format) {
    if (!comparison) return null;
    const { answer, base } = comparison;
    return '/api/v1/exports/kpis/' + encodeURIComponent(answer.kpi) + '/children?' + query({
      region: base.region_code, month: answer.month, breakdown: answer.breakdown, format });
  }

  /** The selected KPI and region in the explorer, where other KPIs and regions can be set beside them. */
  function explorerHref() {
    const params = { kpis: state.kpi, regions: state.region, to: state.month };
    if (state.bd) params.breakdown = state.kpi + ':' + state.bd;
    return '/explorer.html?' + query(params);
  }

  function sortHeader(key, label, numeric) {
    return el('th', { 'data-sort': key, className: numeric ? 'num' : null, tabindex: 0, title: '点击排序',
      onclick: () => sortBy(key), onkeydown: (e) => { if (e.key === 'Enter') sortBy(key); } }, label);
  }

  // ---- region and month ------------------------------------------------------------------------------------

  function drawRegion() {
    const crumbs = $('breadcrumb');
    crumbs.replaceChildren();
    regionAnswer.ancestors.forEach((region) => {
      crumbs.appendChild(el('a', { href: '?' + query({ ...state, region: region.region_code, bd: null }),
        'data-region': region.region_code,
        onclick: (e) => { e.preventDefault(); selectRegion(region.region_code); } }, region.name));
      crumbs.appendChild(el('span', { className: 'sep' }, '›'));
    });
    crumbs.appendChild(el('span', { className: 'current' }, regionAnswer.region.name));

    const children = regionAnswer.children;
    const select = $('child-select');
    select.replaceChildren(el('option', { value: '' },
      children.length ? '选择下级区域（' + children.length + '）…' : '已是最低一级'));
    children.forEach((child) => select.appendChild(el('option', { value: child.region_code }, child.name)));
    select.disabled = children.length === 0;
    $('month-select').value = state.month;
  }

  // ---- cards -----------------------------------------------------------------------------------------------

  function renderCard(card) {
    const kpi = catalog[card.code];
    const classes = ['card', 'status-' + card.status];
    if (card.data_status !== 'ok') classes.push('no-data');
    // a by-type KPI keeps its width with or without figures, so the grid does not reflow between regions
    if (card.breakdowns.length || kpi.breakdown) classes.push('wide');
    if (card.code === state.kpi) classes.push('selected');

    let valueNode;
    if (card.data_status === 'no_data') valueNode = el('div', { className: 'value empty' }, '暂无数据');
    else if (card.data_status === 'no_value') valueNode = el('div', { className: 'value empty' }, '无法计算');
    else {
      const shown = F.value(card.value, kpi);
      valueNode = el('div', { className: 'value' }, shown.text, shown.unit ? el('span', { className: 'unit' }, shown.unit) : null);
    }

    const target = card.target_text
      ? el('span', { className: 'target' }, '目标 ' + F.target(card.target_text, kpi),
        STATUS_TEXT[card.status] ? [' ', el('b', { className: 'verdict ' + card.status }, STATUS_TEXT[card.status])] : null)
      : el('span', { className: 'target muted' }, '未设目标');
    const change = card.data_status === 'no_data' ? null
      : el('span', { className: 'change ' + changeClass(card.change, kpi) }, '较上月 ' + F.change(card.change, kpi));

    const parts = card.breakdowns.length ? el('ul', { className: 'parts' }, card.breakdowns.map((part) =>
      el('li', { 'data-breakdown': part.code, title: '查看“' + part.label + '”的趋势与区域对比',
        className: card.code === state.kpi && state.bd === part.code ? 'selected' : null,
        onclick: (event) => { event.stopPropagation(); selectKpi(card.code, part.code); } },
      el('span', { className: 'part-label' }, part.label), el('span', { className: 'num' }, F.valueText(part.value, kpi)))))
      : null;

    return el('div', {
      className: classes.join(' '), 'data-kpi': card.code, 'data-status': card.data_status, tabindex: 0,
      role: 'button', title: hoverText(kpi, card),
      onclick: () => selectKpi(card.code, null),
      onkeydown: (event) => { if (event.key === 'Enter') selectKpi(card.code, null); },
    },
    el('div', { className: 'name' }, card.name),
    valueNode,
    el('div', { className: 'meta' }, change, target),
    card.data_status !== 'ok' && card.note ? el('div', { className: 'note' }, card.note) : null,
    parts);
  }

  function drawCards(answer) {
    cards = {};
    answer.groups.forEach((group) => group.cards.forEach((card) => { cards[card.code] = card; }));
    const box = $('cards');
    if (theme) {
      const group = answer.groups.find((g) => g.code === theme.code);
      box.replaceChildren(el('div', { className: 'cards', 'data-group': theme.code }, group.cards.map(renderCard)));
      return group.cards.map((c) => c.code);
    }
    // The overview: per theme its headline KPIs, how many of its targets are met, and the way into the theme.
    const shown = [];
    box.replaceChildren(...themes.map((t) => {
      const all = t.kpis.map((code) => cards[code]).filter(Boolean);
      const headline = t.headline_kpis.map((code) => cards[code]).filter(Boolean);
      headline.forEach((card) => shown.push(card.code));
      const met = all.filter((c) => c.status === 'met').length;
      const notMet = all.filter((c) => c.status === 'not_met').length;
      const noData = all.filter((c) => c.data_status === 'no_data').length;
      return el('section', { className: 'theme-block', 'data-theme': t.code },
        el('div', { className: 'theme-head' },
          el('h2', {}, el('a', { href: themeHref(t) }, t.name)),
          el('span', { className: 'summary' },
            el('span', { className: 'chip met' }, '达标 ' + met),
            el('span', { className: 'chip not_met' }, '未达标 ' + notMet),
            noData ? el('span', { className: 'chip no-data' }, '暂无数据 ' + noData) : null,
            el('span', { className: 'chip' }, '共 ' + all.length + ' 项指标')),
          el('a', { className: 'more', href: themeHref(t) }, '进入专题 ›')),
        el('div', { className: 'cards' }, headline.map(renderCard)));
    }));
    return shown;
  }

  function markSelected() {
    document.querySelectorAll('.card').forEach((node) => {
      node.classList.toggle('selected', node.dataset.kpi === state.kpi);
      node.querySelectorAll('.parts li').forEach((li) =>
        li.classList.toggle('selected', node.dataset.kpi === state.kpi && li.dataset.breakdown === state.bd));
    });
  }

  // ---- the selected KPI: trend, definition, breakdown, comparison --------------------------------------------

  function figuresShown() {
    const card = cards[state.kpi];
    if (!card) return null;
    if (!state.bd) return card;
    const part = card.breakdowns.find((p) => p.code === state.bd);
    return part ? { ...part, target_text: card.target_text, status: 'none',
      note: part.data_status === 'no_value' ? '分母为 0，无法计算。' : null } : null;
  }

  async function renderDetail() {
    const my = ++detailTicket;
    const kpi = catalog[state.kpi];
    const card = cards[state.kpi];
    if (!kpi || !card) { $('detail').hidden = true; return; }
    $('detail').hidden = false;
    if (state.bd && !card.breakdowns.some((p) => p.code === state.bd)) state.bd = null;
    const part = state.bd ? card.breakdowns.find((p) => p.code === state.bd) : null;
    $('detail-title').textContent = kpi.name + (part ? ' · ' + part.label : '') + (kpi.unit ? '（' + kpi.unit + '）' : '');
    $('detail-place').textContent = regionAnswer.region.name + ' · ' + F.month(state.month);
    $('explorer-link').href = explorerHref();
    drawDefinition(kpi, card);
    drawBreakdown(kpi, card);
    const bd = state.bd ? '&breakdown=' + encodeURIComponent(state.bd) : '';
    await Promise.all([renderTrend(kpi, bd, my), renderComparison(kpi, bd, my)]);
  }

  function drawDefinition(kpi, card) {
    const figures = figuresShown();
    const part = state.bd ? card.breakdowns.find((p) => p.code === state.bd) : null;
    const pair = (term, ...value) => [el('dt', {}, term), el('dd', {}, ...value)];
    let valueText;
    if (!figures || figures.data_status === 'no_data') valueText = '暂无数据';
    else if (figures.data_status === 'no_value') valueText = '无法计算（分母为 0）';
    else valueText = F.valueText(figures.value, kpi);
    const verdict = !part && STATUS_TEXT[card.status]
      ? el('b', { className: 'verdict ' + card.status }, STATUS_TEXT[card.status]) : (card.target_text ? '—' : '未设目标');
    $('definition').replaceChildren(
      el('h3', {}, '指标说明'),
      el('dl', { className: 'definition-list' },
        pair('指标', kpi.name, ' ', el('code', {}, kpi.code)),
        pair('计算公式', el('span', { className: 'formula' }, kpi.formula)),
        pair('数据来源', el('span', { className: 'sources' }, sourcesText(kpi))),
        pair('单位', kpi.unit || '无（比值）'),
        pair('指标方向', kpi.direction_text),
        pair('目标值', card.target_text ? F.target(card.target_text, kpi) : '未设定'),
        pair('统计层级', kpi.levels_text)),
      el('h4', {}, regionAnswer.region.name + ' · ' + F.month(state.month) + (part ? ' · ' + part.label : '')),
      el('dl', { className: 'figures' },
        pair('指标值', el('span', { className: 'figure-value' }, valueText)),
        pair('分子', el('span', { className: 'figure-numerator' },
          figures && figures.data_status !== 'no_data' ? F.count(figures.numerator) : '—')),
        pair('分母', el('span', { className: 'figure-denominator' },
          !kpi.ratio ? '—（计数指标，无分母）' : figures && figures.data_status !== 'no_data' ? F.count(figures.denominator) : '—')),
        pair('计算', figures && figures.data_status !== 'no_data' ? calculation(kpi, figures) : '—'),
        pair('达标情况', verdict)),
      el('p', { className: 'note', hidden: !figures || figures.data_status === 'ok' },
        figures && figures.data_status !== 'ok' ? figures.note || card.note : null));
  }

  function drawBreakdown(kpi, card) {
    const panel = $('breakdown-panel');
    if (!card.breakdowns.length) { panel.hidden = true; return; }
    panel.hidden = false;
    $('breakdown-title').textContent = '分项构成（' + regionAnswer.region.name + ' · ' + F.month(state.month) + '）';
    const parts = card.breakdowns;
    const select = (code) => selectKpi(kpi.code, code);
    $('breakdown-table').replaceChildren(
      el('thead', {}, el('tr', {}, el('th', {}, '分项'), el('th', { className: 'num' }, '指标值'),
        el('th', { className: 'num' }, '分子'), el('th', { className: 'num' }, '分母'), el('th', { className: 'num' }, '较上月'))),
      el('tbody', {},
        el('tr', { className: 'drill' + (state.bd ? '' : ' current'), 'data-breakdown': '', onclick: () => select(null) },
          el('td', {}, '合计'), el('td', { className: 'num' }, F.valueText(card.value, kpi)),
          el('td', { className: 'num' }, F.count(card.numerator)), el('td', { className: 'num' }, F.count(card.denominator)),
          el('td', { className: 'num' }, F.change(card.change, kpi))),
        parts.map((p) => el('tr', { className: 'drill' + (state.bd === p.code ? ' current' : ''), 'data-breakdown': p.code,
          onclick: () => select(p.code) },
        el('td', {}, p.label), el('td', { className: 'num' }, F.valueText(p.value, kpi)),
        el('td', { className: 'num' }, F.count(p.numerator)), el('td', { className: 'num' }, F.count(p.denominator)),
        el('td', { className: 'num' }, F.change(p.change, kpi))))));
    const c = chart('breakdown-chart');
    c.setOption({
      animation: false,
      grid: { left: 150, right: 60, top: 10, bottom: 24 },
      tooltip: { trigger: 'item', formatter: (p) => esc(parts[p.dataIndex].label) + '：' + F.valueText(parts[p.dataIndex].value, kpi) },
      xAxis: valueAxis(kpi, {}),
      yAxis: { type: 'category', inverse: true, data: parts.map((p) => p.label) },
      series: [{ type: 'bar', name: kpi.name, barMaxWidth: 18, data: parts.map((p) => ({
        value: p.value, itemStyle: { color: state.bd === p.code ? COLORS.main : COLORS.neutral } })),
      label: { show: true, position: 'right', formatter: (p) => F.valueText(parts[p.dataIndex].value, kpi) } }],
    }, true);
    c.off('click');
    c.on('click', (p) => select(parts[p.dataIndex].code));
    c.resize();
  }

  async function renderTrend(kpi, bd, my) {
    const answer = await getJson('/api/v1/kpis/' + kpi.code + '/trend?region=' + encodeURIComponent(state.region) + bd);
    if (my !== detailTicket) return;
    const points = answer.points;
    const hasTarget = points.some((p) => F.isNumber(p.target));
    const hasData = points.some((p) => F.isNumber(p.value));
    const series = [{
      name: kpi.name, type: 'line', symbolSize: 7, connectNulls: false, itemStyle: { color: COLORS.main },
      lineStyle: { width: 2 },
      data: points.map((p) => ({ value: p.value, itemStyle: p.status === 'not_met' ? { color: COLORS.notMet } : undefined })),
    }];
    if (hasTarget) {
      series.push({ name: '目标', type: 'line', symbol: 'none', step: 'middle',
        lineStyle: { color: COLORS.target, type: 'dashed', width: 1.5 }, itemStyle: { color: COLORS.target },
        data: points.map((p) => p.target) });
    }
    chart('trend-chart').setOption({
      animation: false,
      grid: { left: 70, right: 24, top: 36, bottom: 30 },
      legend: { top: 0, right: 10, data: series.map((s) => s.name) },
      graphic: hasData ? [] : NO_DATA_GRAPHIC,
      tooltip: {
        trigger: 'axis',
        formatter: (items) => {
          const p = points[items[0].dataIndex];
          const lines = [F.month(p.month)];
          if (p.data_status === 'no_data') lines.push('暂无数据');
          else {
            lines.push(kpi.name + '：' + (F.isNumber(p.value) ? F.valueText(p.value, kpi) : '无法计算'));
            lines.push('分子 ' + F.count(p.numerator) + (kpi.ratio ? '，分母 ' + F.count(p.denominator) : ''));
          }
          if (F.isNumber(p.target)) lines.push('目标 ' + F.target(answer.target_text, kpi));
          return lines.map(esc).join('<br>');
        },
      },
      xAxis: { type: 'category', data: points.map((p) => F.month(p.month)) },
      yAxis: valueAxis(kpi, { scale: true }),
      series,
    }, true);
  }

  async function renderComparison(kpi, bd, my) {
    const region = regionAnswer.region;
    // A community has no children: compare it with its siblings instead.
    const siblings = regionAnswer.children.length === 0 && regionAnswer.ancestors.length > 0;
    const base = siblings ? regionAnswer.ancestors[regionAnswer.ancestors.length - 1] : region;
    const answer = await getJson('/api/v1/kpis/' + kpi.code + '/children?region=' + base.region_code
      + '&month=' + state.month + bd);
    if (my !== detailTicket) return;
    comparison = { answer, siblings, kpi, base };
    drawComparison();
  }

  function sortBy(key) {
    sort = sort.key === key ? { key, dir: -sort.dir } : { key, dir: key === 'region_code' ? 1 : -1 };
    if (comparison) drawComparison();
  }

  function sortedRows(rows) {
    const { key, dir } = sort;
    return rows.slice().sort((a, b) => {
      const x = a[key];
      const y = b[key];
      const xMissing = x === null || x === undefined;
      const yMissing = y === null || y === undefined;
      if (xMissing || yMissing) return xMissing === yMissing ? a.region_code.localeCompare(b.region_code) : xMissing ? 1 : -1;
      return (typeof x === 'string' ? x.localeCompare(y) : x - y) * dir;
    });
  }

  function drawComparison() {
    const { answer, siblings, kpi, base } = comparison;
    $('compare-title').textContent = (siblings ? '同级区域对比（' : '下级区域对比（') + base.name + '下辖）';
    document.querySelectorAll('#children-table th[data-sort]').forEach((th) => {
      th.classList.toggle('sorted', th.dataset.sort === sort.key);
      th.setAttribute('aria-sort', th.dataset.sort !== sort.key ? 'none' : sort.dir > 0 ? 'ascending' : 'descending');
      th.dataset.dir = th.dataset.sort === sort.key ? (sort.dir > 0 ? '▲' : '▼') : '';
    });
    const rows = sortedRows(answer.rows);
    const withData = rows.filter((r) => r.data_status !== 'no_data');
    const empty = $('compare-empty');
    if (!withData.length) {
      empty.textContent = !rows.length ? '该区域没有下级区域。' : (rows[0].note || '下级区域暂无数据。');
    }
    empty.hidden = withData.length > 0;

    const body = $('children-table').querySelector('tbody');
    body.replaceChildren(...rows.map((row) => el('tr', {
      className: 'drill' + (siblings && row.region_code === state.region ? ' current' : ''),
      'data-region': row.region_code, title: hoverText(kpi, row) + '\n点击查看' + row.region_name,
      onclick: () => selectRegion(row.region_code),
    },
    el('td', {}, el('a', { href: '?' + query({ ...state, region: row.region_code }),
      onclick: (e) => e.preventDefault() }, row.region_name)),
    el('td', { className: 'num' }, row.data_status === 'no_data' ? '暂无数据'
      : row.data_status === 'no_value' ? '无法计算' : F.valueText(row.value, kpi)),
    el('td', { className: 'num' }, F.count(row.numerator)),
    el('td', { className: 'num' }, kpi.ratio ? F.count(row.denominator) : '—'),
    el('td', { className: 'verdict ' + row.status }, STATUS_TEXT[row.status] || '—'))));

    const lines = [];
    const target = rows.map((r) => r.target).find(F.isNumber);
    if (F.isNumber(target)) {
      lines.push({ yAxis: target, lineStyle: { color: COLORS.target, type: 'dashed' },
        label: { formatter: '目标 ' + F.number(target, F.decimals(kpi)), position: 'insideEndTop' } });
    }
    if (F.isNumber(answer.parent_value)) {
      lines.push({ yAxis: answer.parent_value, lineStyle: { color: COLORS.parent, type: 'dotted' },
        label: { formatter: base.name + ' ' + F.number(answer.parent_value, F.decimals(kpi)), position: 'insideStartTop' } });
    }
    const c = chart('compare-chart');
    c.setOption({
      animation: false,
      grid: { left: 64, right: 20, top: 24, bottom: rows.length > 6 ? 70 : 36 },
      graphic: withData.length ? [] : NO_DATA_GRAPHIC,
      tooltip: { trigger: 'item', formatter: (p) => esc(rows[p.dataIndex].region_name) + '：' + F.valueText(rows[p.dataIndex].value, kpi) },
      xAxis: { type: 'category', data: rows.map((r) => r.region_name),
        axisLabel: { interval: 0, rotate: rows.length > 6 ? 35 : 0, fontSize: 11 } },
      yAxis: valueAxis(kpi, {}),
      series: [{
        type: 'bar', name: kpi.name, barMaxWidth: 36,
        data: rows.map((r) => ({ value: r.value, itemStyle: { color: siblings && r.region_code === state.region
          ? COLORS.main : statusColor(r.status) } })),
        markLine: lines.length ? { symbol: 'none', silent: true, data: lines } : undefined,
      }],
    }, true);
    c.off('click');
    c.on('click', (p) => selectRegion(rows[p.dataIndex].region_code));
  }

  // ---- the population pyramid (人口概况) --------------------------------------------------------------------

  async function renderPyramid(my) {
    const answer = await getJson('/api/v1/population/pyramid?' + placeQuery());
    if (my !== renderTicket) return;
    window.Pyramid.render(answer, {
      chart: chart('pyramid-chart'), previousChart: chart('pyramid-previous-chart'), table: $('pyramid-table'),
      currentTitle: $('pyramid-current-title'), previousTitle: $('pyramid-previous-title'),
    }, $('pyramid-all').checked);
  }

  // ---- rendering and actions -------------------------------------------------------------------------------

  async function renderAll() {
    const my = ++renderTicket;
    hideError();
    try {
      const group = theme ? '&group=' + theme.code : '';
      const [regionA, cardsA] = await Promise.all([
        getJson('/api/v1/regions/' + encodeURIComponent(state.region)),
        getJson('/api/v1/kpis?' + placeQuery() + group)]);
      if (my !== renderTicket) return;
      regionAnswer = regionA;
      drawRegion();
      const codes = drawCards(cardsA);
      if (!codes.includes(state.kpi)) {
        state.kpi = codes.find((code) => cards[code].data_status === 'ok') || codes[0] || null;
        state.bd = null;
      }
      markSelected();
      saveState(false);
      await Promise.all([renderDetail(), theme && theme.code === 'population' ? renderPyramid(my) : null]);
    } catch (error) {
      if (my !== renderTicket) return;
      if (error.status === 503) { await start(); return; }
      if ((error.status === 404 || error.status === 400) && city && state.region !== city.region_code) {
        // a bookmarked region the live version no longer has: say so, and show the city
        state.region = city.region_code;
        saveState(false);
        await renderAll();
        showError(new Error(error.message + ' 已改为显示' + city.name + '。'));
        return;
      }
      showError(error);
    }
  }

  /** A new region or month: a history entry, then everything redrawn. */
  function go() {
    saveState(true);
    renderAll();
  }

  function selectRegion(code) {
    state.region = code;
    go();
  }

  async function selectKpi(code, breakdown) {
    state.kpi = code;
    state.bd = breakdown || null;
    markSelected();
    saveState(false);
    try { await renderDetail(); } catch (error) { showError(error); }
  }

  async function start() {
    try {
      const status = await getJson('/api/v1/status');
      if (!status.published) {
        $('app').hidden = true;
        window.Shell.setVersion(null);
        const notice = $('notice');
        notice.textContent = status.message;
        notice.hidden = false;
        version = null;
        setTimeout(start, 10000);  // show the figures as soon as a version is published
        return;
      }
      $('notice').hidden = true;
      version = status.version;
      window.Shell.setVersion(version);

      const [catalogA, monthsA, cities, themesA] = await Promise.all([
        getJson('/api/v1/catalog'), getJson('/api/v1/months'), getJson('/api/v1/regions'), getJson('/api/v1/themes')]);
      catalog = {};
      catalogA.kpis.forEach((kpi) => { catalog[kpi.code] = kpi; });
      themes = themesA;
      months = monthsA.months;
      city = cities[0] || null;
      if (isTheme) {
        theme = themes.find((t) => t.code === themeCode) || null;
        if (!theme) throw new Error('没有这个专题页面：' + themeCode);
        document.title = theme.name + ' · ' + window.Shell.TITLE;
      }
      readState();
      if (!$('detail')) layout();
      $('month-select').replaceChildren(...months.slice().reverse().map((m) => el('option', { value: m }, F.month(m))));
      $('month-select').value = state.month;
      window.Shell.setPlace(state.region, state.month);
      $('app').hidden = false;
      await renderAll();
    } catch (error) {
      showError(error);
    }
  }

  // A newer version published while the page is open: reload the figures.
  async function watchVersion() {
    try {
      const status = await getJson('/api/v1/status');
      if (status.published && version !== null && status.version !== version) await start();
    } catch (ignored) { /* the next poll tries again */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    window.addEventListener('resize', () => Object.values(charts).forEach((c) => c.resize()));
    window.addEventListener('popstate', () => { readState(); renderAll(); });
    setInterval(watchVersion, 30000);
    start();
  });
})();
