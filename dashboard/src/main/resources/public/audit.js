// 数据比对稽核: the rules × districts summary of a month and its trend (every role that may open the page), and for
// planners and admins the findings behind a cell (masked), marks, reveals with a reason, 已消除, exports, and the
// 无感认证 needs_visit list. Leaders see the aggregates only: the API refuses them the lists anyway.
(function () {
  'use strict';

  const { el, api, getJson, format } = window.Shell;
  const $ = (id) => document.getElementById(id);

  const state = {
    month: null,
    personal: false,          // planner or admin: may see lists of (masked) persons
    rules: [],
    statuses: [],
    districts: [],
    city: null,
    filter: { rule: '', district: '', street: '', community: '', page: 1 },
    proof: { region: null, page: 1, parents: [] },
    trend: null,
    chart: null,
  };

  // ---- helpers ---------------------------------------------------------------------------------------------

  function showError(error) {
    const box = $('error');
    box.textContent = error.message || String(error);
    box.hidden = false;
  }

  function clearError() {
    $('error').hidden = true;
  }

  function money(value) {
    return value === null || value === undefined ? '—' : format.number(Number(value), 2);
  }

  function ruleInfo(code) {
    return state.rules.find((r) => r.code === code) || { code, name: code, amount_kind: null };
  }

  function markBadge(mark) {
    if (!mark) return el('span', { className: 'muted' }, '未标记');
    return el('span', { className: 'mark mark-' + mark.status, title: mark.comment || '' }, mark.label);
  }

  function option(value, label, selected) {
    return el('option', { value, selected: selected ? true : null }, label);
  }

  function saveUrl() {
    const params = new URLSearchParams();
    if (state.month) params.set('month', state.month);
    history.replaceState(null, '', '?' + params.toString());
  }

  /** Downloads an export (the file name from Content-Disposition), showing progress in a status line. */
  async function download(url, status) {
    status.textContent = '正在导出…';
    const response = await fetch(url);
    if (response.status === 401) { window.Shell.toLogin(); return; }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || ('导出失败（HTTP ' + response.status + '）'));
    }
    const header = response.headers.get('Content-Disposition') || '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    const name = encoded ? decodeURIComponent(encoded[1]) : '稽核清单.xlsx';
    const blob = await response.blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(link.href), 60000);
    status.textContent = '已导出：' + name + '（导出已记入审计日志）';
    status.dataset.exported = name;
  }

  // ---- tabs ------------------------------------------------------------------------------------------------

  function showTab(name) {
    document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('section.tab').forEach((s) => { s.hidden = s.id !== 'tab-' + name; });
    if (name === 'summary' && state.chart) state.chart.resize();
    if (name === 'resolved') loadResolved().catch(showError);
    if (name === 'proof') loadProof().catch(showError);
    if (name === 'findings') loadFindings().catch(showError);
  }

  // ---- summary ---------------------------------------------------------------------------------------------

  function summaryCell(cell, rule, regionCode, extraClass) {
    const zero = cell.findings === 0;
    const amountKind = rule ? rule.amount_kind : null;
    const td = el('td', {
      className: 'cell' + (zero ? ' zero' : '') + (extraClass ? ' ' + extraClass : '')
        + (state.personal && !zero && regionCode !== undefined ? ' clickable' : ''),
      'data-rule': rule ? rule.code : null, 'data-region': regionCode === undefined ? null : regionCode || 'city',
      title: state.personal && !zero && regionCode !== undefined ? '点击查看疑点清单' : null,
    },
    el('span', { className: 'count' }, format.number(cell.findings, 0) + ' 条'),
    amountKind === 'none' ? null : el('span', { className: 'amount' }, money(cell.amount) + ' 元'));
    if (state.personal && !zero && regionCode !== undefined) {
      td.addEventListener('click', () => openFindings(rule ? rule.code : '', regionCode || ''));
    }
    return td;
  }

  async function loadSummary() {
    const answer = await getJson('/api/v1/audit/summary?month=' + encodeURIComponent(state.month));
    window.Shell.setVersion(answer.version);
    $('version-info').textContent = '数据版本第 ' + answer.version + ' 版';
    if (!answer.available) {
      $('no-results').textContent = answer.message;
      $('no-results').hidden = false;
      $('summary-body').hidden = true;
      return;
    }
    $('no-results').hidden = true;
    $('summary-body').hidden = false;
    state.city = answer.city;
    state.districts = answer.districts;
    const showCityOnly = answer.rows.some((r) => r.city_only.findings !== 0);
    $('summary-title').textContent = '各规则疑点（' + format.month(answer.month) + '，规则 × 区县）';
    const table = $('summary-table');
    table.querySelector('thead').replaceChildren(el('tr', {},
      el('th', {}, '规则'), el('th', { className: 'num' }, answer.city.name),
      answer.districts.map((d) => el('th', { className: 'num' }, d.name)),
      showCityOnly ? el('th', { className: 'num' }, '市本级') : null));
    table.querySelector('tbody').replaceChildren(...answer.rows.map((row) => el('tr', { 'data-rule': row.rule.code },
      el('th', {}, row.rule.code + ' ' + row.rule.name),
      summaryCell(row.city, row.rule, ''),
      row.districts.map((cell, i) => summaryCell(cell, row.rule, answer.districts[i].region_code)),
      showCityOnly ? summaryCell(row.city_only, row.rule, undefined) : null)));
    table.querySelector('tfoot').replaceChildren(el('tr', {},
      el('td', {}, '合计'),
      summaryCell(answer.total, null, ''),
      answer.district_totals.map((cell, i) => summaryCell(cell, null, answer.districts[i].region_code)),
      showCityOnly ? summaryCell(answer.city_only_total, null, undefined) : null));
    $('summary-hint').textContent = state.personal
      ? '每格为疑点条数与涉及金额（元），点击数字查看疑点清单；“市本级”为只能归到全市、未落到区县的疑点。各规则金额可能重叠（同一笔发放可触发多条规则）。'
      : '每格为疑点条数与涉及金额（元）。领导账号查看汇总数字；疑点清单由规划人员核实处理。';
  }

  async function loadTrend() {
    const answer = await getJson('/api/v1/audit/trend');
    state.trend = answer;
    drawTrend();
  }

  function drawTrend() {
    const answer = state.trend;
    if (!answer || !answer.available) return;
    const measure = $('trend-measure').value;
    const series = answer.series
      .filter((s) => s.findings.some((n) => n > 0))
      .filter((s) => measure === 'findings' || s.rule.amount_kind !== 'none')
      .map((s) => ({
        name: s.rule.code + ' ' + s.rule.name, type: 'line', symbolSize: 6,
        data: (measure === 'findings' ? s.findings : s.amounts).map((v) => (v === null ? 0 : Number(v))),
      }));
    if (!state.chart) state.chart = echarts.init($('trend-chart'), null, { renderer: 'canvas' });
    state.chart.setOption({
      tooltip: { trigger: 'axis' },
      legend: { type: 'scroll', top: 0 },
      grid: { left: 60, right: 24, top: 40, bottom: 30 },
      xAxis: { type: 'category', data: answer.months },
      yAxis: { type: 'value', name: measure === 'findings' ? '条' : '元', minInterval: measure === 'findings' ? 1 : 0 },
      series,
      graphic: series.length ? [] : [{ type: 'text', left: 'center', top: 'middle',
        style: { text: '各月均未发现疑点', fill: '#7b8794', fontSize: 14 } }],
    }, true);
  }

  function drawRules() {
    const kinds = { payment: '发放金额', subsidy: '工单政府补贴', none: '无金额' };
    $('rules-table').querySelector('tbody').replaceChildren(...state.rules.map((r) => el('tr', {},
      el('td', {}, r.code), el('td', {}, r.name), el('td', {}, r.condition), el('td', {}, kinds[r.amount_kind] || ''))));
  }

  // ---- findings --------------------------------------------------------------------------------------------

  async function fillChildren(select, parentCode, selected, allLabel) {
    if (!parentCode) {
      select.replaceChildren(option('', allLabel, true));
      select.disabled = true;
      return;
    }
    const answer = await getJson('/api/v1/regions/' + encodeURIComponent(parentCode));
    select.replaceChildren(option('', allLabel, !selected),
      ...answer.children.map((c) => option(c.region_code, c.name, c.region_code === selected)));
    select.disabled = answer.children.length === 0;
  }

  async function drawFilters() {
    const f = state.filter;
    $('rule-filter').replaceChildren(option('', '全部规则', !f.rule),
      ...state.rules.map((r) => option(r.code, r.code + ' ' + r.name, r.code === f.rule)));
    $('district-filter').replaceChildren(option('', '全市', !f.district),
      ...state.districts.map((d) => option(d.region_code, d.name, d.region_code === f.district)));
    await fillChildren($('street-filter'), f.district, f.street, '全部街道');
    await fillChildren($('community-filter'), f.street, f.community, '全部社区');
  }

  async function openFindings(rule, district) {
    state.filter = { rule, district, street: '', community: '', page: 1 };
    await drawFilters();
    showTab('findings');
  }

  function findingsUrl(path) {
    const f = state.filter;
    const params = new URLSearchParams();
    if (f.rule) params.set('rule', f.rule);
    params.set('month', state.month);
    const region = f.community || f.street || f.district;
    if (region) params.set('region', region);
    return path + '?' + params.toString();
  }

  function regionLabel() {
    const f = state.filter;
    const pick = (id) => { const s = $(id); return s.value ? s.options[s.selectedIndex].textContent : null; };
    return pick('community-filter') || pick('street-filter') || (f.district ? pick('district-filter') : '全市');
  }

  async function loadFindings() {
    const f = state.filter;
    const answer = await getJson(findingsUrl('/api/v1/audit/findings') + '&page=' + f.page);
    const tbody = $('findings-table').querySelector('tbody');
    if (!answer.available) {
      $('findings-summary').textContent = answer.message;
      tbody.replaceChildren();
      return;
    }
    $('findings-title').textContent = '疑点清单：' + (f.rule ? f.rule + ' ' + ruleInfo(f.rule).name : '全部规则')
      + ' · ' + (regionLabel() || '全市') + ' · ' + format.month(state.month);
    $('findings-summary').textContent = '共 ' + answer.total + ' 条，涉及金额 ' + money(answer.amount) + ' 元。';
    $('vault-missing').hidden = answer.vault_present;
    tbody.replaceChildren(...answer.rows.map((r) => el('tr', { 'data-finding': r.finding_id },
      el('td', { title: r.rule_name }, r.rule),
      el('td', {}, r.month),
      el('td', { className: 'masked-name' }, r.name || '—'),
      el('td', { className: 'masked-id' }, r.id_number || '—'),
      el('td', { title: r.region_code }, r.region_name || r.region_code),
      el('td', { className: 'num' }, money(r.amount)),
      el('td', { className: 'evidence' }, r.evidence || '', r.order_id ? el('div', { className: 'muted' }, '工单 ' + r.order_id) : null),
      el('td', { className: 'current-mark' }, markBadge(r.mark)),
      el('td', {}, r.first_seen_version ? '第 ' + r.first_seen_version + ' 版' : '—'),
      el('td', { className: 'row-actions' },
        el('button', { type: 'button', className: 'mark-button', onclick: () => openMark(r) }, '标记'),
        r.person_key && answer.vault_present
          ? el('button', { type: 'button', className: 'secondary reveal-button',
            onclick: () => openReveal({ finding_id: r.finding_id }, r.rule + ' ' + r.rule_name + '，' + (r.name || '')) }, '查看身份')
          : null))));
    $('page-info').textContent = answer.pages ? '第 ' + answer.page + ' / ' + answer.pages + ' 页' : '没有符合条件的疑点';
    $('prev-page').disabled = answer.page <= 1;
    $('next-page').disabled = answer.page >= answer.pages;
  }

  // ---- marks -----------------------------------------------------------------------------------------------

  let marking = null;

  async function openMark(row) {
    marking = row;
    $('mark-finding').textContent = row.rule + ' ' + row.rule_name + ' · ' + row.month + ' · ' + (row.name || '')
      + ' · ' + (row.region_name || '');
    $('mark-statuses').replaceChildren(el('legend', {}, '核实结果'), ...state.statuses.map((s, i) => el('label', {},
      el('input', { type: 'radio', name: 'mark-status', value: s.code,
        checked: (row.mark ? row.mark.status === s.code : i === 0) ? true : null }), ' ' + s.label)));
    $('mark-comment').value = '';
    $('mark-error').hidden = true;
    const history = await getJson('/api/v1/audit/findings/' + encodeURIComponent(row.finding_id) + '/marks')
      .catch(() => ({ marks: [] }));
    $('mark-history').replaceChildren(...(history.marks.length ? history.marks.map((m) => el('li', {},
      new Date(m.marked_at).toLocaleString('zh-CN', { hour12: false }) + ' ' + m.marked_by + '：' + m.label
      + (m.comment ? '（' + m.comment + '）' : '') + '，第 ' + m.version + ' 版'))
      : [el('li', {}, '尚无标记。')]));
    $('mark-dialog').showModal();
  }

  async function saveMark() {
    const checked = document.querySelector('input[name="mark-status"]:checked');
    try {
      await api('/api/v1/audit/findings/' + encodeURIComponent(marking.finding_id) + '/marks', {
        method: 'POST', json: { status: checked ? checked.value : null, comment: $('mark-comment').value },
      });
      $('mark-dialog').close();
      await loadFindings();
    } catch (e) {
      $('mark-error').textContent = e.message;
      $('mark-error').hidden = false;
    }
  }

  // ---- reveal ----------------------------------------------------------------------------------------------

  let revealing = null;

  function openReveal(target, label) {
    revealing = target;
    $('reveal-who').textContent = label;
    $('reveal-reason').value = '';
    $('reveal-error').hidden = true;
    $('reveal-result').hidden = true;
    $('reveal-result').replaceChildren();
    $('reveal-submit').disabled = false;
    $('reveal-dialog').showModal();
  }

  async function reveal() {
    try {
      const answer = await api('/api/v1/audit/reveal', {
        method: 'POST', json: Object.assign({ reason: $('reveal-reason').value }, revealing),
      });
      $('reveal-error').hidden = true;
      $('reveal-result').replaceChildren(
        el('div', {}, '姓名：', el('b', { id: 'revealed-name' }, answer.name || '—')),
        el('div', {}, '公民身份号码：', el('b', { id: 'revealed-id' }, answer.id_number || '—')),
        el('div', { className: 'muted' }, answer.message));
      $('reveal-result').hidden = false;
      $('reveal-submit').disabled = true;
    } catch (e) {
      $('reveal-error').textContent = e.message;
      $('reveal-error').hidden = false;
    }
  }

  function closeReveal() {
    // shown once: the values leave the page with the dialog
    $('reveal-result').replaceChildren();
    $('reveal-result').hidden = true;
    $('reveal-dialog').close();
  }

  // ---- resolved --------------------------------------------------------------------------------------------

  async function loadResolved() {
    const answer = await getJson('/api/v1/audit/resolved');
    const rows = answer.available ? answer.rows : [];
    $('resolved-empty').textContent = answer.available ? '暂无已消除的疑点。' : answer.message;
    $('resolved-empty').hidden = rows.length > 0;
    $('resolved-table').hidden = rows.length === 0;
    $('resolved-table').querySelector('tbody').replaceChildren(...rows.map((r) => el('tr', { 'data-finding': r.finding_id },
      el('td', { title: r.rule_name }, r.rule), el('td', {}, r.month), el('td', {}, r.name || '—'),
      el('td', {}, r.id_number || '—'), el('td', {}, r.region_name || r.region_code || '—'),
      el('td', { className: 'num' }, money(r.amount)), el('td', { className: 'evidence' }, r.evidence || ''),
      el('td', {}, el('span', { className: 'mark mark-resolved' }, '已消除'), ' ', markBadge(r.mark)),
      el('td', {}, r.mark && r.mark.comment ? r.mark.comment : ''),
      el('td', {}, r.first_seen_version ? '第 ' + r.first_seen_version + ' 版' : '—'))));
  }

  // ---- 无感认证 --------------------------------------------------------------------------------------------

  function percent(value) {
    return value === null || value === undefined ? '—' : format.number(value, 2) + '%';
  }

  async function loadProof() {
    const p = state.proof;
    const params = new URLSearchParams({ month: state.month });
    if (p.region) params.set('region', p.region);
    const answer = await getJson('/api/v1/audit/proof-of-life?' + params.toString());
    if (!answer.available) {
      $('proof-missing').textContent = answer.message;
      $('proof-missing').hidden = false;
      $('proof-body').hidden = true;
      return;
    }
    $('proof-missing').hidden = !answer.message;
    $('proof-missing').textContent = answer.message || '';
    $('proof-body').hidden = false;
    $('proof-title').textContent = '无感认证率（' + answer.region.name + '，' + format.month(answer.month) + '）';
    $('proof-up').hidden = p.parents.length === 0;
    const row = (r, drill) => el('tr', { className: drill && r.has_children ? 'drill' : null, 'data-region': r.region_code,
      onclick: drill && r.has_children ? () => { p.parents.push(p.region); p.region = r.region_code; p.page = 1; loadProof().catch(showError); } : null },
    el('td', {}, r.name), el('td', { className: 'num' }, format.count(r.recipients)),
    el('td', { className: 'num' }, format.count(r.auto_verified)), el('td', { className: 'num' }, format.count(r.needs_visit)),
    el('td', { className: 'num' }, percent(r.rate)));
    $('proof-table').querySelector('tbody').replaceChildren(row(answer.total, false),
      ...answer.children.map((c) => row(c, true)));
    if (state.personal) await loadVisits(answer.region);
  }

  async function loadVisits(region) {
    const p = state.proof;
    const params = new URLSearchParams({ month: state.month, page: String(p.page) });
    if (p.region) params.set('region', p.region);
    const answer = await getJson('/api/v1/audit/proof-of-life/needs-visit?' + params.toString());
    $('visits-title').textContent = '待走访名单（' + region.name + '）';
    $('visits-summary').textContent = '共 ' + answer.total + ' 人：近 6 个月没有任何生存证据，请街道、社区上门核实。';
    $('visits-table').querySelector('tbody').replaceChildren(...answer.rows.map((v) => el('tr', { 'data-person': v.person_key },
      el('td', {}, v.street_name || '—'), el('td', {}, v.community_name || v.region_name || '—'),
      el('td', {}, v.name || '—'), el('td', {}, v.id_number || '—'),
      el('td', {}, v.evidence_date ? v.evidence_date + ' ' + (v.evidence_source_name || '') : '无'),
      el('td', { className: 'evidence' }, v.evidence || ''),
      el('td', { className: 'row-actions' }, answer.vault_present ? el('button', { type: 'button', className: 'secondary',
        onclick: () => openReveal({ person_key: v.person_key }, '待走访：' + (v.community_name || '') + ' ' + (v.name || '')) }, '查看身份') : null))));
    $('visits-page').textContent = answer.pages ? '第 ' + answer.page + ' / ' + answer.pages + ' 页' : '';
    $('visits-prev').disabled = answer.page <= 1;
    $('visits-next').disabled = answer.page >= answer.pages;
  }

  // ---- start -----------------------------------------------------------------------------------------------

  async function loadMonth() {
    clearError();
    saveUrl();
    await loadSummary();
    const active = document.querySelector('#tabs button.active').dataset.tab;
    if (active !== 'summary') showTab(active);
  }

  async function start() {
    const who = await window.Shell.session();
    state.personal = who.role === 'planner' || who.role === 'admin';
    document.querySelectorAll('[data-personal]').forEach((node) => { node.hidden = !state.personal; });
    const [months, catalog] = await Promise.all([getJson('/api/v1/months'), getJson('/api/v1/audit/rules')]);
    state.rules = catalog.rules;
    state.statuses = catalog.mark_statuses;
    drawRules();
    const wanted = new URLSearchParams(location.search).get('month');
    state.month = months.months.includes(wanted) ? wanted : months.latest;
    $('month-select').replaceChildren(...months.months.slice().reverse().map((m) => option(m, format.month(m), m === state.month)));
    await loadMonth();
    await loadTrend();
  }

  document.addEventListener('DOMContentLoaded', () => {
    document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
    $('month-select').addEventListener('change', () => { state.month = $('month-select').value; state.filter.page = 1;
      state.proof.page = 1; loadMonth().catch(showError); });
    $('trend-measure').addEventListener('change', drawTrend);
    $('rule-filter').addEventListener('change', () => { state.filter.rule = $('rule-filter').value; state.filter.page = 1;
      loadFindings().catch(showError); });
    $('district-filter').addEventListener('change', async () => {
      Object.assign(state.filter, { district: $('district-filter').value, street: '', community: '', page: 1 });
      await drawFilters().catch(showError);
      loadFindings().catch(showError);
    });
    $('street-filter').addEventListener('change', async () => {
      Object.assign(state.filter, { street: $('street-filter').value, community: '', page: 1 });
      await drawFilters().catch(showError);
      loadFindings().catch(showError);
    });
    $('community-filter').addEventListener('change', () => { state.filter.community = $('community-filter').value;
      state.filter.page = 1; loadFindings().catch(showError); });
    $('prev-page').addEventListener('click', () => { state.filter.page -= 1; loadFindings().catch(showError); });
    $('next-page').addEventListener('click', () => { state.filter.page += 1; loadFindings().catch(showError); });
    $('export-findings').addEventListener('click', () => download(findingsUrl('/api/v1/audit/exports/findings'),
      $('findings-export')).catch(showError));
    $('mark-submit').addEventListener('click', saveMark);
    $('mark-cancel').addEventListener('click', () => $('mark-dialog').close());
    $('reveal-submit').addEventListener('click', reveal);
    $('reveal-close').addEventListener('click', closeReveal);
    $('reveal-dialog').addEventListener('cancel', closeReveal);
    $('proof-up-link').addEventListener('click', (e) => { e.preventDefault(); state.proof.region = state.proof.parents.pop() || null;
      state.proof.page = 1; loadProof().catch(showError); });
    $('visits-prev').addEventListener('click', () => { state.proof.page -= 1; loadProof().catch(showError); });
    $('visits-next').addEventListener('click', () => { state.proof.page += 1; loadProof().catch(showError); });
    $('export-visits').addEventListener('click', () => {
      const params = new URLSearchParams({ month: state.month });
      if (state.proof.region) params.set('region', state.proof.region);
      download('/api/v1/audit/exports/needs-visit?' + params.toString(), $('visits-export')).catch(showError);
    });
    window.addEventListener('resize', () => { if (state.chart) state.chart.resize(); });
    start().catch(showError);
  });
})();
