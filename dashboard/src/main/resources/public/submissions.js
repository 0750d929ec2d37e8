// 报送情况: units × feeds for a month, and who still owes what.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  const LABEL = { submitted: '已报送', late: '逾期报送', refused: '被拒收', missing: '未报送' };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => { if (v !== null && v !== undefined && v !== false) node.setAttribute(k === 'className' ? 'class' : k, v); });
    children.flat().forEach((c) => { if (c !== null && c !== undefined) node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c))); });
    return node;
  }

  async function load() {
    const month = $('month-input').value.trim();
    const answer = await Shell.api('/api/v1/submissions' + (month ? '?month=' + encodeURIComponent(month) : ''));
    $('month-input').value = answer.month;
    const params = new URLSearchParams(location.search);
    params.set('month', answer.month);
    history.replaceState(null, '', '?' + params.toString());
    $('summary').replaceChildren(
      el('span', {}, '应报 ', el('b', { id: 'sum-expected' }, answer.expected), ' 项'),
      el('span', { className: 'state-submitted' }, '已报送 ', el('b', { id: 'sum-submitted' }, answer.submitted)),
      el('span', { className: 'state-late' }, '逾期报送 ', el('b', { id: 'sum-late' }, answer.late)),
      el('span', { className: 'state-refused' }, '被拒收 ', el('b', { id: 'sum-refused' }, answer.refused)),
      el('span', { className: 'state-missing' }, '未报送 ', el('b', { id: 'sum-missing' }, answer.missing)));
    const head = $('matrix').querySelector('thead');
    head.replaceChildren(el('tr', {}, el('th', {}, '单位'), answer.feed_names.map((n) => el('th', {}, n))));
    const body = $('matrix').querySelector('tbody');
    body.replaceChildren(...answer.units.map((u) => el('tr', { 'data-unit': u.unit },
      el('th', {}, u.name, el('div', { className: 'muted' }, u.unit)),
      u.cells.map((c, i) => c === null
        ? el('td', { className: 'not-expected' }, '—')
        : el('td', {
          className: 'state-' + c.state + (c.overdue ? ' overdue' : ''), 'data-feed': answer.feeds[i], 'data-state': c.state,
          title: c.period + '，截止 ' + c.deadline + (c.batch_id ? '，在用批次 ' + c.batch_id : '') + (c.batches ? '，共 ' + c.batches + ' 次上传' : ''),
        }, LABEL[c.state] + (c.overdue ? '（已超期）' : ''))))));
    const owed = $('owed').querySelector('tbody');
    owed.replaceChildren(...answer.owed.map((o) => el('tr', { 'data-unit': o.unit, 'data-feed': o.feed },
      el('td', {}, o.name), el('td', {}, o.feed_name), el('td', {}, o.period),
      el('td', { className: 'state-' + o.state }, LABEL[o.state] + (o.overdue ? '（已超期）' : '')),
      el('td', {}, o.deadline))));
    $('owed-empty').hidden = answer.owed.length > 0;
    $('owed').hidden = answer.owed.length === 0;
  }

  document.addEventListener('DOMContentLoaded', () => {
    $('month-input').value = new URLSearchParams(location.search).get('month') || '';
    $('month-input').addEventListener('change', load);
    $('matrix-exports').replaceChildren(window.Exports.tableButtons((format) => '/api/v1/exports/submissions?month='
      + encodeURIComponent($('month-input').value.trim()) + '&format=' + format));
    $('refresh').addEventListener('click', load);
    load().catch((e) => alert(e.message));
  });
})();
