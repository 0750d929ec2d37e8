// 年度报告: pick a year of the live version, download the report as DOCX or PDF (generated on the server).
(function () {
  'use strict';

  const yearSelect = document.getElementById('year');
  const buttons = {
    docx: document.getElementById('download-docx'),
    pdf: document.getElementById('download-pdf'),
  };
  const status = document.getElementById('report-status');
  const error = document.getElementById('report-error');

  function showError(message) {
    error.textContent = message;
    error.hidden = false;
    status.textContent = '';
  }

  /** The file name from Content-Disposition (filename*=UTF-8''…), or a fallback. */
  function fileName(response, format) {
    const header = response.headers.get('Content-Disposition') || '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    return encoded ? decodeURIComponent(encoded[1]) : '年度报告.' + format;
  }

  async function download(format) {
    const year = yearSelect.value;
    error.hidden = true;
    Object.values(buttons).forEach((b) => { b.disabled = true; });
    status.textContent = '正在生成 ' + year + ' 年度报告（' + format.toUpperCase() + '）…';
    try {
      const response = await fetch('/api/v1/reports/annual/' + encodeURIComponent(year) + '?format=' + format);
      if (response.status === 401) { window.Shell.toLogin(); return; }
      if (!response.ok) {
        const body = await response.json().catch(() => ({}));
        showError(body.error || ('生成失败（HTTP ' + response.status + '）'));
        return;
      }
      const name = fileName(response, format);
      const blob = await response.blob();
      const link = document.createElement('a');
      link.href = URL.createObjectURL(blob);
      link.download = name;
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 60000);
      status.textContent = '已生成：' + name + '（数据版本第 ' + response.headers.get('X-Report-Version') + ' 版）';
    } catch (e) {
      showError('生成失败：' + e.message);
    } finally {
      Object.values(buttons).forEach((b) => { b.disabled = yearSelect.options.length === 0; });
    }
  }

  async function load() {
    let available;
    try {
      available = await window.Shell.getJson('/api/v1/reports/annual');
    } catch (e) {
      document.getElementById('version').textContent = '';
      showError(e.message);
      return;
    }
    const published = available.published_at ? available.published_at.replace('T', ' ').slice(0, 16) : '';
    document.getElementById('version').textContent = '当前数据版本：第 ' + available.version + ' 版（' + published
      + ' 发布），数据最新月份 ' + (available.latest_month || '—') + '。';
    yearSelect.replaceChildren(...available.years.map((y) => {
      const option = document.createElement('option');
      option.value = y;
      option.textContent = y + ' 年';
      return option;
    }));
    if (available.years.length === 0) {
      showError('当前数据版本中没有指标数据，无法生成报告。');
      return;
    }
    Object.values(buttons).forEach((b) => { b.disabled = false; });
  }

  buttons.docx.addEventListener('click', () => download('docx'));
  buttons.pdf.addEventListener('click', () => download('pdf'));
  document.addEventListener('DOMContentLoaded', load);
})();
