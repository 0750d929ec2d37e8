// 银龄数仓 dashboard: plain JavaScript over the JSON API of /api/v1 (no build step, no CDN).
(function () {
  'use strict';

  const state = { region: null, month: null, kpi: null, version: null };
  let catalog = null;     // code -> KPI entry of /api/v1/catalog
  let chart = null;
  const $ = (id) => document.getElementById(id);

  // ---- helpers -----------------------------------------------------------------------------------------------

  async function getJson(url) {
    const response = await fetch(url, { headers: { Accept: 'application/json' } });
    const body = await response.json().catch(() => ({}));
    if (response.status === 401) window.Aging.toLogin();
    if (!response.ok) {
      const error = new Error(body.error || ('请求失败（HTTP ' + response.status + '）'));
      error.status = response.status;
      throw error;
    }
    return body;
  }

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([key, value]) => {
      if (value === null || value === undefined || value === false) return;
      if (key === 'className') node.className = value;
      else if (key.startsWith('on')) node.addEventListener(key.substring(2), value);
      else node.setAttribute(key, value);
    });
    children.flat().forEach((child) => {
      if (child === null || child === undefined) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  function decimals(kpi) {
    if (!kpi) return 2;
    if (kpi.ratio) return 2;
    if (kpi.unit === '元') return 2;
    if (kpi.unit === '小时') return 1;
    return 0;
  }

  /** 10412345 -> "10,412,345"; null -> "—". */
  function formatNumber(value, digits) {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat('zh-CN', { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(value);
  }

  function formatValue(value, kpi) {
    const text = formatNumber(value, decimals(kpi));
    return text === '—' || !kpi.unit ? text : text + ' ' + kpi.unit;
  }

  /** Raw counts behind a ratio (numerator, denominator) need no fixed decimals. */
  function formatCount(value) {
    if (value === null || value === undefined) return '—';
    return new Intl.NumberFormat('zh-CN', { maximumFractionDigits: 2 }).format(value);
  }

  function formatChange(change, kpi) {
    if (change === null || change === undefined) return '较上月 —';
    const digits = decimals(kpi);
    if (Math.abs(change) < Math.pow(10, -digits) / 2) return '较上月持平';
    const sign = change > 0 ? '+' : '−';
    const unit = kpi.unit === '%' ? ' 个百分点' : (kpi.unit ? ' ' + kpi.unit : '');
    return '较上月 ' + sign + formatNumber(Math.abs(change), digits) + unit;
  }

  function statusText(status) {
    return status === 'met' ? '达标' : status === 'not_met' ? '未达标' : '';
  }

  function hoverText(kpi, row) {
    const lines = [kpi.name, '计算公式：' + kpi.formula];
    if (row) {
      lines.push('分子：' + formatCount(row.numerator) + (row.denominator !== null && row.denominator !== undefined
        ? '　分母：' + formatCount(row.denominator) : ''));
    }
    if (kpi.target_text) lines.push('目标：' + kpi.target_text + (kpi.unit === '%' ? '%' : ''));
    return lines.join('\n');
  }

  function showError(error) {
    const box = $('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
  }

  function saveState() {
    const params = new URLSearchParams();
    if (state.region) params.set('region', state.region);
    if (state.month) params.set('month', state.month);
    if (state.kpi) params.set('kpi', state.kpi);
    history.replaceState(null, '', '?' + params.toString());
  }

  // ---- rendering ---------------------------------------------------------------------------------------------

  async function renderRegion() {
    const answer = await getJson('/api/v1/regions/' + encodeURIComponent(state.region));
    const crumbs = $('breadcrumb');
    crumbs.replaceChildren();
    answer.ancestors.forEach((region) => {
      crumbs.appendChild(el('a', { onclick: () => selectRegion(region.region_code) }, region.name));
      crumbs.appendChild(el('span', { className: 'sep' }, '›'));
    });
    crumbs.appendChild(el('span', { className: 'current' }, answer.region.name));

    const select = $('child-select');
    select.replaceChildren(el('option', { value: '' },
      answer.children.length ? '选择下级区域（' + answer.children.length + '）…' : '已是最低一级'));
    answer.children.forEach((child) => select.appendChild(el('option', { value: child.region_code }, child.name)));
    select.disabled = answer.children.length === 0;
    return answer;
  }

  function renderCard(card) {
    const kpi = catalog[card.code] || card;
    const classes = ['card', card.status];
    if (card.code === state.kpi) classes.push('selected');
    const parts = card.breakdowns.length
      ? el('ul', { className: 'parts' }, card.breakdowns.map((part) =>
        el('li', { title: part.label }, el('span', {}, part.label), el('span', {}, formatValue(part.value, kpi)))))
      : null;
    const valueText = formatNumber(card.value, decimals(kpi));
    return el('div', {
      className: classes.join(' '), 'data-kpi': card.code, title: hoverText(kpi, card),
      onclick: () => selectKpi(card.code),
    },
    el('div', { className: 'name' }, card.name),
    el('div', { className: 'value' }, valueText, valueText !== '—' && kpi.unit ? el('span', { className: 'unit' }, kpi.unit) : null),
    el('div', { className: 'meta' },
      el('span', {}, formatChange(card.change, kpi)),
      card.target_text ? el('span', { className: 'status-' + card.status },
        '目标' + card.target_text + (kpi.unit === '%' ? '%' : '') + ' ' + statusText(card.status)) : null),
    parts);
  }

  async function renderCards() {
    const answer = await getJson('/api/v1/kpis?region=' + state.region + '&month=' + state.month);
    const box = $('cards');
    box.replaceChildren();
    const codes = [];
    answer.groups.forEach((group) => {
      group.cards.forEach((card) => codes.push(card.code));
      box.appendChild(el('section', { className: 'group', 'data-group': group.code },
        el('h2', {}, group.name),
        el('div', { className: 'cards' }, group.cards.map(renderCard))));
    });
    if (!codes.length) {
      box.appendChild(el('p', { className: 'muted' }, '该区域在 ' + state.month + ' 暂无指标数据。'));
    }
    if (!codes.includes(state.kpi)) state.kpi = codes.length ? codes[0] : null;
    document.querySelectorAll('.card').forEach((node) =>
      node.classList.toggle('selected', node.dataset.kpi === state.kpi));
  }

  async function renderTrend(kpi) {
    const answer = await getJson('/api/v1/kpis/' + kpi.code + '/trend?region=' + state.region);
    if (!chart) chart = echarts.init($('trend-chart'), null, { renderer: 'canvas' });
    const targetValue = answer.points.length ? answer.points[answer.points.length - 1].target : null;
    chart.setOption({
      animation: false,
      grid: { left: 70, right: 30, top: 30, bottom: 30 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => formatValue(value === undefined ? null : value, kpi),
      },
      xAxis: { type: 'category', data: answer.points.map((p) => p.month) },
      yAxis: { type: 'value', scale: true, axisLabel: { formatter: (v) => formatNumber(v, kpi.ratio ? 1 : 0) } },
      series: [{
        name: kpi.name, type: 'line', smooth: false, symbolSize: 7, connectNulls: false,
        itemStyle: { color: '#8c1c13' },
        data: answer.points.map((p) => p.value),
        markLine: targetValue === null ? undefined : {
          symbol: 'none', lineStyle: { color: '#2e7d32', type: 'dashed' },
          label: { formatter: '目标 ' + answer.target_text },
          data: [{ yAxis: targetValue }],
        },
      }],
    }, true);
  }

  async function renderChildren(kpi) {
    const answer = await getJson('/api/v1/kpis/' + kpi.code + '/children?region=' + state.region + '&month=' + state.month);
    const body = $('children-table').querySelector('tbody');
    body.replaceChildren();
    answer.rows.forEach((row) => {
      const drill = row.has_children ? () => selectRegion(row.region_code) : null;
      body.appendChild(el('tr', {
        className: drill ? 'drill' : null, 'data-region': row.region_code, onclick: drill,
        title: hoverText(kpi, row) + (drill ? '\n点击查看下级区域' : ''),
      },
      el('td', {}, drill ? el('a', {}, row.region_name) : row.region_name),
      el('td', { className: 'num' }, formatValue(row.value, kpi)),
      el('td', { className: 'num' }, formatCount(row.numerator)),
      el('td', { className: 'num' }, formatCount(row.denominator)),
      el('td', { className: row.status + '-text' }, row.target !== null ? statusText(row.status) : '—')));
    });
    $('children-title').textContent = '下级区域（' + answer.region.name + '）';
    const empty = $('children-empty');
    empty.hidden = answer.rows.length > 0;
    empty.textContent = answer.region.level >= 5 ? '社区（村）是最低一级，没有下级区域。' : '该指标在下级区域没有数据。';
    $('children-table').hidden = answer.rows.length === 0;
  }

  async function renderDetail() {
    const detail = $('detail');
    if (!state.kpi) { detail.hidden = true; return; }
    detail.hidden = false;
    const kpi = catalog[state.kpi];
    $('detail-title').textContent = kpi.name + (kpi.unit ? '（' + kpi.unit + '）' : '');
    $('detail-formula').textContent = '计算公式：' + kpi.formula + (kpi.target_text ? '　目标：' + kpi.target_text : '');
    await Promise.all([renderTrend(kpi), renderChildren(kpi)]);
  }

  async function renderAll() {
    $('error').hidden = true;
    saveState();
    try {
      await renderRegion();
      await renderCards();
      saveState();
      await renderDetail();
    } catch (error) {
      if (error.status === 503) { await start(); return; }
      showError(error);
    }
  }

  // ---- actions -----------------------------------------------------------------------------------------------

  function selectRegion(code) {
    state.region = code;
    renderAll();
  }

  async function selectKpi(code) {
    state.kpi = code;
    document.querySelectorAll('.card').forEach((node) => node.classList.toggle('selected', node.dataset.kpi === code));
    saveState();
    try { await renderDetail(); } catch (error) { showError(error); }
  }

  async function start() {
    try {
      const status = await getJson('/api/v1/status');
      if (!status.published) {
        $('dashboard').hidden = true;
        $('version-badge').hidden = true;
        const notice = $('notice');
        notice.textContent = status.message;
        notice.hidden = false;
        setTimeout(start, 10000);  // show the data as soon as a version is published
        return;
      }
      $('notice').hidden = true;
      state.version = status.version;
      $('version-badge').textContent = '数据版本 ' + status.version;
      $('version-badge').hidden = false;

      const [catalogAnswer, monthsAnswer, cities] = await Promise.all([
        getJson('/api/v1/catalog'), getJson('/api/v1/months'), getJson('/api/v1/regions')]);
      catalog = {};
      catalogAnswer.kpis.forEach((kpi) => { catalog[kpi.code] = kpi; });

      const params = new URLSearchParams(location.search);
      state.region = state.region || params.get('region') || (cities.length ? cities[0].region_code : null);
      const wanted = state.month || params.get('month');
      state.month = monthsAnswer.months.includes(wanted) ? wanted : monthsAnswer.latest;
      state.kpi = state.kpi || params.get('kpi');

      const monthSelect = $('month-select');
      monthSelect.replaceChildren(...monthsAnswer.months.slice().reverse().map((m) =>
        el('option', { value: m }, m.replace('-', '年') + '月')));
      monthSelect.value = state.month;

      $('dashboard').hidden = false;
      await renderAll();
    } catch (error) {
      showError(error);
    }
  }

  // A newer version published while the page is open: reload the figures.
  async function watchVersion() {
    try {
      const status = await getJson('/api/v1/status');
      if (status.published && state.version !== null && status.version !== state.version) await start();
    } catch (ignored) { /* the next poll tries again */ }
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('month-select').addEventListener('change', (event) => { state.month = event.target.value; renderAll(); });
    $('child-select').addEventListener('change', (event) => { if (event.target.value) selectRegion(event.target.value); });
    window.addEventListener('resize', () => chart && chart.resize());
    setInterval(watchVersion, 30000);
    start();
  });
})();
