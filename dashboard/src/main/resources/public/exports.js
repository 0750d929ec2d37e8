// Downloads from the pages. Tables: XLSX or CSV made on the server (/api/v1/exports/…) from the same answer the
// table was drawn from, never scraped from the page; offered to the roles that may export (leader, planner,
// admin; the server refuses the others anyway). Charts: PNG from ECharts itself, on a white background.
(function () {
  'use strict';

  const { el } = window.Shell;
  const EXPORT_ROLES = ['leader', 'planner', 'admin'];

  /** The file name of Content-Disposition (filename*=UTF-8''…), or the fallback. */
  function fileName(response, fallback) {
    const header = response.headers.get('Content-Disposition') || '';
    const encoded = /filename\*=UTF-8''([^;]+)/i.exec(header);
    return encoded ? decodeURIComponent(encoded[1]) : fallback;
  }

  function save(href, name) {
    const link = el('a', { href, download: name, hidden: true });
    document.body.appendChild(link);
    link.click();
    link.remove();
  }

  /** Fetches a file and hands it to the browser; an error answer is thrown with the API's Chinese message. */
  async function download(url, fallbackName) {
    const response = await fetch(url);
    if (response.status === 401) {
      window.Shell.toLogin();
      throw new Error('请先登录。');
    }
    if (!response.ok) {
      const body = await response.json().catch(() => ({}));
      throw new Error(body.error || ('导出失败（HTTP ' + response.status + '）'));
    }
    const name = fileName(response, fallbackName);
    const href = URL.createObjectURL(await response.blob());
    save(href, name);
    setTimeout(() => URL.revokeObjectURL(href), 60000);
    return name;
  }

  function report(onError, error) {
    if (onError) onError(error);
    else window.alert(error.message);
  }

  /**
   * 导出 Excel / 导出 CSV buttons for a table: urlFor(format) gives the export's URL for the table shown now (null:
   * nothing to export). Hidden from the roles that may not export.
   */
  function tableButtons(urlFor, onError) {
    const button = (format, label) => el('button', {
      type: 'button', className: 'tool-button', 'data-export': format, title: '由服务器按当前数据版本生成，记入审计日志',
      onclick: async (event) => {
        const url = urlFor(format);
        if (!url) return;
        const target = event.currentTarget;
        target.disabled = true;
        target.dataset.busy = '1';
        try {
          await download(url, '导出.' + format);
        } catch (error) {
          report(onError, error);
        } finally {
          target.disabled = false;
          delete target.dataset.busy;
        }
      },
    }, label);
    const box = el('span', { className: 'export-buttons', hidden: true },
      button('xlsx', '导出 Excel'), button('csv', '导出 CSV'));
    window.Shell.session().then((who) => { box.hidden = !EXPORT_ROLES.includes(who.role); }).catch(() => {});
    return box;
  }

  /** A 下载图片 button saving the chart getChart() returns as PNG (twice the screen's pixels, white background). */
  function pngButton(getChart, nameFor) {
    return el('button', {
      type: 'button', className: 'tool-button', 'data-export': 'png', title: '将图表保存为 PNG 图片',
      onclick: () => {
        const chart = getChart();
        if (!chart) return;
        save(chart.getDataURL({ type: 'png', pixelRatio: 2, backgroundColor: '#ffffff' }),
          nameFor().replace(/[\\/:*?"<>|]/g, '_') + '.png');
      },
    }, '下载图片');
  }

  window.Exports = { download, tableButtons, pngButton };
})();
