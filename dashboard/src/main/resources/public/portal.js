// 数据报送: choose feed and period, drop a file, watch it upload and be checked, read the batch report; history.
(function () {
  'use strict';
  const $ = (id) => document.getElementById(id);
  let me = null;
  let feeds = [];
  let units = [];

  const STATUS = { accepted: '已接收', unchanged: '内容未变', refused: '已拒收' };

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'className') node.className = v;
      else if (k.startsWith('on')) node.addEventListener(k.substring(2), v);
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => {
      if (c === null || c === undefined) return;
      node.appendChild(typeof c === 'string' || typeof c === 'number' ? document.createTextNode(String(c)) : c);
    });
    return node;
  }

  function feedInfo(code) { return feeds.find((f) => f.feed === code); }

  function selectedUnit() { return me.role === 'admin' ? $('unit-select').value : me.unit; }

  function defaultPeriod(feed) {
    const now = new Date();
    const last = new Date(now.getFullYear(), now.getMonth() - 1, 1);
    if (feed && feed.period === 'year') return String(now.getFullYear() - 1);
    return last.getFullYear() + '-' + String(last.getMonth() + 1).padStart(2, '0');
  }

  function renderFeedOptions() {
    const select = $('feed-select');
    const previous = select.value;
    const sendable = feeds.filter((f) => f.sendable);
    select.replaceChildren(...sendable.map((f) => el('option', { value: f.feed },
      f.name + (f.expected ? '（应报）' : '') + ' · ' + (f.period === 'month' ? '月报' : '年报'))));
    if (sendable.some((f) => f.feed === previous)) select.value = previous;
    if (!sendable.length) $('feed-hint').textContent = '该单位没有可报送的数据类型。';
    onFeedChange();
  }

  function onFeedChange() {
    const feed = feedInfo($('feed-select').value);
    if (!feed) return;
    const period = $('period-input');
    const monthly = feed.period === 'month';
    if (!period.value || (monthly ? !/^\d{4}-\d{2}$/.test(period.value) : !/^\d{4}$/.test(period.value))) {
      period.value = defaultPeriod(feed);
    }
    period.placeholder = monthly ? 'YYYY-MM' : 'YYYY';
    $('feed-hint').textContent = feed.name + '：' + (monthly ? '按月报送' : '按年报送') + '，'
      + (feed.kind === 'snapshot' ? '填写期末全部在册数据' : '只填该期间内发生的记录') + '。必填列：'
      + feed.columns.filter((c) => c.required).map((c) => c.header).join('、') + '。';
    updateTemplateLink();
  }

  function updateTemplateLink() {
    $('template-link').href = '/api/v1/templates/' + encodeURIComponent($('feed-select').value)
      + '?period=' + encodeURIComponent($('period-input').value);
  }

  async function loadFeeds() {
    const unit = me.role === 'admin' ? $('unit-select').value : '';
    const answer = await Shell.api('/api/v1/feeds' + (unit ? '?unit=' + encodeURIComponent(unit) : ''));
    feeds = answer.feeds;
    if (!units.length) units = answer.units;
    renderFeedOptions();
  }

  // ---- upload -------------------------------------------------------------------------------------------------

  function setProgress(fraction, text) {
    $('progress-box').hidden = false;
    const bar = $('progress');
    bar.classList.toggle('indeterminate', fraction === null);
    $('progress-bar').style.width = fraction === null ? '' : Math.round(fraction * 100) + '%';
    $('progress-text').textContent = text;
  }

  function randomId() {
    const bytes = new Uint8Array(16);
    crypto.getRandomValues(bytes);
    return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
  }

  function upload(file) {
    $('upload-error').hidden = true;
    const feed = $('feed-select').value;
    const period = $('period-input').value.trim();
    if (!feed || !period) { showUploadError('请先选择数据类型和报送期间。'); return; }
    const data = new FormData();
    data.append('feed', feed);
    data.append('period', period);
    if (me.role === 'admin') data.append('unit', selectedUnit());
    data.append('file', file, file.name);
    const uploadId = randomId();
    const xhr = new XMLHttpRequest();
    let polling = null;
    xhr.open('POST', '/api/v1/batches');
    xhr.setRequestHeader('X-CSRF-Token', me.csrf_token);
    xhr.setRequestHeader('X-Upload-Id', uploadId);
    xhr.setRequestHeader('Accept', 'application/json');
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) setProgress(0.5 * e.loaded / e.total, '正在上传 ' + Math.round(100 * e.loaded / e.total) + '%');
    };
    xhr.upload.onload = () => {
      setProgress(0.5, '上传完成，正在校验…');
      polling = setInterval(async () => {
        try {
          const p = await Shell.api('/api/v1/uploads/' + uploadId + '/progress');
          if (p.phase === 'done') return;
          const fraction = p.fraction === null || p.fraction === undefined ? null : 0.5 + 0.5 * p.fraction;
          setProgress(fraction, '正在校验：已检查 ' + p.rows_checked.toLocaleString('zh-CN') + ' 行'
            + (p.expected_rows ? '（约 ' + p.expected_rows.toLocaleString('zh-CN') + ' 行）' : ''));
        } catch (ignored) { /* the upload's own answer says what went wrong */ }
      }, 400);
    };
    xhr.onloadend = () => {
      if (polling) clearInterval(polling);
      let body = {};
      try { body = JSON.parse(xhr.responseText); } catch (ignored) { /* not JSON */ }
      if (xhr.status === 200 || xhr.status === 422) {
        setProgress(1, xhr.status === 200 ? '校验完成' : '校验完成：文件被拒收');
        showReport(body);
        loadHistory();
      } else if (xhr.status === 401) {
        Shell.toLogin();
      } else {
        $('progress-box').hidden = true;
        showUploadError(body.error || ('上传失败（HTTP ' + xhr.status + '）'));
      }
    };
    setProgress(0, '正在上传…');
    xhr.send(data);
  }

  function showUploadError(text) {
    $('upload-error').textContent = text;
    $('upload-error').hidden = false;
  }

  // ---- report -------------------------------------------------------------------------------------------------

  function showReport(report) {
    $('report').hidden = false;
    $('report-batch').textContent = report.batch_id ? '批次 ' + report.batch_id : '';
    const banner = $('report-banner');
    banner.className = 'banner ' + report.status;
    const feed = feedInfo(report.feed);
    const title = (feed ? feed.name : report.feed) + ' ' + report.period + '：' + STATUS[report.status];
    banner.replaceChildren(...[el('b', { id: 'report-status', 'data-status': report.status }, title),
      report.fatal ? el('div', { id: 'report-fatal' }, '拒收原因：' + report.fatal.message) : null,
      report.status === 'unchanged' ? el('div', {}, '文件内容与在用批次完全相同，未作改动。') : null].filter(Boolean));
    $('report-counts').replaceChildren(
      el('span', {}, '读取 ', el('b', { id: 'count-read' }, report.rows_read), ' 行'),
      el('span', {}, '入库 ', el('b', { id: 'count-loaded' }, report.rows_loaded), ' 行'),
      el('span', {}, '隔离 ', el('b', { id: 'count-quarantined' }, report.rows_quarantined), ' 行'),
      el('span', {}, '表尾 ', el('b', {}, report.footer_rows), ' 行'),
      el('span', {}, '问题 ', el('b', { id: 'count-rejections' }, report.rejections_total), ' 条'));
    const supersedes = $('report-supersedes');
    supersedes.hidden = !report.supersedes;
    supersedes.textContent = report.supersedes ? '本批次为更正，替代此前在用的批次 ' + report.supersedes + '（原批次仍保留）。' : '';
    const hasList = report.batch_id && (report.rejections_total > 0 || report.fatal);
    $('report-downloads').hidden = !hasList;
    if (hasList) {
      const base = '/api/v1/batches/' + encodeURIComponent(report.batch_id) + '/rejections?format=';
      $('download-xlsx').href = base + 'xlsx';
      $('download-csv').href = base + 'csv';
    }
    const rows = (report.rejections || []).slice(0, 100);
    const body = $('rejections-table').querySelector('tbody');
    body.replaceChildren(...rows.map((r) => el('tr', { className: 'severity-' + r.severity },
      el('td', { className: 'num' }, r.row === null ? '' : r.row),
      el('td', {}, columnLabel(report.feed, r.column)),
      el('td', {}, r.value || ''),
      el('td', {}, r.rule),
      el('td', {}, (r.severity === 'warning' ? '【提示】' : '') + r.message))));
    $('rejections-table').hidden = rows.length === 0;
    const more = $('rejections-more');
    more.hidden = report.rejections_total <= rows.length;
    more.textContent = '仅显示前 ' + rows.length + ' 条，共 ' + report.rejections_total + ' 条；完整清单请下载。';
  }

  function columnLabel(feedCode, column) {
    if (!column) return '';
    const feed = feedInfo(feedCode);
    const spec = feed && feed.columns.find((c) => c.key === column);
    return spec ? spec.header : column;
  }

  async function openBatch(id) {
    try {
      showReport(await Shell.api('/api/v1/batches/' + encodeURIComponent(id)));
      $('report').scrollIntoView();
    } catch (e) { showUploadError(e.message); }
  }

  // ---- history ------------------------------------------------------------------------------------------------

  async function loadHistory() {
    const params = new URLSearchParams();
    if ($('history-feed').value) params.set('feed', $('history-feed').value);
    if (me.role !== 'uploader' && $('history-unit').value) params.set('unit', $('history-unit').value);
    const rows = await Shell.api('/api/v1/batches?' + params.toString());
    const body = $('history-table').querySelector('tbody');
    body.replaceChildren(...rows.map((b) => {
      const actions = [el('a', { href: '#', onclick: (e) => { e.preventDefault(); openBatch(b.batch_id); } }, '查看')];
      if (b.status === 'accepted' && me.role !== 'planner') {
        actions.push(' ', el('a', { href: '#', className: 'correct', onclick: (e) => { e.preventDefault(); correct(b); } }, '更正'));
      }
      if (me.role === 'admin' && b.status === 'accepted' && !b.in_force) {
        actions.push(' ', el('a', { href: '#', className: 'restore', onclick: (e) => { e.preventDefault(); restore(b); } }, '恢复此版本'));
      }
      const notes = [];
      if (b.supersedes) notes.push('更正，替代 ' + b.supersedes);
      if (b.restores) notes.push('恢复自 ' + b.restores);
      if (b.fatal_message) notes.push(b.fatal_message);
      return el('tr', { 'data-batch': b.batch_id, className: b.in_force ? 'in-force' : null },
        el('td', {}, b.received_at.replace('T', ' ').substring(0, 19)),
        el('td', {}, b.feed_name), el('td', {}, b.period), el('td', {}, b.unit), el('td', {}, b.original_name || ''),
        el('td', { className: 'status-' + b.status }, STATUS[b.status]),
        el('td', { className: 'num' }, b.rows_read), el('td', { className: 'num' }, b.rows_loaded),
        el('td', { className: 'num' }, b.rows_quarantined),
        el('td', { className: 'in-force-cell' }, b.in_force ? '在用' : ''),
        el('td', {}, notes.join('；')), el('td', {}, actions));
    }));
    $('history-empty').hidden = rows.length > 0;
  }

  function correct(batch) {
    if (me.role === 'admin') { $('unit-select').value = batch.unit; }
    $('feed-select').value = batch.feed;
    $('period-input').value = batch.period;
    onFeedChange();
    $('upload-box').scrollIntoView();
    $('feed-hint').textContent = '更正 ' + batch.feed_name + ' ' + batch.period + '：上传更正后的文件，它将替代当前在用的批次，原批次仍保留可查。';
  }

  async function restore(batch) {
    if (!confirm('用批次 ' + batch.batch_id + ' 的原文件重新生成一个在用批次？原有批次都会保留。')) return;
    try {
      showReport(await Shell.api('/api/v1/batches/' + encodeURIComponent(batch.batch_id) + '/restore', { method: 'POST' }));
      loadHistory();
    } catch (e) { showUploadError(e.message); }
  }

  // ---- start --------------------------------------------------------------------------------------------------

  function wireDropZone() {
    const zone = $('drop-zone');
    const input = $('file-input');
    zone.addEventListener('click', () => input.click());
    zone.addEventListener('keydown', (e) => { if (e.key === 'Enter' || e.key === ' ') input.click(); });
    input.addEventListener('change', () => { if (input.files.length) upload(input.files[0]); input.value = ''; });
    zone.addEventListener('dragover', (e) => { e.preventDefault(); zone.classList.add('over'); });
    zone.addEventListener('dragleave', () => zone.classList.remove('over'));
    zone.addEventListener('drop', (e) => {
      e.preventDefault();
      zone.classList.remove('over');
      if (e.dataTransfer.files.length) upload(e.dataTransfer.files[0]);
    });
  }

  document.addEventListener('DOMContentLoaded', async () => {
    wireDropZone();
    me = await Shell.session();
    if (me.role === 'admin') {
      $('unit-label').hidden = false;
      $('history-unit-label').hidden = false;
    }
    const first = await Shell.api('/api/v1/feeds');
    units = first.units;
    feeds = first.feeds;
    if (me.role === 'admin') {
      $('unit-select').replaceChildren(...units.map((u) => el('option', { value: u.unit }, u.name + '（' + u.unit + '）')));
      $('history-unit').append(...units.map((u) => el('option', { value: u.unit }, u.name)));
      $('unit-select').addEventListener('change', loadFeeds);
      await loadFeeds();
    } else {
      renderFeedOptions();
    }
    $('history-feed').append(...first.feeds.filter((f) => me.role === 'admin' || f.sendable)
      .map((f) => el('option', { value: f.feed }, f.name)));
    $('feed-select').addEventListener('change', onFeedChange);
    $('period-input').addEventListener('change', updateTemplateLink);
    $('history-feed').addEventListener('change', loadHistory);
    $('history-unit').addEventListener('change', loadHistory);
    await loadHistory();
  });
})();
