// 系统管理: accounts, units, targets, API tokens, ETL runs, audit log.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let units = [];
  let feeds = [];
  let auditBefore = null;
  let etlTimer = null;

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'className') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => { if (c !== null && c !== undefined) node.appendChild(typeof c === 'object' ? c : document.createTextNode(String(c))); });
    return node;
  }

  const time = (ms) => (ms ? new Date(ms).toLocaleString('zh-CN', { hour12: false, timeZone: 'Asia/Shanghai' }) : '');

  function fail(e) {
    $('admin-error').textContent = e.message;
    $('admin-error').hidden = false;
  }

  async function run(action) {
    $('admin-error').hidden = true;
    try { await action(); } catch (e) { fail(e); }
  }

  function unitOptions(select) {
    select.replaceChildren(...units.map((u) => el('option', { value: u.unit }, u.name + '（' + u.unit + '）')));
  }

  // ---- accounts -----------------------------------------------------------------------------------------------

  async function loadUsers() {
    const users = await Shell.api('/api/v1/admin/users');
    $('users').querySelector('tbody').replaceChildren(...users.map((u) => el('tr', { 'data-user': u.name },
      el('td', {}, u.name), el('td', {}, u.role_label), el('td', {}, u.unit || ''),
      el('td', {}, u.disabled ? '已停用' : (u.must_change_password ? '待修改初始密码' : '正常')),
      el('td', {},
        el('a', { href: '#', onclick: (e) => { e.preventDefault(); run(() => reset(u)); } }, '重置密码'), ' ',
        el('a', { href: '#', onclick: (e) => { e.preventDefault(); run(() => toggle(u)); } }, u.disabled ? '启用' : '停用')))));
  }

  async function createUser() {
    const role = $('user-role').value;
    const created = await Shell.api('/api/v1/admin/users', {
      method: 'POST', json: { name: $('user-name').value.trim(), role, unit: role === 'uploader' ? $('user-unit').value : null },
    });
    showOnce($('user-password'), '已创建账号 ' + created.user.name + '，初始密码：' + created.password + '（只显示这一次，首次登录须修改）');
    $('user-name').value = '';
    await loadUsers();
  }

  async function reset(user) {
    if (!confirm('为 ' + user.name + ' 生成新的初始密码？其登录会话将失效。')) return;
    const answer = await Shell.api('/api/v1/admin/users/' + user.id + '/reset-password', { method: 'POST' });
    showOnce($('user-password'), user.name + ' 的新初始密码：' + answer.password + '（只显示这一次）');
    await loadUsers();
  }

  async function toggle(user) {
    await Shell.api('/api/v1/admin/users/' + user.id + (user.disabled ? '/enable' : '/disable'), { method: 'POST' });
    await loadUsers();
  }

  function showOnce(node, text) {
    node.textContent = text;
    node.hidden = false;
  }

  // ---- units --------------------------------------------------------------------------------------------------

  function unitRow(u) {
    return el('tr', {},
      el('td', {}, el('input', { className: 'unit-code', value: u.unit, size: 24 })),
      el('td', {}, el('input', { className: 'unit-name', value: u.name, size: 18 })),
      el('td', {}, el('input', { className: 'unit-feeds', value: (u.expected_feeds || []).join(';'), size: 40 })),
      el('td', {}, el('input', { className: 'unit-deadline', value: u.deadline_day || 10, size: 3 })),
      el('td', {}, el('a', { href: '#', onclick: (e) => { e.preventDefault(); e.target.closest('tr').remove(); } }, '删除')));
  }

  async function loadUnits() {
    const rows = await Shell.api('/api/v1/admin/units');
    $('units').querySelector('tbody').replaceChildren(...rows.map(unitRow));
  }

  async function saveUnits() {
    const rows = Array.from($('units').querySelectorAll('tbody tr')).map((tr) => ({
      unit: tr.querySelector('.unit-code').value.trim(),
      name: tr.querySelector('.unit-name').value.trim(),
      expected_feeds: tr.querySelector('.unit-feeds').value.split(/[;；,，]/).map((s) => s.trim()).filter(Boolean),
      deadline_day: parseInt(tr.querySelector('.unit-deadline').value, 10) || 10,
    }));
    const saved = await Shell.api('/api/v1/admin/units', { method: 'PUT', json: { units: rows } });
    units = saved;
    unitOptions($('user-unit'));
    unitOptions($('token-unit'));
    $('units-saved').hidden = false;
    setTimeout(() => { $('units-saved').hidden = true; }, 3000);
  }

  // ---- targets ------------------------------------------------------------------------------------------------

  async function loadTargets() {
    const rows = await Shell.api('/api/v1/admin/targets');
    $('targets').querySelector('tbody').replaceChildren(...rows.map((t) => el('tr', { 'data-kpi': t.code },
      el('td', {}, t.name, el('div', { className: 'muted' }, t.code)), el('td', {}, t.unit || ''),
      el('td', {}, t.default_target || '—'),
      el('td', {}, el('input', { className: 'target', 'data-code': t.code, value: t.target || '', size: 8 })))));
  }

  async function saveTargets() {
    const targets = {};
    document.querySelectorAll('#targets input.target').forEach((input) => { targets[input.dataset.code] = input.value.trim(); });
    await Shell.api('/api/v1/admin/targets', { method: 'PUT', json: { targets } });
    await loadTargets();
    $('targets-saved').hidden = false;
    setTimeout(() => { $('targets-saved').hidden = true; }, 3000);
  }

  // ---- tokens -------------------------------------------------------------------------------------------------

  async function loadTokens() {
    const rows = await Shell.api('/api/v1/admin/tokens');
    $('tokens').querySelector('tbody').replaceChildren(...rows.map((t) => el('tr', {},
      el('td', {}, t.id), el('td', {}, t.unit), el('td', {}, time(t.created_at)), el('td', {}, t.created_by),
      el('td', {}, time(t.last_used_at)), el('td', {}, t.revoked_at ? '已吊销（' + time(t.revoked_at) + '）' : '有效'))));
  }

  async function createToken() {
    const answer = await Shell.api('/api/v1/admin/tokens', { method: 'POST', json: { unit: $('token-unit').value } });
    showOnce($('token-once'), answer.unit + ' 的新令牌（只显示这一次，请交给该单位的系统管理员）：' + answer.token);
    await loadTokens();
  }

  async function revokeTokens() {
    const unit = $('token-unit').value;
    if (!confirm('吊销 ' + unit + ' 的全部令牌？使用这些令牌的系统将无法再上传。')) return;
    const answer = await Shell.api('/api/v1/admin/tokens/revoke', { method: 'POST', json: { unit } });
    showOnce($('token-once'), '已吊销 ' + answer.unit + ' 的 ' + answer.revoked + ' 个令牌。');
    await loadTokens();
  }

  // ---- ETL ----------------------------------------------------------------------------------------------------

  const ETL_STATUS = { running: '运行中', succeeded: '成功', failed: '失败', interrupted: '被中断' };

  async function loadEtl() {
    const answer = await Shell.api('/api/v1/admin/etl-runs');
    $('etl-runs').querySelector('tbody').replaceChildren(...answer.runs.map((r) => el('tr', { 'data-run': r.id },
      el('td', {}, r.id), el('td', {}, time(r.started_at)), el('td', {}, r.started_by), el('td', {}, time(r.finished_at)),
      el('td', { className: 'etl-' + r.status }, ETL_STATUS[r.status] + (r.exit_code !== null && r.exit_code !== 0 ? '（退出码 ' + r.exit_code + '）' : '')),
      el('td', {}, r.published_version === null ? '' : r.published_version), el('td', {}, r.last_line || ''))));
    $('etl-start').disabled = answer.running !== null;
    if (answer.running !== null) follow(answer.running);
    else if (answer.runs.length) $('etl-status').textContent = '上次：' + ETL_STATUS[answer.runs[0].status];
  }

  async function startEtl() {
    const answer = await Shell.api('/api/v1/admin/etl-runs', { method: 'POST' });
    follow(answer.run.id);
  }

  function follow(id) {
    if (etlTimer) clearInterval(etlTimer);
    $('etl-start').disabled = true;
    $('etl-log').hidden = false;
    const poll = async () => {
      const view = await Shell.api('/api/v1/admin/etl-runs/' + id);
      $('etl-log').textContent = view.lines.join('\n');
      $('etl-log').scrollTop = $('etl-log').scrollHeight;
      $('etl-status').textContent = '任务 ' + id + '：' + ETL_STATUS[view.run.status]
        + (view.run.published_version ? '，已发布版本 ' + view.run.published_version : '');
      $('etl-status').dataset.status = view.run.status;
      if (!view.running) {
        clearInterval(etlTimer);
        etlTimer = null;
        $('etl-start').disabled = false;
        await loadEtl();
      }
    };
    etlTimer = setInterval(() => poll().catch(fail), 1000);
    poll().catch(fail);
  }

  // ---- audit --------------------------------------------------------------------------------------------------

  async function loadAudit(more) {
    if (!more) auditBefore = null;
    const params = new URLSearchParams({ limit: '100' });
    if (auditBefore) params.set('before', auditBefore);
    if ($('audit-action').value) params.set('action', $('audit-action').value);
    if ($('audit-actor').value.trim()) params.set('actor', $('audit-actor').value.trim());
    const page = await Shell.api('/api/v1/admin/audit?' + params.toString());
    const rows = page.entries.map((a) => el('tr', {},
      el('td', {}, time(a.at)), el('td', {}, a.actor), el('td', {}, a.role || ''), el('td', { className: 'audit-action' }, a.action),
      el('td', {}, a.target || ''), el('td', {}, a.detail || ''), el('td', {}, a.outcome), el('td', {}, a.ip || '')));
    const body = $('audit').querySelector('tbody');
    if (more) body.append(...rows); else body.replaceChildren(...rows);
    const select = $('audit-action');
    if (select.options.length === 1) select.append(...page.actions.map((a) => el('option', { value: a }, a)));
    auditBefore = page.next_before;
    $('audit-more').hidden = auditBefore === null;
  }

  // ---- start --------------------------------------------------------------------------------------------------

  const loaders = { users: loadUsers, units: loadUnits, targets: loadTargets, tokens: loadTokens, etl: loadEtl, audit: () => loadAudit(false) };

  function showTab(name) {
    document.querySelectorAll('#tabs button').forEach((b) => b.classList.toggle('active', b.dataset.tab === name));
    document.querySelectorAll('section.tab').forEach((s) => { s.hidden = s.id !== 'tab-' + name; });
    run(loaders[name]);
  }

  document.addEventListener('DOMContentLoaded', async () => {
    await Shell.session();
    const answer = await Shell.api('/api/v1/feeds');
    units = answer.units;
    feeds = answer.feeds;
    unitOptions($('user-unit'));
    unitOptions($('token-unit'));
    document.querySelectorAll('#tabs button').forEach((b) => b.addEventListener('click', () => showTab(b.dataset.tab)));
    $('user-role').addEventListener('change', () => { $('user-unit-label').hidden = $('user-role').value !== 'uploader'; });
    $('user-create').addEventListener('click', () => run(createUser));
    $('unit-add').addEventListener('click', () => $('units').querySelector('tbody').append(unitRow({ unit: '', name: '', expected_feeds: [] })));
    $('units-save').addEventListener('click', () => run(saveUnits));
    $('targets-save').addEventListener('click', () => run(saveTargets));
    $('token-create').addEventListener('click', () => run(createToken));
    $('token-revoke').addEventListener('click', () => run(revokeTokens));
    $('etl-start').addEventListener('click', () => run(startEtl));
    $('audit-search').addEventListener('click', () => run(() => loadAudit(false)));
    $('audit-more').addEventListener('click', () => run(() => loadAudit(true)));
    showTab(new URLSearchParams(location.search).get('tab') || 'users');
  });
})();
